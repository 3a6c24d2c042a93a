"""Dates as people read and write them."""

from datetime import date


def long_date(day: date | None, missing: str = "") -> str:
    """A date as people write it, 3 April 2026; `missing` when there is no date."""
    return missing if day is None else f"{day.day} {day:%B %Y}"
