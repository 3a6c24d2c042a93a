"""What every importer is: a named reader of one published file format."""

from dataclasses import dataclass
from typing import Any, ClassVar

from uplift.imports.cells import Cells
from uplift.imports.errors import RowError
from uplift.imports.reading import Table
from uplift.imports.sync import Tally


@dataclass(frozen=True)
class Option:
    """An importer option, offered both as a CLI flag and as a field on the upload page."""

    name: str
    help: str
    choices: tuple[str, ...] = ()
    required: bool = False
    pattern: str = ""
    example: str = ""


class Importer:
    name: ClassVar[str]
    label: ClassVar[str]
    description: ClassVar[str] = ""
    required_columns: ClassVar[tuple[str, ...]] = ()
    options: ClassVar[tuple[Option, ...]] = ()

    def __init__(self, *, table: Table, options: dict[str, Any], run=None):
        self.table = table
        self.options = options
        self.run = run

    def header_hint(self) -> tuple[str, ...]:
        """Columns that mark the header row (for files whose header is not on row 1)."""
        return self.required_columns

    def check_header(self) -> list[RowError]:
        """Whole-file errors, e.g. a file of another dataset. Nothing is read if any."""
        missing = [c for c in self.required_columns if not self.table.has(c)]
        if not missing:
            return []
        return [
            RowError(
                self.table.file_name,
                self.table.header_row,
                ", ".join(missing),
                "",
                f"missing column(s) that a {self.label} file has; is this the right file "
                f"for `uplift import {self.name}`?",
            )
        ]

    def skip_row(self, cells: Cells) -> bool:
        """Rows to pass over without reading (blank lines, notes under a table)."""
        return not any(cell.strip() for cell in cells.row)

    def parse_row(self, cells: Cells) -> Any:
        """Turn one row into a parsed record; record problems with cells.error()."""
        raise NotImplementedError

    def check_file(self, parsed: list[tuple[int, Any]]) -> list[RowError]:
        """Errors across rows, e.g. a URN that appears twice."""
        return []

    def write(self, parsed: list[tuple[int, Any]], tally: Tally) -> str:
        """Write the parsed rows (inside one transaction) and return a one-line summary."""
        raise NotImplementedError
