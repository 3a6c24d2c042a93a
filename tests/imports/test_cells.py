"""Typed cell reading: each problem names the row, column and value."""

from datetime import date
from decimal import Decimal

import pytest

from uplift.imports.cells import Cells, parse_date, parse_number
from uplift.imports.reading import Table


def cells(**row):
    table = Table("f.csv", list(row), 1, [list(row.values())])
    return Cells(table, 2, list(row.values()))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13/01/2026", date(2026, 1, 13)),
        ("01-01-2022", date(2022, 1, 1)),
        ("2024-01-23", date(2024, 1, 23)),
        ("20140204", date(2014, 2, 4)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2024", "yesterday", "2024/13/01"])
def test_parse_date_refuses(text):
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("51%", Decimal("51")),
        ("-0.25", Decimal("-0.25")),
        ("1,234", Decimal("1234")),
        ("57.2%", Decimal("57.2")),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["SUPP", "12a", "1.2.3", "", "%"])
def test_parse_number_refuses(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_integer_error_names_row_column_and_value():
    row = cells(URN="12a")
    assert row.integer("URN") is None
    (error,) = row.errors
    assert (error.file, error.row, error.column, error.value) == ("f.csv", 2, "URN", "12a")
    assert "whole number" in error.reason
    assert str(error) == "f.csv, row 2, column 'URN', value '12a': not a whole number"


def test_null_words_are_empty_and_required_is_enforced():
    row = cells(Name="NULL")
    assert row.text("Name") == ""
    assert row.errors == []
    row.text("Name", required=True)
    assert row.errors[0].reason == "a value is required"


def test_missing_trailing_cells_read_as_empty():
    table = Table("f.csv", ["A", "B", "C"], 1, [["1"]])
    row = Cells(table, 2, ["1"])
    assert row.text("C") == "" and row.integer("B") is None and not row.errors


def test_bad_date_reason_says_what_was_expected():
    row = cells(OpenDate="31/31/2020")
    assert row.date("OpenDate") is None
    assert "dd/mm/yyyy" in row.errors[0].reason
