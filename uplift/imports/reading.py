"""Reading the tables DfE and Ofsted publish: CSV in any of their encodings, XLSX, ODS, Parquet.

Every reader gives a header and then rows of text cells numbered as a spreadsheet shows
them (the header is row 1), so that errors can name the row a person would look at.
Before anything is parsed, the file's cost is checked against the limits (see limits.py),
and a file that shows damage (a cut-off last line, control characters: see damage.py) is
refused whole.
"""

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from uplift.imports import damage
from uplift.imports.errors import FileRejected
from uplift.imports.limits import (
    FileLimits,
    check_columns,
    check_file_size,
    check_rows,
    check_shape,
    check_workbook,
    refuse,
)

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".ods"}
OLD_EXCEL_SUFFIXES = {".xls"}
HEADER_SEARCH_ROWS = 10


def detect_encoding(raw: bytes) -> str:
    """UTF-8 (with or without a BOM), else Windows-1252, else Latin-1."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    start = raw[:4096]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or start.count(b"\x00") > len(start) // 10:
        # (a stray NUL is left to the check that names its row and column)
        raise ValueError("it looks like UTF-16 or a binary file; save it as CSV (UTF-8)")
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        raw.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def cell_text(value) -> str:
    """A spreadsheet or Parquet cell as the text a CSV edition would hold (never with an
    exponent: 1e-05 is written 0.00001)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


@dataclass
class Table:
    """A header and its rows of text, with the row number of each."""

    file_name: str
    header: list[str]
    header_row: int
    rows: Sequence[list[str]]
    encoding: str = ""
    edition: date | None = None  # the date the file's name gives, if any
    index: dict[str, int] = field(init=False)
    # Dates parsed so far (a file repeats the same few hundred dates thousands of times).
    parsed_dates: dict[tuple, date | str] = field(init=False, default_factory=dict)

    def __post_init__(self):
        self.header = [h.strip() for h in self.header]
        self.index = {}
        for position, name in enumerate(self.header):
            self.index.setdefault(name, position)

    def numbered_rows(self) -> Iterator[tuple[int, list[str]]]:
        for offset, row in enumerate(self.rows, start=1):
            yield self.header_row + offset, row

    def __len__(self) -> int:
        return len(self.rows)

    def has(self, column: str) -> bool:
        return column in self.index


@dataclass
class _Grid:
    rows: list[list[str]]
    encoding: str = ""
    tail: str = ""  # the last record's text when the file ends without a line end
    checked_controls: bool = False


def read_table(
    path: Path, *, display_name: str | None = None, header_hint: Sequence[str] = ()
) -> Table:
    """Read a file into a Table. `header_hint`: columns that the header row must contain
    (used to find a header that is not on the first row, as in some DfE workbooks)."""
    path = Path(path)
    name = display_name or path.name
    suffix = Path(name).suffix.lower() or path.suffix.lower()
    limits = FileLimits.current()
    edition = damage.edition_date(name, today=timezone.localdate())
    try:
        check_file_size(path, name, limits)
        if suffix in OLD_EXCEL_SUFFIXES:
            raise refuse(
                name,
                "the Excel 97-2003 format (.xls) cannot be checked safely before it is opened; "
                "save the file as XLSX or CSV",
            )
        if suffix in WORKBOOK_SUFFIXES:
            check_workbook(path, name, limits)
            grid = _read_spreadsheet(path, name, limits)
        elif suffix == ".parquet":
            grid = _read_parquet(path, name, limits)
        else:
            grid = _read_csv(path, name, limits)
    except FileRejected:
        raise
    except ValueError as exc:
        raise refuse(name, f"cannot read the file: {exc}") from exc
    except Exception as exc:  # a corrupt workbook raises the library's own errors
        raise refuse(name, f"cannot read the file ({type(exc).__name__}): {exc}") from exc
    return _table(name, grid, header_hint, edition)


def _table(name: str, grid: _Grid, header_hint: Sequence[str], edition) -> Table:
    rows = grid.rows
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows:
        raise refuse(name, "the file is empty")
    if not grid.checked_controls:
        errors = damage.control_errors(name, rows[0], enumerate(rows, start=1))
        if errors:
            raise FileRejected(errors)
    header_at = _find_header(rows, header_hint)
    table = Table(name, rows[header_at], header_at + 1, rows[header_at + 1 :], grid.encoding)
    table.edition = edition
    cut = damage.cut_off_last_row(
        name, header=table.header, rows=table.rows, header_row=table.header_row, tail=grid.tail
    )
    if cut:
        raise FileRejected([cut])
    return table


def _find_header(grid: list[list[str]], hint: Sequence[str]) -> int:
    if not hint:
        return 0
    wanted = set(hint)
    for position, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        if wanted <= {cell.strip() for cell in row}:
            return position
    return 0


def _read_csv(path: Path, name: str, limits: FileLimits) -> _Grid:
    raw = path.read_bytes()
    encoding = detect_encoding(raw)
    text = raw.decode(encoding)
    del raw
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[list[str]] = []
    cells = 0
    line_end = last_start_line = 0
    for row in reader:
        last_start_line, line_end = line_end + 1, reader.line_num
        rows.append(row)
        cells += len(row)
        if len(row) > limits.columns:
            check_columns(name, len(row), limits, row=len(rows))
        if cells > limits.cells or len(rows) > limits.rows + 1:
            check_rows(name, len(rows) - 1, limits)
            raise refuse(name, f"the file has more than {limits.cells:,} cells, the most read")
    grid = _Grid(rows, encoding, checked_controls=True)
    if damage.CONTROL.search(text):
        errors = damage.control_errors(name, rows[0] if rows else [], enumerate(rows, start=1))
        if errors:
            raise FileRejected(errors)
    if text and not text.endswith(("\n", "\r")) and rows and any(c.strip() for c in rows[-1]):
        grid.tail = text[damage.last_record_start(text, last_start_line) :]
    return grid


def _read_spreadsheet(path: Path, name: str, limits: FileLimits) -> _Grid:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    try:
        sheet = workbook.get_sheet_by_index(0)
        last_row, last_column = sheet.end or (-1, -1)
        check_shape(
            name,
            rows=last_row + 1,
            columns=last_column + 1,
            limits=limits,
            cells_cap=limits.sheet_cells,
        )
        # Rows from A1, as a person sees the sheet (iter_rows starts at the first used column).
        before = [""] * (sheet.start[1] if sheet.start else 0)
        rows = [before + [cell_text(value) for value in row] for row in sheet.iter_rows()]
        del sheet
    finally:
        workbook.close()
    return _Grid(rows)


def _read_parquet(path: Path, name: str, limits: FileLimits) -> _Grid:
    import pyarrow.parquet as pq

    try:
        source = pq.ParquetFile(path)
        metadata = source.metadata
        check_shape(name, rows=metadata.num_rows, columns=metadata.num_columns, limits=limits)
        table = source.read()
    except FileRejected:
        raise
    except Exception as exc:
        raise refuse(name, f"cannot read the Parquet file: {exc}") from exc
    header = list(table.column_names)
    clean = not any(map(_has_control_characters, table.columns))
    columns = [[cell_text(v) for v in column.to_pylist()] for column in table.columns]
    del table
    rows = [header]
    if columns:
        rows.extend(list(values) for values in zip(*columns, strict=True))
    del columns
    return _Grid(rows, "parquet", checked_controls=clean)


def _has_control_characters(column) -> bool:
    """Whether a Parquet text column holds a control character (checked by Arrow at C speed;
    the cells are then searched one by one only to name them)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return False
    return bool(pc.any(pc.match_substring_regex(column, damage.CONTROL.pattern)).as_py())
