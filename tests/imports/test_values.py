"""The one set of rules for what a cell may hold: identifiers, numbers, dates; and the signs
of a damaged file (a cut-off last line, control characters)."""

from datetime import date
from decimal import Decimal

import pytest

from uplift.imports import damage, values
from uplift.imports.errors import CellError, RowError
from uplift.imports.reading import Table, cell_text
from uplift.imports.values import (
    PERCENTAGE,
    bounds,
    parse_bounded,
    parse_date,
    parse_la_code,
    parse_laestab,
    parse_number,
    parse_urn,
)

LOOK_ALIKES = ["٤٢", "４２", "𝟒𝟐", "४२", "4²", "٤2"]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_only_ascii_digits_are_digits(text):
    with pytest.raises(CellError, match="only the digits 0-9"):
        parse_number(text)


@pytest.mark.parametrize(
    "text", ["1e5", "1E+30", "-2.5e-3", "1e999999", "1e-999999999", "9" * 41, "inf", "NaN"]
)
def test_no_exponents_nor_non_finite_numbers(text):
    with pytest.raises(CellError):
        parse_number(text)


def test_lait_short_exponents_only():
    assert parse_number("4.7980000000000002E-2", allow_exponent=True) == Decimal(
        "0.047980000000000002"
    )
    for text in ("1e999999", "1e100", "1e-100"):
        with pytest.raises(CellError, match="power of ten"):
            parse_number(text, allow_exponent=True)


def test_bounds_and_the_database_column():
    assert parse_bounded("57.2%", PERCENTAGE) == Decimal("57.2")
    with pytest.raises(CellError, match="a percentage must be between 0 and 100"):
        parse_bounded("100.01", PERCENTAGE)
    with pytest.raises(CellError, match="a figure must be between"):
        parse_bounded("1000000000000", bounds())
    count = bounds(0, 10, whole=True, what="a count")
    with pytest.raises(CellError, match="not a whole number"):
        parse_bounded("1.5", count)
    assert parse_bounded("-3.98", bounds(-100, 100)) == Decimal("-3.98")


@pytest.mark.parametrize(
    "text", ["12345", "1234567", "099999", "1e5", "2147483648", "１００００１", "100001.0", " "]
)
def test_urns_have_six_ascii_digits(text):
    with pytest.raises(CellError, match="not a URN"):
        parse_urn(text)


def test_urn():
    assert parse_urn(" 100001 ") == 100001


@pytest.mark.parametrize("text", ["8", "85", "0850", "８５０", "000", "101", "９１９", "91x"])
def test_la_codes_are_three_ascii_digits_of_a_plausible_la(text):
    with pytest.raises(CellError, match="not a DfE LA code"):
        parse_la_code(text)


def test_la_codes():
    assert [parse_la_code(t) for t in ("919", "919.0", "201", "970", "990")] == [
        "919",
        "919",
        "201",
        "970",
        "990",
    ]
    assert parse_la_code("000", allowed=frozenset({"000"})) == "000"


def test_laestab():
    assert parse_laestab("919/2001") == "9192001"
    assert parse_laestab("9192001", la_code="919") == "9192001"
    with pytest.raises(CellError, match="does not start with the school's LA code 850"):
        parse_laestab("9192001", la_code="850")
    for text in ("0002001", "919200", "９１９２００１"):
        with pytest.raises(CellError):
            parse_laestab(text)


def test_dates_are_ascii_and_in_their_window():
    assert parse_date("01-09-2011") == date(2011, 9, 1)
    with pytest.raises(CellError, match="not a date"):
        parse_date("٠١/٠٩/٢٠١١")
    window = {"earliest": date(1800, 1, 1), "latest": date(2027, 1, 1)}
    for day in (date(1, 1, 1), date(9999, 1, 1)):
        with pytest.raises(CellError, match="not plausible"):
            values.check_date_window(day, **window)


def test_edition_date_from_the_file_name():
    today = date(2026, 12, 7)
    assert damage.edition_date("edubasealldata20250422.csv", today=today) == date(2025, 4, 22)
    assert damage.edition_date("ks2_2023-24_hertfordshire.csv", today=today) is None
    assert damage.edition_date("export_20991231.csv", today=today) is None
    assert damage.edition_date("ofsted_2026-05-31.csv", today=today) == date(2026, 5, 31)


@pytest.mark.parametrize(
    ("value", "text"),
    [(1e-05, "0.00001"), (4.798e-2, "0.04798"), (1.5e16, "15000000000000000"), (2.0, "2")],
)
def test_number_cells_are_written_without_an_exponent(value, text):
    assert cell_text(value) == text


def table(rows) -> Table:
    return Table("f.csv", ["A", "B", "C"], 1, rows)


def cut_off(rows, tail):
    t = table(rows)
    return damage.cut_off_last_row("f.csv", header=t.header, rows=t.rows, header_row=1, tail=tail)


def test_a_cut_off_last_line():
    error = cut_off([["1", "2", "3"], ["4", "5"]], "4,5")
    assert (error.row, error.column, error.value) == (3, "B", "5")
    assert "stops after 2 of the header's 3 fields" in error.reason
    assert cut_off([["1", "2", "3"], ["4", "5"]], "") is None  # it ends with a line end
    assert cut_off([["1", "2"], ["4", "5"]], "4,5") is None  # a width the file uses
    assert cut_off([["1", "2", "3"], ["4", "5", "6"]], "4,5,6") is None
    quoted = cut_off([["1", "2", "3"], ["4", "Saint Ma"]], '4,"Saint Ma')
    assert "inside a quoted value" in quoted.reason


@pytest.mark.parametrize(
    ("record", "open_"),
    [('1,"abc', True), ('1,"a""b', True), ('1,"a""b"', False), ('1,ab"c', False), ("1,2", False)],
)
def test_ends_inside_quotes(record, open_):
    assert damage.ends_inside_quotes(record) is open_


def test_control_characters_are_named_by_row_and_column():
    errors = damage.control_errors("f.csv", ["A", "B"], [(2, ["x", "y\x00"]), (3, ["\tok", "z"])])
    assert errors == [
        RowError(
            "f.csv",
            2,
            "B",
            "y\x00",
            "contains a control character (U+0000), which no published file has: the file is "
            "damaged or not text",
        )
    ]
    assert "value 'y\\x00'" in str(errors[0])
