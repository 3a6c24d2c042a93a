"""The one CSV writer: formula-like text made inert, numbers kept, and no other CSV writer in
the product."""

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from uplift.core.csv_files import csv_text, safe_cell, write_csv


@pytest.mark.parametrize(
    "value, cell",
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+44 1234", "'+44 1234"),
        ("-A", "'-A"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("-0.45", "-0.45"),  # a signed number stays a number
        ("+12", "+12"),
        ("-1e3", "'-1e3"),
        ("Abbey = good", "Abbey = good"),
        (None, ""),
        (-3, -3),
        (Decimal("-1.50"), Decimal("-1.50")),
        (date(2026, 5, 1), "2026-05-01"),
        (True, "Yes"),
    ],
)
def test_safe_cell(value, cell):
    assert safe_cell(value) == cell


def test_header_and_rows_are_written_safely():
    text = csv_text(["Name", "=Score"], [["=cmd|' /C calc'!A0", -2], ["Plain", "-1.5"]])
    assert list(csv.reader(io.StringIO(text))) == [
        ["Name", "'=Score"],
        ["'=cmd|' /C calc'!A0", "-2"],
        ["Plain", "-1.5"],
    ]
    stream = io.StringIO()
    write_csv(stream, ["a"], [["@x"]])
    assert stream.getvalue() == "a\n'@x\n"


def test_no_other_module_writes_csv():
    """Every CSV the product writes goes through uplift.core.csv_files."""
    package = Path(__file__).resolve().parents[2] / "uplift"
    writers = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if ("csv.writer" in (text := path.read_text()) or "csv.DictWriter" in text)
        and path.name != "csv_files.py"
    ]
    assert writers == []
