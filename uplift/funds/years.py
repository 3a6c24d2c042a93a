"""Financial years run from 1 April to 31 March: "2026-27" is 1 April 2026 to 31 March 2027."""

import re
from datetime import date

from uplift.core.errors import Refused

_YEAR = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)


def financial_year_of(day: date) -> str:
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def financial_year_bounds(year: str) -> tuple[date, date]:
    """The first and last day of the financial year; refuses text that is not one."""
    found = _YEAR.match(year or "")
    if not found or (int(found[1]) + 1) % 100 != int(found[2]):
        raise Refused(f"Enter the financial year like 2026-27 (not {year!r})")
    start = int(found[1])
    return date(start, 4, 1), date(start + 1, 3, 31)
