"""Reading inspections back: each school's latest, and one school's history.

Every function runs a fixed number of queries (one for the inspections, one for their
judgements), however many schools it is asked about.
"""

from collections.abc import Iterable

from django.db.models import (
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
)

from uplift.inspections.models import Inspection, InspectionKind, Judgement
from uplift.schools.models import Establishment

# Inspections that award grades: graded (section 5) inspections and report cards.
GRADED_KINDS = (InspectionKind.GRADED, InspectionKind.REPORT_CARD)

Establishments = QuerySet | Iterable[Establishment | int]


def latest_graded_inspections(*, establishments: Establishments) -> dict[int, Inspection]:
    """Each establishment's most recent graded or report-card inspection, by establishment
    id, with its judgements prefetched. Establishments never graded are left out."""
    return _latest(establishments, GRADED_KINDS)


def latest_ungraded_inspections(*, establishments: Establishments) -> dict[int, Inspection]:
    """Each establishment's most recent ungraded inspection, by establishment id."""
    return _latest(establishments, (InspectionKind.UNGRADED,))


def inspection_history(establishment: Establishment | int) -> QuerySet:
    """One establishment's inspections, newest first, with their judgements prefetched."""
    establishment_id = getattr(establishment, "pk", establishment)
    return (
        Inspection.objects.filter(establishment_id=establishment_id)
        .order_by("-start_date", "-id")
        .prefetch_related(_judgements())
    )


def _judgements() -> Prefetch:
    return Prefetch("judgements", queryset=Judgement.objects.order_by("id"))


def _latest(establishments: Establishments, kinds) -> dict[int, Inspection]:
    newest = (
        Inspection.objects.filter(establishment_id=OuterRef("establishment_id"), kind__in=kinds)
        .order_by("-start_date", "-id")
        .values("id")[:1]
    )
    inspections = (
        Inspection.objects.filter(
            establishment_id__in=_establishment_ids(establishments),
            id=Subquery(newest),
        )
        .select_related("establishment")
        .prefetch_related(_judgements())
    )
    return {inspection.establishment_id: inspection for inspection in inspections}


def _establishment_ids(establishments: Establishments):
    if isinstance(establishments, QuerySet):
        return establishments.values("pk")  # stays a subquery: no extra round trip
    return [getattr(e, "pk", e) for e in establishments]


def grade_summary(inspection: Inspection) -> str:
    """The overall grade's label, or where the framework gives none (from September 2024)
    each area's grade in the framework's order: 'Inclusion: Strong standard; ...'."""
    framework = inspection.framework_info
    if framework.has_overall_grade and inspection.overall_grade is not None:
        return inspection.overall_label
    order = {area.code: position for position, area in enumerate(framework.areas)}
    judgements = sorted(
        inspection.judgements.all(), key=lambda j: (order.get(j.area, len(order)), j.area)
    )
    return "; ".join(f"{j.area_label}: {j.grade_label}" for j in judgements)
