"""Parsing one cell's text into a value Uplift stores, within the bounds it may take.

Every parser here refuses rather than guesses: only the ASCII digits 0-9 count as digits (a
full-width ８ or an Arabic-Indic ٤ is refused, not converted), a number has no exponent
(except LAIT's own short ones, where the caller allows them), and a value is checked against
the bounds of what it measures, and against the size of its database column, before it is
converted. Each parser raises CellError with the reason a person reads; Cells adds the
file, row, column and value.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from uplift.imports.errors import CellError

MAX_NUMBER_LENGTH = 40  # '4.7980000000000002E-2' is 21: anything much longer is not a figure
DATABASE_INTEGER = 2**31 - 1  # PostgreSQL's integer column
DATABASE_DECIMAL = Decimal(10) ** 12  # Result.value: 16 digits, 4 after the point

_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_SHORT_EXPONENT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]{1,2}")
_ANY_EXPONENT = re.compile(r"[+-]?[0-9.]+[eE][+-]?[0-9]+")

URN_LOW, URN_HIGH = 100000, 999999
# DfE LA codes run from 201 (City of London) to the 900s (regions and England in LAIT are
# 970-990); no LA code starts with 0 or 1.
LA_CODE_LOW, LA_CODE_HIGH = 201, 999

# Dates: none before these, and none long after the file's edition (or today).
EARLIEST_REGISTER_DATE = date(1800, 1, 1)  # the oldest schools' opening dates
EARLIEST_INSPECTION_DATE = date(1992, 9, 1)  # Ofsted began; before Sept 2005 none is stored
REGISTER_MARGIN = timedelta(days=5 * 366)  # schools are proposed to open years ahead
INSPECTION_MARGIN = timedelta(days=92)  # a report is published weeks after the visit
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%Y%m%d", "%d/%m/%y", "%Y-%m-%dT%H:%M:%S")


def ascii_digits(text: str) -> bool:
    """Only 0-9: str.isdigit() alone also accepts '８' and '٤'."""
    return text.isascii() and text.isdigit()


@dataclass(frozen=True)
class Bounds:
    """What a number may be: its least and greatest values and whether it is whole."""

    low: Decimal | None = None
    high: Decimal | None = None
    whole: bool = False
    what: str = "a value"

    def check(self, number: Decimal) -> None:
        if self.whole and number != number.to_integral_value():
            raise CellError(f"not a whole number ({self.what} is a whole number)")
        low, high = self.low, self.high
        if low is not None and high is not None and not low <= number <= high:
            raise CellError(f"{self.what} must be between {_plain(low)} and {_plain(high)}")
        if low is not None and number < low:
            raise CellError(f"{self.what} cannot be less than {_plain(low)}")
        if high is not None and number > high:
            raise CellError(f"{self.what} cannot be more than {_plain(high)}")


def _plain(number: Decimal) -> str:
    return f"{number:,f}" if abs(number) >= 10000 else f"{number:f}"


def bounds(low=None, high=None, *, whole: bool = False, what: str = "a value") -> Bounds:
    return Bounds(_decimal_or_none(low), _decimal_or_none(high), whole, what)


def _decimal_or_none(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


PERCENTAGE = bounds(0, 100, what="a percentage")
STORED_FIGURE = bounds(-DATABASE_DECIMAL + 1, DATABASE_DECIMAL - 1, what="a figure")


def parse_number(text: str, *, allow_exponent: bool = False) -> Decimal:
    """A number as DfE writes it: '51', '-0.25', '57.2%', '1,234'. Never 'inf', 'NaN' or an
    exponent ('1e5'), unless `allow_exponent` (LAIT writes '4.798E-2'), and then only one
    of two digits, so that nothing like '1e999999' ever reaches Decimal."""
    cleaned = text.strip()
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].rstrip()
    cleaned = cleaned.replace(",", "")
    if len(cleaned) > MAX_NUMBER_LENGTH:
        raise CellError(f"not a number (longer than {MAX_NUMBER_LENGTH} characters)")
    if not cleaned.isascii():
        raise CellError("not a number (only the digits 0-9 count as digits)")
    if _PLAIN_NUMBER.fullmatch(cleaned):
        return Decimal(cleaned)
    if allow_exponent and _SHORT_EXPONENT.fullmatch(cleaned):
        return Decimal(cleaned)
    if _ANY_EXPONENT.fullmatch(cleaned):
        raise CellError("not a number: a power of ten (such as 1e5) is not accepted")
    raise CellError("not a number")


def parse_bounded(text: str, limits: Bounds, *, allow_exponent: bool = False) -> Decimal:
    number = parse_number(text, allow_exponent=allow_exponent)
    STORED_FIGURE.check(number)
    limits.check(number)
    return number


def parse_whole(text: str, *, low: int = 0, high: int = DATABASE_INTEGER, what="a number") -> int:
    number = parse_number(text)
    if number != number.to_integral_value():
        raise CellError("not a whole number")
    if not low <= number <= high:
        raise CellError(f"{what} must be between {low:,} and {high:,}")
    return int(number)


def parse_urn(text: str) -> int:
    """A URN: six ASCII digits, 100000 to 999999."""
    value = text.strip()
    if not (ascii_digits(value) and len(value) == 6 and URN_LOW <= int(value) <= URN_HIGH):
        raise CellError(f"not a URN (six digits, {URN_LOW} to {URN_HIGH})")
    return int(value)


def parse_la_code(text: str, *, allowed: frozenset[str] = frozenset()) -> str:
    """A DfE LA code: three ASCII digits of a plausible LA ('919'; '919.0' as a number cell
    or LAIT's own export writes it). `allowed`: codes a file uses for "no LA" ('000')."""
    value = text.strip()
    if value.endswith(".0"):
        value = value[:-2]
    if not (ascii_digits(value) and len(value) == 3):
        raise CellError("not a DfE LA code (three digits, such as 919)")
    if value in allowed:
        return value
    if not LA_CODE_LOW <= int(value) <= LA_CODE_HIGH:
        raise CellError(f"not a DfE LA code (no LA has a code below {LA_CODE_LOW})")
    return value


def parse_establishment_number(text: str) -> str:
    """The four-digit establishment number within an LA ('2001'; '2001.0' from a number cell)."""
    value = text.strip()
    if value.endswith(".0"):
        value = value[:-2]
    if not (ascii_digits(value) and 1 <= len(value) <= 4):
        raise CellError("not an establishment number (four digits)")
    return value.zfill(4)


def parse_laestab(text: str, *, la_code: str | None = None) -> str:
    """A LAESTAB: seven ASCII digits ('9192001' or '919/2001'), the first three an LA code,
    and that LA's when the file gives it."""
    value = text.strip().replace("/", "")
    if not (ascii_digits(value) and len(value) == 7):
        raise CellError("not a 7-digit LAESTAB (LA code + establishment number)")
    try:
        parse_la_code(value[:3])
    except CellError:
        raise CellError("not a LAESTAB: its first three digits are not an LA code") from None
    if la_code and value[:3] != la_code:
        raise CellError(f"the LAESTAB does not start with the school's LA code {la_code}")
    return value


def parse_date(text: str) -> date:
    """A date in one of the forms DfE and Ofsted write ('13/01/2026', '2026-01-13' ...)."""
    value = text.strip()
    if value.isascii():
        for fmt in DATE_FORMATS:
            try:
                return datetime.strptime(value, fmt).date()
            except ValueError:
                continue
    raise CellError("not a date (expected dd/mm/yyyy, dd-mm-yyyy, yyyy-mm-dd or yyyymmdd)")


def check_date_window(day: date, *, earliest: date, latest: date) -> None:
    if day < earliest:
        raise CellError(f"a date before {earliest:%d/%m/%Y} is not plausible here")
    if day > latest:
        raise CellError(f"a date after {latest:%d/%m/%Y} is not plausible for this file")
