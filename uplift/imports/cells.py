"""Typed reading of one row's cells, collecting errors that name row, column and value."""

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from uplift.imports.errors import RowError
from uplift.imports.reading import Table

NULL_WORDS = {"", "null", "n/a"}
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%Y%m%d", "%d/%m/%y", "%Y-%m-%dT%H:%M:%S")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_date(text: str) -> date:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError("not a date (expected dd/mm/yyyy, dd-mm-yyyy, yyyy-mm-dd or yyyymmdd)")


def parse_number(text: str) -> Decimal:
    """A number as DfE writes it: '51', '-0.25', '57.2%', '1,234'."""
    cleaned = text.strip().rstrip("%").replace(",", "").strip()
    if not _NUMBER.match(cleaned):
        raise ValueError("not a number")
    try:
        return Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError("not a number") from exc


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

    def integer(self, column: str, *, required: bool = False, minimum: int | None = 0):
        value = self.text(column, required=required)
        if value == "":
            return None
        try:
            number = parse_number(value)
        except ValueError:
            self.error(column, value, "not a whole number")
            return None
        if number != number.to_integral_value():
            self.error(column, value, "not a whole number")
            return None
        if minimum is not None and number < minimum:
            self.error(column, value, f"less than {minimum}")
            return None
        return int(number)

    def decimal(self, column: str, *, required: bool = False) -> Decimal | None:
        value = self.text(column, required=required)
        if value == "":
            return None
        try:
            return parse_number(value)
        except ValueError:
            self.error(column, value, "not a number")
            return None

    def date(self, column: str, *, required: bool = False) -> date | None:
        value = self.text(column, required=required)
        if value == "":
            return None
        try:
            return parse_date(value)
        except ValueError as exc:
            self.error(column, value, str(exc))
            return None
