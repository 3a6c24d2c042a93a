"""What a file may cost to read: its size, its rows, columns and cells, and for a spreadsheet
what its compressed parts expand to, all checked before the file is parsed.

XLSX and ODS files are zip archives of XML: a 1 MB workbook can hold millions of identical
cells, and the spreadsheet parser holds every cell of a sheet in memory at once (about 70
bytes each, before Python's copy). So a workbook's parts are read once, as a stream, before
it is opened: their real expanded size is counted (the sizes a zip declares can lie), and
the rows, cells and furthest cell reference of each sheet are counted from its XML, stopping
as soon as any limit is passed.
"""

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from uplift.imports.errors import FileRejected, RowError

DEFAULTS = {
    "UPLIFT_MAX_UPLOAD_BYTES": 50 * 1024 * 1024,
    "UPLIFT_MAX_ROWS": 1_000_000,
    "UPLIFT_MAX_COLUMNS": 1_000,
    "UPLIFT_MAX_CELLS": 10_000_000,
    "UPLIFT_MAX_SHEET_CELLS": 2_500_000,
    "UPLIFT_MAX_UNCOMPRESSED_BYTES": 100 * 1024 * 1024,
}
CHUNK = 1 << 20
MAX_ZIP_PARTS = 10_000
LONGEST_TAG = 1 << 16


@dataclass(frozen=True)
class FileLimits:
    upload_bytes: int
    rows: int
    columns: int
    cells: int
    sheet_cells: int
    uncompressed_bytes: int

    @classmethod
    def current(cls) -> "FileLimits":
        value = {name: int(getattr(settings, name, default)) for name, default in DEFAULTS.items()}
        return cls(
            upload_bytes=value["UPLIFT_MAX_UPLOAD_BYTES"],
            rows=value["UPLIFT_MAX_ROWS"],
            columns=value["UPLIFT_MAX_COLUMNS"],
            cells=value["UPLIFT_MAX_CELLS"],
            sheet_cells=value["UPLIFT_MAX_SHEET_CELLS"],
            uncompressed_bytes=value["UPLIFT_MAX_UNCOMPRESSED_BYTES"],
        )


def megabytes(size: int) -> str:
    """A size as people read it: '50 MB', '2.5 MB', or '1,000 bytes' below a megabyte."""
    if size < 1024 * 1024:
        return f"{size:,} bytes"
    return f"{size / (1024 * 1024):,.1f} MB".replace(".0 MB", " MB")


def refuse(name: str, reason: str, row: int | None = None) -> FileRejected:
    return FileRejected([RowError(name, row, "", "", reason)])


def check_file_size(path: Path, name: str, limits: FileLimits) -> None:
    size = path.stat().st_size
    if size > limits.upload_bytes:
        raise refuse(
            name,
            f"the file is {megabytes(size)}, more than the {megabytes(limits.upload_bytes)} "
            "an import may be",
        )


def check_shape(name: str, *, rows: int, columns: int, limits: FileLimits, cells_cap=None):
    """Data rows, columns and cells (rows x columns) against the limits, before reading."""
    check_rows(name, rows, limits)
    check_columns(name, columns, limits)
    cap = cells_cap or limits.cells
    if rows * columns > cap:
        raise refuse(
            name,
            f"the file has {rows:,} rows of {columns:,} columns, more than the {cap:,} cells "
            "an import reads",
        )


def check_rows(name: str, rows: int, limits: FileLimits) -> None:
    if rows > limits.rows:
        raise refuse(name, f"the file has more than {limits.rows:,} rows, the most an import reads")


def check_columns(name: str, columns: int, limits: FileLimits, row: int | None = None) -> None:
    if columns > limits.columns:
        raise refuse(
            name,
            f"{'row has' if row else 'the file has'} {columns:,} columns, more than the "
            f"{limits.columns:,} an import reads",
            row,
        )


def check_workbook(path: Path, name: str, limits: FileLimits) -> None:
    """Refuse an XLSX or ODS workbook that would expand beyond the limits, before parsing it."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise refuse(name, "cannot read the file: it is not a valid XLSX or ODS workbook") from exc
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_ZIP_PARTS:
            raise refuse(name, f"the workbook has {len(parts):,} parts; it is not a spreadsheet")
        declared = sum(part.file_size for part in parts)
        if declared > limits.uncompressed_bytes:
            raise _too_big_when_opened(name, declared, limits)
        expanded = 0
        for part in parts:
            scan = _scanner_for(part.filename, name, limits)
            try:
                with archive.open(part) as stream:
                    while chunk := stream.read(CHUNK):
                        expanded += len(chunk)
                        if expanded > limits.uncompressed_bytes:
                            raise _too_big_when_opened(name, expanded, limits)
                        if scan:
                            scan.feed(chunk)
            except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, ValueError) as exc:
                raise refuse(name, f"cannot read the file: a damaged workbook ({exc})") from exc
            if scan:
                scan.finish()


def _too_big_when_opened(name: str, size: int, limits: FileLimits) -> FileRejected:
    return refuse(
        name,
        f"the workbook expands to more than {megabytes(limits.uncompressed_bytes)} when opened "
        f"(at least {megabytes(size)}); save it as CSV or split it",
    )


def _scanner_for(part: str, name: str, limits: FileLimits):
    if re.fullmatch(r"xl/worksheets/[^/]+\.xml", part):
        return XlsxSheetScan(name, limits)
    if part == "content.xml":
        return OdsContentScan(name, limits)
    return None


class _Scan:
    """Feeds a part's XML in chunks, cut after the last complete tag of each."""

    def __init__(self, name: str, limits: FileLimits):
        self.name = name
        self.limits = limits
        self.carry = b""

    def feed(self, chunk: bytes) -> None:
        data = self.carry + chunk
        cut = data.rfind(b"<")
        if cut == -1 or len(data) - cut > LONGEST_TAG:
            self.carry = b""
            self.scan(data)
        else:
            self.carry = data[cut:]
            self.scan(data[:cut])

    def finish(self) -> None:
        self.scan(self.carry)
        self.carry = b""

    def scan(self, xml: bytes) -> None:
        raise NotImplementedError

    def check(self, *, rows: int, columns: int, cells: int) -> None:
        limits = self.limits
        if rows > limits.rows:
            raise refuse(self.name, f"a sheet has more than {limits.rows:,} rows")
        if columns > limits.columns:
            raise refuse(
                self.name, f"a sheet reaches column {columns:,}; at most {limits.columns:,}"
            )
        if cells > limits.sheet_cells:
            raise refuse(
                self.name,
                f"a sheet spans more than {limits.sheet_cells:,} cells, the most a spreadsheet "
                "import opens; save it as CSV",
            )


# Cells and rows without a value (a formatted empty cell, <c r="XFD9" s="1"/>) are left out,
# as the parser leaves them out. A namespace prefix (<x:c>) is dropped first.
_XLSX_PREFIX = re.compile(rb"<(/?)[A-Za-z_][\w.-]*:(row|c)\b")
_XLSX_EMPTY_CELL = re.compile(rb"<c\s[^>]*/>")
_XLSX_EMPTY_ROW = re.compile(rb"<row\b[^>]*(?:/>|>\s*</row>)")
_XLSX_CELL_COLUMN = re.compile(rb' r="([A-Z]{1,4})[0-9]')
_XLSX_CELL_ROW = re.compile(rb' r="[A-Z]{1,4}([0-9]{1,9})"')
_XLSX_ROW_NUMBER = re.compile(rb'<row\s[^>]*?\br="([0-9]{1,9})"')


def column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


class XlsxSheetScan(_Scan):
    """The rows and cells holding a value in one worksheet, and the furthest row and column
    they reach: the parser holds every cell from A1 to there."""

    def __init__(self, name: str, limits: FileLimits):
        super().__init__(name, limits)
        self.rows = self.cells = self.last_row = self.last_column = 0

    def scan(self, xml: bytes) -> None:
        if b":row" in xml or b":c" in xml:
            xml = _XLSX_PREFIX.sub(rb"<\1\2", xml)
        xml = _XLSX_EMPTY_ROW.sub(b"", _XLSX_EMPTY_CELL.sub(b"", xml))
        self.rows += xml.count(b"<row")
        self.cells += xml.count(b"<c ") + xml.count(b"<c>")
        letters = set(_XLSX_CELL_COLUMN.findall(xml))
        if letters:
            self.last_column = max(self.last_column, *map(column_number, letters))
        numbers = set(_XLSX_CELL_ROW.findall(xml)) | set(_XLSX_ROW_NUMBER.findall(xml))
        if numbers:
            self.last_row = max(self.last_row, *map(int, numbers))
        height = max(self.rows, self.last_row)
        self.check(
            rows=height,
            columns=self.last_column,
            cells=max(self.cells, height * self.last_column),
        )


_ODS_TAG = re.compile(
    rb"<table:table\s|<table:table-row(?=[\s/>])([^>]*)>|</table:table-row>"
    rb"|<table:(?:covered-)?table-cell(?=[\s/>])([^>]*)>"
)
_ROWS_REPEATED = re.compile(rb"table:number-rows-repeated=\"([0-9]{1,9})\"")
_COLUMNS_REPEATED = re.compile(rb"table:number-columns-repeated=\"([0-9]{1,9})\"")


class OdsContentScan(_Scan):
    """ODS compresses runs of equal rows and cells into one element with a repeat count;
    the parser expands those that hold a value, so they are counted expanded. Runs of
    empty rows and cells (every sheet ends with one) count only when a value follows."""

    def __init__(self, name: str, limits: FileLimits):
        super().__init__(name, limits)
        self._new_sheet()

    def _new_sheet(self) -> None:
        self.rows = self.width = self.empty_rows = 0
        self.row_repeat = self.row_width = self.row_value_width = 0

    def scan(self, xml: bytes) -> None:
        for match in _ODS_TAG.finditer(xml):
            text = match.group(0)
            if text.startswith(b"<table:table ") or text.startswith(b"<table:table\t"):
                self._new_sheet()
            elif text.startswith(b"</"):
                self._end_row()
            elif match.group(1) is not None:
                self._start_row(match.group(1))
            else:
                self._cell(match.group(2) or b"")

    def _start_row(self, attributes: bytes) -> None:
        repeated = _ROWS_REPEATED.search(attributes)
        self.row_repeat = int(repeated.group(1)) if repeated else 1
        self.row_width = self.row_value_width = 0
        if attributes.endswith(b"/"):
            self._end_row()

    def _cell(self, attributes: bytes) -> None:
        repeated = _COLUMNS_REPEATED.search(attributes)
        self.row_width += int(repeated.group(1)) if repeated else 1
        if b"office:value-type" in attributes or not attributes.endswith(b"/"):
            self.row_value_width = self.row_width

    def _end_row(self) -> None:
        if self.row_value_width:
            self.rows += self.empty_rows + self.row_repeat
            self.empty_rows = 0
            self.width = max(self.width, self.row_value_width)
        else:
            self.empty_rows += self.row_repeat
        self.row_repeat = self.row_width = self.row_value_width = 0
        self.check(rows=self.rows, columns=self.width, cells=self.rows * self.width)
