"""The shape of gathered evidence: for each part, a few headline facts and tables, the same
for the page, the PDF and the CSV."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    empty: str = "Nothing recorded."


@dataclass
class PartEvidence:
    facts: list[tuple[str, str]] = field(default_factory=list)  # (what, value)
    tables: list[Table] = field(default_factory=list)

    def long_rows(self, part_label: str):
        """The evidence as tidy rows: part, table, row, column, value."""
        for what, value in self.facts:
            yield (part_label, "Summary", what, "Value", value)
        for table in self.tables:
            for row in table.rows:
                for column, value in zip(table.header[1:], row[1:], strict=False):
                    yield (part_label, table.caption, row[0], column, value)
