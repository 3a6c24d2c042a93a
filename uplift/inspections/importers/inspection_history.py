"""`uplift import inspection-history FILE`: a school's graded inspections over the years.

One row per graded (full) inspection: a URN, the date and the overall grade, as a word
("Outstanding", "Satisfactory", "Requires Improvement") or a number (1 to 4); optionally
Ofsted's inspection number. Column names are recognised whatever their case, spacing or
underscores, with the common variants (`Inspection Date`, `inspection_start_date`,
`Rating`, `Overall effectiveness` ...): see COLUMN_NAMES. Ofsted's provider-page timelines,
as scraped for every school in the 2017-18 performance tables, are such a file.

The framework is the one in force on the date (frameworks.framework_on); a row dated before
section 5 inspections began (September 2005) is counted and not stored, and a grade dated
when Ofsted gave no overall grade (September 2024 on) is refused.

An inspection Uplift already knows is not stored twice: the same school on the same date
(from Ofsted's management information, the performance tables or anywhere else), or the
same inspection number. Those are left as they are and counted. Inspections this importer
stored before are updated when a file gives them another grade.

Schools the register lacks are skipped, with their rows counted in the summary: the file
names no school and no LA, so a record made from it would be a nameless school that no LA
officer could reach. Import the register first (GIAS, or `uplift import school-information`
for the schools of past years), then the history.

A history of past inspections tells casework nothing new (it has no categories of concern),
so no `inspections_imported` signal is sent.
"""

from dataclasses import dataclass
from datetime import date

from uplift.imports.base import Importer
from uplift.imports.cells import Cells
from uplift.imports.errors import RowError
from uplift.imports.registry import register
from uplift.imports.sync import ADDED, UNCHANGED, UPDATED, Record, Tally, sync_records
from uplift.inspections import frameworks
from uplift.inspections.importers.ofsted_words import four_point
from uplift.inspections.importers.ofsted_writing import chunked
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource
from uplift.schools.models import Establishment

SOURCE = InspectionSource.HISTORY
OUTCOME_LENGTH = Inspection._meta.get_field("outcome").max_length
NUMBER_LENGTH = Inspection._meta.get_field("inspection_number").max_length

# What each column may be called, normalised (lower case, single spaces, no _ or -).
COLUMN_NAMES = {
    "urn": ("urn", "school urn", "unique reference number", "provider urn", "urn at inspection"),
    "date": (
        "inspection date", "inspection start date", "date of inspection", "start date",
        "inspection start", "inspectiondt", "inspection dt", "date",
    ),
    "grade": (
        "rating", "grade", "overall effectiveness", "overall grade", "ofsted rating",
        "ofstedrating", "overall rating", "inspection grade", "outcome", "judgement",
    ),
    "number": ("inspection number", "inspection id", "inspection no", "inspection reference"),
}  # fmt: skip
REQUIRED = ("urn", "date", "grade")


def normalise(name: str) -> str:
    return " ".join(name.lower().replace("_", " ").replace("-", " ").split())


@dataclass(frozen=True)
class HistoryRow:
    urn: int
    start_date: date
    grade: str  # '1' to '4'
    outcome: str
    number: str
    framework: str


@dataclass
class Outcome:
    added: int = 0
    updated: int = 0
    known: int = 0
    duplicates: int = 0
    before_2005: int = 0
    skipped_rows: int = 0
    skipped_schools: int = 0

    def line(self, rows: int) -> str:
        text = (
            f"{rows} inspection rows: {self.added} inspections added, {self.updated} updated, "
            f"{self.known} already known (same school and date, or inspection number)"
        )
        if self.duplicates:
            text += f"; {self.duplicates} repeated rows read once"
        if self.before_2005:
            text += f"; {self.before_2005} before September 2005 not stored (no framework)"
        if self.skipped_rows:
            text += (
                f"; {self.skipped_rows} rows of {self.skipped_schools} schools not in the "
                "register skipped (import the register first)"
            )
        return text + "."


@register
class InspectionHistoryImporter(Importer):
    name = "inspection-history"
    label = "Ofsted graded-inspection history"
    description = (
        "A history of graded Ofsted inspections, one row per inspection (URN, date, grade "
        "as a word or 1 to 4): stored with the framework of its date, beside the inspections "
        "already known, for the schools in the register."
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        by_name = {normalise(name): name for name in reversed(self.table.header) if name}
        self.columns = {
            role: next((by_name[n] for n in names if n in by_name), None)
            for role, names in COLUMN_NAMES.items()
        }

    def check_header(self) -> list[RowError]:
        missing = [role for role in REQUIRED if self.columns[role] is None]
        if not missing:
            return []
        wanted = "; ".join(f"{role}: {' / '.join(COLUMN_NAMES[role][:3])}" for role in missing)
        return [
            RowError(
                self.table.file_name,
                self.table.header_row,
                ", ".join(missing),
                "",
                f"no column for the {' and the '.join(missing)} of each inspection ({wanted}, "
                "in any case); is this an inspection history file?",
            )
        ]

    def parse_row(self, cells: Cells) -> HistoryRow | None:
        columns = self.columns
        urn = cells.urn(columns["urn"], required=True)
        day = cells.inspection_date(columns["date"], required=True)
        text = cells.text(columns["grade"], required=True, max_length=OUTCOME_LENGTH)
        grade = None
        if text:
            try:
                grade = four_point(text)
            except ValueError as exc:
                cells.error(columns["grade"], text, str(exc))
            if grade is None and not cells.errors:
                cells.error(columns["grade"], text, "a graded inspection needs its grade")
        number = ""
        if columns["number"]:
            number = cells.text(columns["number"], max_length=NUMBER_LENGTH)
        if urn is None or day is None or grade is None:
            return None
        framework = frameworks.framework_on(day)
        if framework is not None and not framework.has_overall_grade:
            cells.error(
                columns["date"],
                cells.raw(columns["date"]),
                f"Ofsted gave no overall grade on this date ({framework.name}); this file's "
                "grades end in August 2024",
            )
            return None
        return HistoryRow(urn, day, grade, text, number, framework.code if framework else "")

    def check_file(self, parsed: list[tuple[int, HistoryRow]]) -> list[RowError]:
        first: dict[tuple, tuple[int, HistoryRow]] = {}
        errors = []
        for number, row in parsed:
            key = (row.urn, row.start_date)
            seen = first.setdefault(key, (number, row))
            if seen[0] != number and seen[1].grade != row.grade:
                errors.append(
                    RowError(
                        self.table.file_name,
                        number,
                        self.columns["grade"],
                        row.outcome,
                        f"row {seen[0]} gives URN {row.urn} on {row.start_date:%d/%m/%Y} "
                        f"another grade ({seen[1].outcome})",
                    )
                )
        return errors

    def write(self, parsed: list[tuple[int, HistoryRow]], tally: Tally) -> str:
        outcome = Outcome()
        schools = _schools({row.urn for _, row in parsed})
        rows, seen, missing = [], set(), set()
        for number, row in parsed:
            if row.urn not in schools:
                outcome.skipped_rows += 1
                missing.add(row.urn)
            elif not row.framework:
                outcome.before_2005 += 1
                tally.mark(number, UNCHANGED)
            elif (row.urn, row.start_date) in seen:
                outcome.duplicates += 1
                tally.mark(number, UNCHANGED)
            else:
                seen.add((row.urn, row.start_date))
                rows.append((number, row))
        outcome.skipped_schools = len(missing)
        self._write_inspections(rows, schools, tally, outcome)
        return outcome.line(len(parsed))

    def _write_inspections(self, rows, schools, tally: Tally, outcome: Outcome) -> None:
        known_dates, known_numbers, own = _known(schools.values())
        run_id = self.run.pk if self.run is not None else None
        records = []
        for number, row in rows:
            school_id = schools[row.urn]
            key = (school_id, row.start_date)
            values = {
                "establishment_id": school_id,
                "inspection_number": row.number,
                "framework": row.framework,
                "kind": InspectionKind.GRADED,
                "start_date": row.start_date,
                "overall_grade": int(row.grade),
                "outcome": row.outcome,
                "urn_at_inspection": row.urn,
                "source": SOURCE,
            }
            if key in known_dates or (row.number and (school_id, row.number) in known_numbers):
                outcome.known += 1
                tally.mark(number, UNCHANGED)
                continue
            current = own.get(key)
            if current is None or any(getattr(current, k) != v for k, v in values.items()):
                values["import_run_id"] = run_id
            records.append(Record(number, key, values))
        before = dict(tally.outcomes)
        sync_records(Inspection, records, existing=own, tally=tally)
        for number, result in tally.outcomes.items():
            if number not in before:
                outcome.added += result == ADDED
                outcome.updated += result == UPDATED


def _schools(urns: set[int]) -> dict[int, int]:
    """Establishment ids by URN, for the URNs the register holds."""
    found = {}
    for chunk in chunked(sorted(urns)):
        found.update(Establishment.objects.filter(urn__in=chunk).values_list("urn", "pk"))
    return found


def _known(school_ids) -> tuple[set, set, dict]:
    """What is known of these schools' inspections from other sources: (school, date) and
    (school, number) of each; and this importer's own inspections by (school, date)."""
    dates, numbers, own = set(), set(), {}
    for chunk in chunked(school_ids):
        found = (
            Inspection.objects.filter(establishment_id__in=chunk)
            .exclude(source=SOURCE)
            .values_list("establishment_id", "start_date", "inspection_number")
        )
        for school_id, day, number in found:
            dates.add((school_id, day))
            if number:
                numbers.add((school_id, number))
        for inspection in Inspection.objects.filter(establishment_id__in=chunk, source=SOURCE):
            own[(inspection.establishment_id, inspection.start_date)] = inspection
    return dates, numbers, own
