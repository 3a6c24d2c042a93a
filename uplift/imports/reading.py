"""Reading the tables DfE and Ofsted publish: CSV in any of their encodings, XLSX, ODS, Parquet.

Every reader gives a header and then rows of text cells numbered as a spreadsheet shows
them (the header is row 1), so that errors can name the row a person would look at.
"""

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from uplift.imports.errors import FileRejected, RowError

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
HEADER_SEARCH_ROWS = 10


def detect_encoding(raw: bytes) -> str:
    """UTF-8 (with or without a BOM), else Windows-1252, else Latin-1."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4096]:
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
    """A spreadsheet or Parquet cell as the text a CSV edition would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
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
    index: dict[str, int] = field(init=False)

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


def read_table(
    path: Path, *, display_name: str | None = None, header_hint: Sequence[str] = ()
) -> Table:
    """Read a file into a Table. `header_hint`: columns that the header row must contain
    (used to find a header that is not on the first row, as in some DfE workbooks)."""
    path = Path(path)
    name = display_name or path.name
    suffix = path.suffix.lower()
    try:
        if suffix in SPREADSHEET_SUFFIXES:
            grid, encoding = _read_spreadsheet(path), ""
        elif suffix == ".parquet":
            return _read_parquet(path, name)
        else:
            grid, encoding = _read_csv(path)
    except FileRejected:
        raise
    except ValueError as exc:
        raise FileRejected([RowError(name, None, "", "", f"cannot read the file: {exc}")]) from exc
    except Exception as exc:  # a corrupt workbook raises the library's own errors
        raise FileRejected(
            [RowError(name, None, "", "", f"cannot read the file ({type(exc).__name__}): {exc}")]
        ) from exc
    grid = [row for row in grid]
    while grid and not any(cell.strip() for cell in grid[-1]):
        grid.pop()
    if not grid:
        raise FileRejected([RowError(name, None, "", "", "the file is empty")])
    header_at = _find_header(grid, header_hint)
    rows = grid[header_at + 1 :]
    return Table(name, grid[header_at], header_at + 1, rows, encoding)


def _find_header(grid: list[list[str]], hint: Sequence[str]) -> int:
    if not hint:
        return 0
    wanted = set(hint)
    for position, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        if wanted <= {cell.strip() for cell in row}:
            return position
    return 0


def _read_csv(path: Path) -> tuple[list[list[str]], str]:
    raw = path.read_bytes()
    encoding = detect_encoding(raw)
    text = raw.decode(encoding)
    return list(csv.reader(io.StringIO(text, newline=""))), encoding


def _read_spreadsheet(path: Path) -> list[list[str]]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    sheet = workbook.get_sheet_by_index(0)
    return [[cell_text(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]


def _read_parquet(path: Path, name: str) -> Table:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as exc:
        raise FileRejected(
            [RowError(name, None, "", "", f"cannot read the Parquet file: {exc}")]
        ) from exc
    columns = [[cell_text(v) for v in column.to_pylist()] for column in table.columns]
    rows = [list(values) for values in zip(*columns, strict=True)] if columns else []
    return Table(name, list(table.column_names), 1, rows, "parquet")
