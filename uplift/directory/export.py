"""`uplift export schools`: every establishment of an LA with its latest inspection and category."""

from dataclasses import dataclass, fields, replace
from datetime import date

from django.db.models import (
    Prefetch,
)

from uplift.categorisation.rounds.selectors import current_categories
from uplift.inspections.models import Inspection, InspectionKind
from uplift.inspections.selectors import grade_summary
from uplift.schools.models import (
    LocalAuthority,
)

# Inspections that set a grade; an ungraded inspection leaves the last grade standing.
GRADING_KINDS = (InspectionKind.GRADED, InspectionKind.REPORT_CARD)


@dataclass(frozen=True)
class SchoolExportRow:
    """One establishment with its latest grade, as `uplift export schools` writes it."""

    urn: int
    laestab: str
    name: str
    phase: str
    phase_group: str
    type: str
    status: str
    pupils: int | None
    latest_framework: str
    latest_start_date: date | None
    latest_grade: str
    category_of_concern: str
    latest_ungraded_date: date | None
    latest_ungraded_outcome: str
    current_category: str = ""  # the LA's published (or since changed) category


EXPORT_COLUMNS = tuple(f.name for f in fields(SchoolExportRow))


def establishments_for_export(*, la_code: str) -> list[SchoolExportRow]:
    """Every establishment of an LA (open or closed), by name, with its latest graded or
    report-card inspection, its latest ungraded one and its current category. Seven queries
    whatever the number of schools. Raises LocalAuthority.DoesNotExist for an unknown code."""
    la = LocalAuthority.objects.get(code=la_code)
    newest_first = ("-start_date", "-id")
    grading = (
        Inspection.objects.filter(kind__in=GRADING_KINDS)
        .order_by(*newest_first)
        .prefetch_related("judgements")
    )
    ungraded = Inspection.objects.filter(kind=InspectionKind.UNGRADED).order_by(*newest_first)
    schools = la.establishments.order_by("name", "urn").prefetch_related(
        Prefetch("inspections", queryset=grading, to_attr="grading_inspections"),
        Prefetch("inspections", queryset=ungraded, to_attr="ungraded_inspections"),
    )
    schools = list(schools)
    return _with_categories([_export_row(school) for school in schools], schools)


def _with_categories(rows: list[SchoolExportRow], schools) -> list[SchoolExportRow]:
    """Each row with the school's current category: two more queries."""
    current = current_categories(establishment_ids=[school.pk for school in schools])
    return [
        replace(row, current_category=current[school.pk].label) if school.pk in current else row
        for row, school in zip(rows, schools, strict=True)
    ]


def _export_row(school) -> SchoolExportRow:
    latest = school.grading_inspections[0] if school.grading_inspections else None
    ungraded = school.ungraded_inspections[0] if school.ungraded_inspections else None
    return SchoolExportRow(
        urn=school.urn,
        laestab=school.laestab,
        name=school.name,
        phase=school.phase,
        phase_group=school.get_phase_group_display(),
        type=school.type_name,
        status=school.status,
        pupils=school.pupils,
        latest_framework=latest.get_framework_display() if latest else "",
        latest_start_date=latest.start_date if latest else None,
        latest_grade=grade_summary(latest) if latest else "",
        category_of_concern=(
            latest.get_category_of_concern_display()
            if latest and latest.category_of_concern
            else ""
        ),
        latest_ungraded_date=ungraded.start_date if ungraded else None,
        latest_ungraded_outcome=ungraded.outcome if ungraded else "",
    )
