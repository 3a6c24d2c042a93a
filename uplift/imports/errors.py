"""What an importer reports when a file cannot be taken as it is."""

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class RowError:
    """One bad cell (or a whole-file problem when row is None)."""

    file: str
    row: int | None
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        if self.value != "":
            where.append(f"value {self.value[:60]!r}")
        return ", ".join(where) + f": {self.reason}"

    def as_dict(self) -> dict:
        return asdict(self)


class CellError(ValueError):
    """Raised by a cell parser; the reader adds file, row, column and value."""


class FileRejected(Exception):
    """The file was refused and nothing was written."""

    def __init__(self, errors: list[RowError], run=None):
        self.errors = errors
        self.run = run
        super().__init__(str(errors[0]) if errors else "file rejected")
