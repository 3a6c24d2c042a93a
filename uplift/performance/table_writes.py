"""Writing a parsed performance-tables file: the register's gaps, results, Ofsted ratings.

Everything is written in bulk: existing rows are loaded in a few chunked queries, then
sync_records creates or updates them. A record is stamped with the import run only when
it is new or changes, so that a second import of the same file changes nothing.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Model

from uplift.imports.sync import UNCHANGED, Record, Tally, sync_records
from uplift.inspections.frameworks import framework_on
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource
from uplift.performance.catalogue import sync_measures
from uplift.performance.models import Level, Result
from uplift.performance.table_rows import ParsedRow
from uplift.schools.local_authorities import ensure_local_authorities
from uplift.schools.models import Establishment, PhaseGroup, RegisterSource

CHUNK = 5000
FILLABLE_TEXT = ("name", "establishment_number", "laestab", "town", "postcode")
FILLABLE_KIND = ("type_name", "type_group")
RESULT_FIELDS = (
    "measure_id",
    "academic_year",
    "level",
    "subject_key",
    "segment",
    "establishment_id",
    "la_id",
    "value",
    "suppression",
)


def chunks(values: Iterable, size: int = CHUNK) -> Iterator[list]:
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def stamped(values: dict, instance: Model | None, run) -> dict:
    """The values, plus the import run when they create or change the instance."""
    if instance is None or any(getattr(instance, k) != v for k, v in values.items()):
        return {**values, "import_run_id": run.pk if run else None}
    return values


@dataclass
class Outcome:
    """What a file did, for the one-line summary."""

    schools: int = 0
    schools_created: int = 0
    schools_filled: int = 0
    summary_rows: int = 0
    skipped_unknown: int = 0
    results: int = 0
    suppressed: int = 0
    inspections: int = 0
    ratings_before_frameworks: int = 0
    years: set[str] = field(default_factory=set)

    def line(self, dataset: str, year: str) -> str:
        parts = [
            f"{dataset} {year}: {self.schools} schools ({self.schools_created} added to the "
            f"register, {self.schools_filled} with gaps filled), {self.summary_rows} LA/England "
            f"summary rows; {self.results} results for {', '.join(sorted(self.years)) or '-'} "
            f"({self.suppressed} with a code instead of a number)"
        ]
        if self.inspections:
            parts.append(f"{self.inspections} Ofsted ratings")
        if self.ratings_before_frameworks:
            parts.append(
                f"{self.ratings_before_frameworks} Ofsted ratings not kept: dated before "
                "the first inspection framework Uplift knows"
            )
        if self.skipped_unknown:
            parts.append(
                f"{self.skipped_unknown} rows skipped: URN not in the register and the file "
                "has no LA column to place it"
            )
        return "; ".join(parts) + "."


class TablesWriter:
    def __init__(self, *, run, dataset: str, year: str, has_la_column: bool, tally: Tally):
        self.run = run
        self.dataset = dataset
        self.year = year
        self.has_la_column = has_la_column
        self.tally = tally
        self.outcome = Outcome()

    def write(self, parsed: list[tuple[int, ParsedRow]]) -> str:
        measures = sync_measures()
        schools = [(n, row) for n, row in parsed if row.subject.level == Level.SCHOOL]
        registered = self._registered({row.subject.urn for _, row in schools})
        if not self.has_la_column:
            kept = [(n, row) for n, row in schools if row.subject.urn in registered]
            self.outcome.skipped_unknown = len(schools) - len(kept)
            schools = kept
        summaries = [(n, row) for n, row in parsed if row.subject.level != Level.SCHOOL]
        las = self._local_authorities(schools, summaries)
        establishments = self._sync_establishments(schools, registered, las)
        self._sync_results(schools + summaries, measures, establishments, las)
        self._sync_inspections(schools, establishments)
        for number, _ in schools + summaries:
            if number not in self.tally.outcomes:
                self.tally.mark(number, UNCHANGED)
        self.outcome.schools = len(schools)
        self.outcome.summary_rows = len(summaries)
        return self.outcome.line(self.dataset, self.year)

    def _registered(self, urns: set[int]) -> dict[int, Establishment]:
        found = {}
        for chunk in chunks(sorted(urns)):
            found.update({e.urn: e for e in Establishment.objects.filter(urn__in=chunk)})
        return found

    def _local_authorities(self, schools, summaries) -> dict:
        names: dict[str, str | None] = {
            row.school.la_code: None for _, row in schools if row.school.la_code
        }
        for _, row in summaries:
            if row.subject.level == Level.LA:
                names[row.subject.la_code] = row.la_name or names.get(row.subject.la_code)
        return ensure_local_authorities(names) if names else {}

    def _sync_establishments(self, schools, registered, las) -> dict[int, Establishment]:
        records = []
        for number, row in schools:
            urn = row.subject.urn
            existing = registered.get(urn)
            wanted = self._register_values(row, las, pupils=self._pupils(row))
            if existing is None:
                values = {**wanted, "urn": urn, "register_source": RegisterSource.PERFORMANCE}
                self.outcome.schools_created += 1
            else:
                values = _gaps(existing, wanted)
                self.outcome.schools_filled += bool(values)
            if values.get("name"):
                values.update(
                    name_source=RegisterSource.PERFORMANCE, name_edition=self.year.replace("-", "/")
                )
            records.append(Record(number, (urn,), values))
        saved = sync_records(
            Establishment,
            records,
            existing={(urn,): e for urn, e in registered.items()},
            tally=self.tally,
        )
        return {urn: establishment for (urn,), establishment in saved.items()}

    def _register_values(self, row: ParsedRow, las, *, pupils) -> dict:
        school = row.school
        la = las.get(school.la_code)
        laestab = f"{school.la_code}{school.establishment_number}" if la else ""
        return {
            "la_id": la.pk if la else None,
            "establishment_number": school.establishment_number,
            "laestab": laestab if school.establishment_number else "",
            "name": school.name,
            "town": school.town,
            "postcode": school.postcode,
            "type_name": school.kind.type_name,
            "type_group": school.kind.type_group,
            "phase_group": school.kind.phase_group,
            "pupils": pupils,
        }

    def _pupils(self, row: ParsedRow) -> int | None:
        """Pupils on roll from a census file's NOR for the file's own year."""
        if self.dataset != "census":
            return None
        value = row.value_of("census.NOR", self.year)
        return int(value.value) if value and value.value is not None else None

    def _sync_results(self, rows, measures, establishments, las) -> None:
        existing = _existing_results(
            measure_ids=[m.pk for m in measures.values()],
            years={v.academic_year for _, row in rows for v in row.values},
            subject_keys={row.subject.subject_key for _, row in rows},
        )
        records, changed = [], {}
        for number, row in rows:
            subject = row.subject
            establishment = establishments.get(subject.urn) if subject.urn else None
            la = las.get(subject.la_code) if subject.la_code else None
            for value in row.values:
                self.outcome.results += 1
                self.outcome.suppressed += bool(value.suppression)
                self.outcome.years.add(value.academic_year)
                measure_id = measures[value.measure_code].pk
                key = (measure_id, value.academic_year, subject.subject_key, subject.segment)
                values = {
                    "measure_id": measure_id,
                    "academic_year": value.academic_year,
                    "level": subject.level,
                    "subject_key": subject.subject_key,
                    "segment": subject.segment,
                    "establishment_id": establishment.pk if establishment else None,
                    "la_id": la.pk if la else None,
                    "value": value.value,
                    "suppression": value.suppression,
                }
                current = existing.get(key)
                if current is not None and current[1] == values:
                    self.tally.mark(number, UNCHANGED)
                    continue
                if current is not None:
                    changed[key] = current[0]
                run_id = self.run.pk if self.run else None
                records.append(Record(number, key, {**values, "import_run_id": run_id}))
        instances = {}
        for chunk in chunks(changed.values()):
            instances.update({r.pk: r for r in Result.objects.filter(pk__in=chunk)})
        existing_instances = {key: instances[pk] for key, pk in changed.items()}
        sync_records(Result, records, existing=existing_instances, tally=self.tally)

    def _sync_inspections(self, schools, establishments) -> None:
        rated = [(n, row) for n, row in schools if row.rating is not None]
        if not rated:
            return
        ids = [establishments[row.subject.urn].pk for _, row in rated]
        existing = {}
        for chunk in chunks(ids):
            for inspection in Inspection.objects.filter(
                establishment_id__in=chunk,
                source=InspectionSource.PERFORMANCE_TABLES,
                kind=InspectionKind.GRADED,
                inspection_number="",
            ):
                existing[(inspection.establishment_id, inspection.start_date)] = inspection
        records = []
        for number, row in rated:
            framework = framework_on(row.rating.start_date)
            if framework is None:
                self.outcome.ratings_before_frameworks += 1
                continue
            establishment_id = establishments[row.subject.urn].pk
            key = (establishment_id, row.rating.start_date)
            values = {
                "establishment_id": establishment_id,
                "inspection_number": "",
                "framework": framework.code,
                "kind": InspectionKind.GRADED,
                "start_date": row.rating.start_date,
                "overall_grade": row.rating.grade if framework.has_overall_grade else None,
                "outcome": row.rating.word,
                "urn_at_inspection": row.subject.urn,
                "source": InspectionSource.PERFORMANCE_TABLES,
            }
            records.append(Record(number, key, stamped(values, existing.get(key), self.run)))
        self.outcome.inspections = len(records)
        sync_records(Inspection, records, existing=existing, tally=self.tally)


def _existing_results(*, measure_ids, years, subject_keys) -> dict[tuple, tuple[int, dict]]:
    """Saved results this file can touch, as (pk, values) by natural key: read as plain
    values, since most of them are unchanged and need no model instance."""
    found = {}
    for chunk in chunks(sorted(subject_keys)):
        rows = Result.objects.filter(
            measure_id__in=measure_ids, academic_year__in=years, subject_key__in=chunk
        ).values("pk", *RESULT_FIELDS)
        for row in rows:
            pk = row.pop("pk")
            key = (row["measure_id"], row["academic_year"], row["subject_key"], row["segment"])
            found[key] = (pk, row)
    return found


def _gaps(existing: Establishment, wanted: dict) -> dict:
    """The values that fill an existing establishment's empty fields; nothing else."""
    empty = [name for name in FILLABLE_TEXT if not getattr(existing, name)]
    if existing.la_id is None:
        empty.append("la_id")
    if existing.pupils is None:
        empty.append("pupils")
    if not existing.type_group and (not existing.type_name or wanted["type_group"]):
        # A key stage file's type code (NFTYPE) is more precise than a census file's broad
        # type ("State-funded primary"), which has no group: it fills the gap.
        empty.extend(FILLABLE_KIND)
        if existing.phase_group == PhaseGroup.OTHER:
            empty.append("phase_group")
    return {
        name: wanted[name]
        for name in empty
        if wanted[name] not in ("", None) and wanted[name] != getattr(existing, name)
    }
