"""Writing parsed Ofsted rows: schools, inspections and judgements, each in a few bulk statements.

Existing records are loaded once, in chunks of URNs or ids, never one query per row.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from uplift.imports.sync import BATCH_SIZE, Record, Tally, sync_records
from uplift.inspections.importers.ofsted_rows import Grade, ParsedInspection, ParsedRow
from uplift.inspections.models import Inspection, InspectionSource, Judgement
from uplift.schools.local_authorities import ensure_local_authorities
from uplift.schools.models import Establishment, RegisterSource
from uplift.schools.phases import phase_group

CHUNK = 5000  # ids per IN (...) list, well under SQLite's limit on query parameters
SOURCE = InspectionSource.OFSTED_MI

Rows = list[tuple[int, ParsedRow]]


def chunked(values: Iterable, size: int = CHUNK) -> Iterator[list]:
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def write_schools(rows: Rows, tally: Tally) -> tuple[dict[int, Establishment], int]:
    """Find or create each row's school. Returns schools by URN and how many were new."""
    schools = [(number, row.school) for number, row in rows]
    las = ensure_local_authorities({s.la_code: s.la_name or None for _, s in schools if s.la_code})
    existing: dict[tuple, Establishment] = {}
    for urns in chunked(s.urn for _, s in schools):
        existing |= {(e.urn,): e for e in Establishment.objects.filter(urn__in=urns)}
    records = [
        Record(number, (s.urn,), _school_values(s, las, existing.get((s.urn,))))
        for number, s in schools
    ]
    by_key = sync_records(
        Establishment,
        records,
        existing=existing,
        tally=tally,
        build=lambda values: Establishment(register_source=RegisterSource.OFSTED, **values),
    )
    return {urn: school for (urn,), school in by_key.items()}, len(by_key) - len(existing)


def _school_values(school, las, current: Establishment | None) -> dict:
    la = las.get(school.la_code)
    values = {
        "urn": school.urn,
        "laestab": school.laestab,
        "establishment_number": school.laestab[3:],
        "la_id": la.pk if la else None,
        "name": school.name,
        "type_name": school.type_name,
        "phase": school.phase,
        "phase_group": phase_group(type_name=school.type_name, type_group="", phase=school.phase),
        "pupils": school.pupils,
        "postcode": school.postcode,
    }
    if current is None or current.register_source == RegisterSource.OFSTED:
        return _named(values, current)
    # A school the register (GIAS) already holds keeps its own values; only gaps are filled.
    return _named(
        {
            name: value
            for name, value in values.items()
            if name not in ("urn", "phase_group")
            and value not in ("", None)
            and getattr(current, name) in ("", None)
        },
        current,
    )


def _named(values: dict, current: Establishment | None) -> dict:
    """The values, with Ofsted recorded as the source of a name they give or change."""
    if values.get("name") and (current is None or current.name != values["name"]):
        return {**values, "name_source": RegisterSource.OFSTED, "name_edition": ""}
    return values


def _stored_key(inspection: Inspection) -> tuple | None:
    if inspection.inspection_number:
        return (inspection.establishment_id, inspection.inspection_number)
    if inspection.source != SOURCE:
        return None  # unnumbered inspections from other sources are theirs to keep
    return (inspection.establishment_id, "", inspection.start_date, inspection.kind)


def write_inspections(rows: Rows, schools: dict[int, Establishment], tally: Tally, run):
    """Create or update every inspection the rows carry, then their judgements. An
    inspection whose fields or judgements change is stamped with this import run.

    Returns the inspections written as (row number, parsed inspection) and the number of
    judgements written."""
    existing: dict[tuple, Inspection] = {}
    for ids in chunked(school.pk for school in schools.values()):
        for inspection in Inspection.objects.filter(establishment_id__in=ids):
            key = _stored_key(inspection)
            if key is not None:
                existing[key] = inspection
    wanted = [
        (number, (schools[row.school.urn].pk, *parsed.key()), parsed)
        for number, row in rows
        for parsed in row.inspections
    ]
    stored = _stored_judgements(existing[key].pk for _, key, _ in wanted if key in existing)
    run_id = run.pk if run is not None else None
    records, regrade = [], set()
    for number, key, parsed in wanted:
        values = {"establishment_id": key[0], **parsed.values()}
        current = existing.get(key)
        if current is not None:
            if stored.get(current.pk, {}) != parsed.judgements:
                regrade.add(key)
            if key in regrade or any(getattr(current, k) != v for k, v in values.items()):
                values["import_run_id"] = run_id
        records.append(Record(number, key, values))
    by_key = sync_records(
        Inspection,
        records,
        existing=existing,
        tally=tally,
        build=lambda values: Inspection(source=SOURCE, import_run_id=run_id, **values),
    )
    for ids in chunked(existing[key].pk for key in regrade):
        Judgement.objects.filter(inspection_id__in=ids).delete()
    _drop_superseded_history(by_key.values())
    judgements = [
        Judgement(
            inspection_id=by_key[key].pk,
            area=area,
            grade=grade.grade,
            grade_rank=grade.rank,
            graded_on=grade.graded_on,
        )
        for _, key, parsed in wanted
        if key in regrade or key not in existing
        for area, grade in parsed.judgements.items()
    ]
    Judgement.objects.bulk_create(judgements, batch_size=BATCH_SIZE)
    return [(number, parsed) for number, _, parsed in wanted], len(judgements)


def _drop_superseded_history(inspections: Iterable[Inspection]) -> None:
    """The same inspection read earlier from a history file gives way to Ofsted's own record
    (a history file has no inspection numbers: it is the same school on the same day)."""
    days = {(i.establishment_id, i.start_date) for i in inspections}
    superseded = []
    for ids in chunked({school_id for school_id, _ in days}):
        found = Inspection.objects.filter(
            establishment_id__in=ids, source=InspectionSource.HISTORY
        ).values_list("pk", "establishment_id", "start_date")
        superseded += [pk for pk, school_id, day in found if (school_id, day) in days]
    for ids in chunked(superseded):
        Inspection.objects.filter(pk__in=ids).delete()


def _stored_judgements(inspection_ids: Iterable[int]) -> dict[int, dict[str, Grade]]:
    stored: dict[int, dict[str, Grade]] = defaultdict(dict)
    for ids in chunked(inspection_ids):
        for inspection_id, area, *grade in Judgement.objects.filter(
            inspection_id__in=ids
        ).values_list("inspection_id", "area", "grade", "grade_rank", "graded_on"):
            stored[inspection_id][area] = Grade(*grade)
    return stored


def summary(rows: Rows, new_schools: int, written: list[tuple[int, ParsedInspection]], judgements):
    kinds = Counter(parsed.kind for _, parsed in written)
    by_kind = ", ".join(
        f"{count} {kind.replace('_', ' ')}" for kind, count in sorted(kinds.items())
    )
    text = (
        f"{len(rows)} schools ({new_schools} new to the register), "
        f"{len(written)} inspections ({by_kind or 'none'}), {judgements} judgements written."
    )
    before_2005 = sum(row.before_2005 for _, row in rows)
    off_framework = sum(row.off_framework for _, row in rows)
    if before_2005:
        text += f" {before_2005} inspections before September 2005 not stored (no framework)."
    if off_framework:
        text += f" {off_framework} grades for areas their framework does not judge not stored."
    return text
