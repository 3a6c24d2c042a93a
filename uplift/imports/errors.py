"""What an importer reports when a file cannot be taken as it is."""

import re
from dataclasses import dataclass

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
STORED_VALUE_LENGTH = 200


def printable(text: str) -> str:
    """Text safe to store (PostgreSQL refuses NUL) and to show on one line: each control
    character written as an escape, such as \\x00."""
    return _CONTROL.sub(lambda found: found.group().encode("unicode_escape").decode(), text)


@dataclass(frozen=True)
class RowError:
    """One bad cell (or a whole-file problem when row is None)."""

    file: str
    row: int | None
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = [printable(self.file)]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {printable(self.column)!r}")
        if self.value != "":
            where.append(f"value {self.value[:60]!r}")
        return ", ".join(where) + f": {printable(self.reason)}"

    def as_dict(self) -> dict:
        """For the import history: printable, and the value cut to a readable length."""
        return {
            "file": printable(self.file),
            "row": self.row,
            "column": printable(self.column),
            "value": printable(self.value[:STORED_VALUE_LENGTH]),
            "reason": printable(self.reason),
        }


class CellError(ValueError):
    """Raised by a cell parser; the reader adds file, row, column and value."""


class FileRejected(Exception):
    """The file was refused and nothing was written."""

    def __init__(self, errors: list[RowError], run=None):
        self.errors = errors
        self.run = run
        super().__init__(str(errors[0]) if errors else "file rejected")
