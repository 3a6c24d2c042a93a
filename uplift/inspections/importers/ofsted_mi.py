"""`uplift import ofsted FILE`: Ofsted's monthly "Management information - state-funded schools".

One importer reads both families of edition (see ofsted_columns), telling them apart by
their header. Each row gives a school, found or created by URN, and up to three inspections:
the latest full one (a report card from 10 November 2025), the latest graded one under the
older frameworks or the previous full one, and the latest ungraded one.
"""

from functools import cached_property

from uplift.audit.models import Via
from uplift.imports.base import Importer
from uplift.imports.errors import RowError
from uplift.imports.registry import register
from uplift.inspections.importers.ofsted_columns import EDITIONS, Columns, detect_edition
from uplift.inspections.importers.ofsted_rows import ParsedRow, read_inspections, read_school
from uplift.inspections.importers.ofsted_writing import summary, write_inspections, write_schools
from uplift.inspections.signals import inspections_imported


@register
class OfstedManagementInformation(Importer):
    name = "ofsted"
    label = "Ofsted management information (state-funded schools)"
    description = (
        "Ofsted's monthly 'Management information - state-funded schools' (latest "
        "inspections), in its report-card edition (from November 2025) or an education "
        "inspection framework edition (2019 to 2025). Adds schools the register lacks, and "
        "each school's latest, previous and ungraded inspections with their judgements."
    )
    required_columns = ("URN", "LAESTAB", "School name")

    @cached_property
    def columns(self) -> Columns:
        return Columns(frozenset(self.table.header))

    @cached_property
    def edition(self):
        return detect_edition(self.columns.header)

    def check_header(self) -> list[RowError]:
        errors = super().check_header()
        if errors or self.edition is not None:
            return errors
        markers = [marker for edition in EDITIONS for marker in edition.markers]
        return [
            RowError(
                self.table.file_name,
                self.table.header_row,
                " / ".join(markers),
                "",
                "none of these columns is in the header, so this is neither a report-card "
                "nor an education inspection framework edition of Ofsted's management "
                "information",
            )
        ]

    def parse_row(self, cells) -> ParsedRow | None:
        school = read_school(cells, self.columns)
        row = ParsedRow(school, [])
        read_inspections(cells, self.columns, self.edition.blocks, row)
        return row if school is not None else None

    def check_file(self, parsed: list[tuple[int, ParsedRow]]) -> list[RowError]:
        first_row: dict[int, int] = {}
        errors = []
        for number, row in parsed:
            urn = row.school.urn
            if urn in first_row:
                errors.append(
                    RowError(
                        self.table.file_name,
                        number,
                        "URN",
                        str(urn),
                        f"this URN is also on row {first_row[urn]}",
                    )
                )
            else:
                first_row[urn] = number
        return errors

    def write(self, parsed: list[tuple[int, ParsedRow]], tally) -> str:
        schools, new_schools = write_schools(parsed, tally)
        written, judgements = write_inspections(parsed, schools, tally, self.run)
        text = f"{summary(parsed, new_schools, written, judgements)} ({self.edition.label})"
        return " ".join([text, *self.tell_others()])

    def tell_others(self) -> list[str]:
        """Tell the apps that act on new inspections (casework opens concern cases), in the
        import's transaction: a rejected or dry run changes nothing. Their answers join the
        import's summary."""
        if self.run is None or self.run.pk is None:
            return []
        answers = inspections_imported.send(sender=type(self), run=self.run, via=Via.SYSTEM)
        return [answer for _, answer in answers if answer]
