"""Pupil and school outcomes, and the quality of teaching, before and after a project: each
school's latest inspection before it started and its latest since, with the teaching
judgements of both; its LA category at the start and now."""

from datetime import date

from uplift.categorisation.rounds.selectors import category_history
from uplift.commissioning.accountability.tables import Table
from uplift.core.dates import long_date
from uplift.inspections.models import Inspection

TEACHING_AREAS = ("teaching", "quality_of_education")


def _split(inspections, starts_on: date):
    before = next((i for i in inspections if i.start_date < starts_on), None)
    after = next((i for i in inspections if i.start_date >= starts_on), None)
    return before, after


def inspections_by_school(schools, today: date) -> dict[int, list[Inspection]]:
    """Each school's inspections up to today, newest first (two queries)."""
    found: dict[int, list[Inspection]] = {school.pk: [] for school in schools}
    chosen = (
        Inspection.objects.filter(establishment__in=schools, start_date__lte=today)
        .prefetch_related("judgements")
        .order_by("establishment_id", "-start_date", "-id")
    )
    for inspection in chosen:
        found[inspection.establishment_id].append(inspection)
    return found


def _overall(inspection) -> str:
    if inspection is None:
        return "No inspection"
    label = inspection.overall_label or inspection.outcome or inspection.get_kind_display()
    return f"{label} ({long_date(inspection.start_date)})"


def _change(before, after) -> str:
    if after is None:
        return "Not inspected since the start"
    if before is None:
        return "No earlier inspection to compare"
    if before.overall_grade and after.overall_grade:
        if after.overall_grade < before.overall_grade:
            return "Improved"
        return "Declined" if after.overall_grade > before.overall_grade else "The same"
    return "Not comparable (different kinds of inspection)"


def inspection_table(schools, inspections, starts_on: date) -> Table:
    rows = []
    for school in schools:
        before, after = _split(inspections[school.pk], starts_on)
        rows.append((school.name, _overall(before), _overall(after), _change(before, after)))
    return Table(
        "Inspections before the start and since",
        ("School", "Before the start", "Since the start", "Change"),
        rows,
    )


def _teaching(inspection) -> tuple[str, int | None, str]:
    if inspection is None:
        return ("No inspection", None, "")
    for judgement in inspection.judgements.all():
        if any(area in judgement.area for area in TEACHING_AREAS):
            label = f"{judgement.grade_label} ({long_date(inspection.start_date)})"
            return (label, judgement.grade_rank, inspection.framework)
    return (f"Not judged separately ({long_date(inspection.start_date)})", None, "")


def teaching_table(schools, inspections, starts_on: date) -> Table:
    rows = []
    for school in schools:
        before, after = (_teaching(i) for i in _split(inspections[school.pk], starts_on))
        if before[1] and after[1] and before[2] == after[2]:
            change = (
                "Improved"
                if after[1] < before[1]
                else "Declined"
                if after[1] > before[1]
                else "The same"
            )
        elif after[0] == "No inspection":
            change = "Not inspected since the start"
        else:
            change = "Not comparable"
        rows.append((school.name, before[0], after[0], change))
    return Table(
        "Teaching judged at inspection, before the start and since",
        ("School", "Before the start", "Since the start", "Change"),
        rows,
    )


def category_table(schools, starts_on: date) -> Table:
    rows = []
    for school in schools:
        history = category_history(establishment=school)  # newest first
        at_start = next((e for e in history if e.since.date() <= starts_on), None)
        now = history[0] if history else None
        rows.append(
            (
                school.name,
                at_start.label if at_start else "Not categorised",
                now.label if now else "Not categorised",
            )
        )
    return Table("LA category at the start and now", ("School", "At the start", "Now"), rows)
