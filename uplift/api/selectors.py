"""Reads behind the API that the pages do not already have, all through the user's scope."""

from datetime import date

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from uplift.inspections.models import Inspection, Judgement
from uplift.performance.models import Level, Measure
from uplift.performance.selectors import MeasureTrend, school_trend
from uplift.schools.access import visible_establishments
from uplift.schools.models import Establishment


def school_in_scope(*, user, urn: int) -> Establishment:
    """The school with this URN if the user may read it; Http404 otherwise, whether or not
    it exists, so that the answer does not reveal it."""
    return get_object_or_404(visible_establishments(user).select_related("la", "trust"), urn=urn)


def visible_inspections(
    *,
    user,
    la: str = "",
    framework: str = "",
    kind: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[Inspection]:
    """Inspections of the schools the user may read, newest first, with their school and
    judgements (two queries per page, plus the count)."""
    inspections = Inspection.objects.filter(establishment__in=visible_establishments(user))
    if la:
        inspections = inspections.filter(establishment__la__code=la)
    if framework:
        inspections = inspections.filter(framework=framework)
    if kind:
        inspections = inspections.filter(kind=kind)
    if date_from:
        inspections = inspections.filter(start_date__gte=date_from)
    if date_to:
        inspections = inspections.filter(start_date__lte=date_to)
    return (
        inspections.select_related("establishment")
        .prefetch_related(Prefetch("judgements", queryset=Judgement.objects.order_by("id")))
        .order_by("-start_date", "-id")
    )


def school_performance(
    *, establishment: Establishment, dataset: str = "", years: int = 3
) -> list[MeasureTrend]:
    """Every measure the school has results for (of one dataset if given), by dataset then
    label, each with its last `years` years beside its LA's and England's. Four queries."""
    measures = Measure.objects.filter(
        results__establishment=establishment, results__level=Level.SCHOOL
    )
    if dataset:
        measures = measures.filter(dataset=dataset)
    codes = measures.order_by("dataset", "label", "code").values_list("code", flat=True)
    return school_trend(
        establishment=establishment, measure_codes=list(codes.distinct()), years=years
    )
