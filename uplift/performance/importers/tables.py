"""`uplift import performance FILE --dataset ks2|ks4|census|absence --year 2023-24`.

DfE performance-tables downloads ("Compare school and college performance"), LA or
national editions: the catalogue's measures for each school, with the LA and England
summary rows kept as comparators, plus any Ofsted ratings the file carries.
"""

import re

from uplift.imports.base import Importer, Option
from uplift.imports.cells import Cells
from uplift.imports.errors import RowError
from uplift.imports.registry import register
from uplift.imports.sync import Tally
from uplift.performance.catalogue import IDENTIFYING_COLUMNS
from uplift.performance.table_rows import Layout, ParsedRow, parse_row
from uplift.performance.table_writes import TablesWriter

DATASETS = tuple(IDENTIFYING_COLUMNS)
YEAR_PATTERN = r"[0-9]{4}-[0-9]{2}"  # ASCII digits only: \d would also take ٢ and ２


@register
class PerformanceTablesImporter(Importer):
    name = "performance"
    label = "DfE performance tables"
    description = (
        "A DfE performance-tables download (KS2, KS4, census or absence; LA or England "
        "edition): headline measures per school, with LA and England comparators."
    )
    required_columns = ("URN",)
    options = (
        Option("dataset", "which download the file is", choices=DATASETS, required=True),
        Option(
            "year",
            "the academic year the tables are for, as 2023-24",
            required=True,
            pattern=YEAR_PATTERN,
            example="2023-24",
        ),
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dataset = self.options.get("dataset", "")
        self.year = self.options.get("year", "")
        self.layout: Layout | None = None

    def check_header(self) -> list[RowError]:
        errors = self._option_errors() or super().check_header()
        if errors:
            return errors
        identifying = IDENTIFYING_COLUMNS[self.dataset]
        if not any(self.table.has(column) for column in identifying):
            return [
                self._file_error(
                    ", ".join(identifying),
                    f"none of the columns of a {self.dataset} file; is this the right file "
                    f"for --dataset {self.dataset}?",
                )
            ]
        self.layout = Layout.of(self.table, self.dataset, self.year)
        return []

    def _option_errors(self) -> list[RowError]:
        if self.dataset not in DATASETS:
            return [self._file_error("", f"--dataset must be one of {', '.join(DATASETS)}")]
        start, _, end = self.year.partition("-")
        if not re.fullmatch(YEAR_PATTERN, self.year) or (int(start) + 1) % 100 != int(end):
            return [self._file_error("", f"--year {self.year!r} should look like 2023-24")]
        return []

    def _file_error(self, column: str, reason: str) -> RowError:
        return RowError(self.table.file_name, self.table.header_row, column, "", reason)

    def parse_row(self, cells: Cells) -> ParsedRow | None:
        return parse_row(cells, self.layout)

    def check_file(self, parsed: list[tuple[int, ParsedRow]]) -> list[RowError]:
        first_row: dict[tuple, int] = {}
        errors = []
        for number, row in parsed:
            key = (row.subject.subject_key, row.subject.segment)
            if key not in first_row:
                first_row[key] = number
                continue
            errors.append(
                RowError(
                    self.table.file_name,
                    number,
                    "URN" if row.subject.urn else "",
                    str(row.subject.urn or ""),
                    f"{row.subject.describe()} appears twice: rows {first_row[key]} and {number}",
                )
            )
        return errors

    def write(self, parsed: list[tuple[int, ParsedRow]], tally: Tally) -> str:
        writer = TablesWriter(
            run=self.run,
            dataset=self.dataset,
            year=self.year,
            has_la_column=self.layout.la_column is not None,
            tally=tally,
        )
        return writer.write(parsed)
