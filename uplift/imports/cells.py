"""Typed reading of one row's cells, collecting errors that name row, column and value.

Every importer reads its cells through these getters, so that one set of rules (values.py)
decides what a URN, an LA code, a count, a percentage or a date may be, and a value that
breaks them is refused with its row, column and value before anything is written.
"""

import datetime
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from uplift.imports import values
from uplift.imports.errors import CellError, RowError
from uplift.imports.reading import Table
from uplift.imports.values import (  # noqa: F401  (the parsers importers use directly)
    PERCENTAGE,
    Bounds,
    parse_date,
    parse_number,
)

NULL_WORDS = {"", "null", "n/a"}
AGES = (0, 99)


class Cells:
    """One data row of a table. Each getter returns None and records an error on bad input."""

    __slots__ = ("table", "row", "number", "errors")

    def __init__(self, table: Table, number: int, row: list[str]):
        self.table = table
        self.row = row
        self.number = number
        self.errors: list[RowError] = []

    def raw(self, column: str) -> str:
        position = self.table.index.get(column)
        if position is None or position >= len(self.row):
            return ""
        return self.row[position].strip()

    def error(self, column: str, value: str, reason: str) -> None:
        self.errors.append(RowError(self.table.file_name, self.number, column, value, reason))

    def text(self, column: str, *, required: bool = False, max_length: int | None = None) -> str:
        value = self.raw(column)
        if value.lower() in NULL_WORDS:
            if required:
                self.error(column, value, "a value is required")
            return ""
        if max_length and len(value) > max_length:
            self.error(column, value, f"longer than {max_length} characters")
            return value[:max_length]
        return value

    def _parsed(self, column: str, parser, *, required: bool = False):
        """The cell's text through `parser`, or None (empty, or an error recorded)."""
        value = self.text(column, required=required)
        if value == "":
            return None
        try:
            return parser(value)
        except CellError as exc:
            self.error(column, value, str(exc))
            return None

    # Identifiers: only ASCII digits, of the shape each has.

    def urn(self, column: str, *, required: bool = False) -> int | None:
        return self._parsed(column, values.parse_urn, required=required)

    def la_code(
        self, column: str, *, required: bool = False, allowed: frozenset[str] = frozenset()
    ) -> str | None:
        return self._parsed(
            column, lambda text: values.parse_la_code(text, allowed=allowed), required=required
        )

    def laestab(self, column: str, *, la_code: str | None = None) -> str:
        parsed = self._parsed(column, lambda text: values.parse_laestab(text, la_code=la_code))
        return parsed or ""

    def establishment_number(self, column: str) -> str:
        return self._parsed(column, values.parse_establishment_number) or ""

    # Numbers: bounded by what they measure and by their database column.

    def integer(
        self,
        column: str,
        *,
        required: bool = False,
        minimum: int = 0,
        maximum: int = values.DATABASE_INTEGER,
    ) -> int | None:
        return self._parsed(
            column, lambda text: _whole(text, minimum, maximum, "a number"), required=required
        )

    def count(self, column: str, *, maximum: int, required: bool = False) -> int | None:
        """A count of people or things: a whole number from 0 to `maximum`."""
        return self._parsed(
            column, lambda text: _whole(text, 0, maximum, "a count"), required=required
        )

    def decimal(self, column: str, *, required: bool = False) -> Decimal | None:
        return self.figure(column, values.STORED_FIGURE, required=required)

    def figure(
        self, column: str, limits: Bounds, *, required: bool = False, allow_exponent=False
    ) -> Decimal | None:
        return self._parsed(
            column,
            lambda text: values.parse_bounded(text, limits, allow_exponent=allow_exponent),
            required=required,
        )

    def percentage(self, column: str, *, required: bool = False) -> Decimal | None:
        return self.figure(column, PERCENTAGE, required=required)

    def age(self, column: str) -> int | None:
        return self._parsed(column, lambda text: _whole(text, *AGES, "an age"))

    def age_range(self, low_column: str, high_column: str) -> tuple[int | None, int | None]:
        """Statutory lowest and highest ages: whole years, the lowest not above the highest."""
        low, high = self.age(low_column), self.age(high_column)
        if low is not None and high is not None and low > high:
            self.error(
                low_column,
                self.raw(low_column),
                f"the lowest age ({low}) is above the highest age ({high})",
            )
            return None, None
        return low, high

    # Dates: within the window a date of its kind can fall in.

    def date(
        self,
        column: str,
        *,
        required: bool = False,
        earliest: datetime.date = values.EARLIEST_REGISTER_DATE,
        margin: timedelta = values.REGISTER_MARGIN,
    ) -> datetime.date | None:
        """A date from `earliest` to the file's edition date (else today) plus `margin`."""
        text = self.text(column, required=required)
        if text == "":
            return None
        key = (text, earliest, margin)
        known = self.table.parsed_dates.get(key)
        if known is None:
            try:
                day = parse_date(text)
                values.check_date_window(day, earliest=earliest, latest=self.latest_date(margin))
                known = day
            except CellError as exc:
                known = str(exc)
            self.table.parsed_dates[key] = known
        if isinstance(known, str):
            self.error(column, text, known)
            return None
        return known

    def inspection_date(self, column: str, *, required: bool = False) -> datetime.date | None:
        return self.date(
            column,
            required=required,
            earliest=values.EARLIEST_INSPECTION_DATE,
            margin=values.INSPECTION_MARGIN,
        )

    def latest_date(self, margin: timedelta) -> datetime.date:
        today = timezone.localdate()
        edition = self.table.edition
        return (edition if edition and edition <= today else today) + margin


def _whole(text: str, low: int, high: int, what: str) -> int:
    try:
        return values.parse_whole(text, low=low, high=high, what=what)
    except CellError as exc:
        reason = str(exc)
        if reason.startswith("not a number"):
            reason = "not a whole number" + reason.removeprefix("not a number")
        raise CellError(reason) from None
