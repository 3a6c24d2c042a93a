"""The one CSV writer: every CSV the product writes (the command line's exports, the pages'
downloads, the API's) goes through it, so that no cell is run as a formula.

A spreadsheet runs a cell that starts with =, +, - or @ (and, in some, a tab or a carriage
return) as a formula: text someone typed ("=HYPERLINK(...)" as a school's name) would run on
the reader's machine. Such text is written with a leading ' that makes it inert. A number
(an int, a float, a Decimal, or text that is just a signed number such as "-0.45") is
written as it is: it is not a formula, and a quote would turn it into text.
"""

import csv
import io
import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def safe_cell(value) -> str | int | float | Decimal:
    """A value as a CSV cell: '' for None, dates in ISO, numbers as they are, and text that a
    spreadsheet would run as a formula made inert with a leading '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text):
        return f"'{text}"
    return text


def write_csv(stream, header: Iterable, rows: Iterable[Iterable]) -> None:
    """Write the header and rows to a text stream (a file, an HttpResponse, stdout)."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([safe_cell(name) for name in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])


def csv_text(header: Iterable, rows: Iterable[Iterable]) -> str:
    """The header and rows as CSV text."""
    buffer = io.StringIO()
    write_csv(buffer, header, rows)
    return buffer.getvalue()
