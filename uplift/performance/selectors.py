"""Reading results back: a school's recent years beside its LA and England."""

from dataclasses import dataclass

from django.db.models import Q

from uplift.performance.models import Dataset, Level, Measure, Result
from uplift.performance.table_rows import STATE_FUNDED
from uplift.schools.models import Establishment, PhaseGroup

# Census and absence summaries are by phase; KS2/KS4 summaries cover state-funded schools.
PHASE_SEGMENTS = {
    PhaseGroup.PRIMARY: "PRI",
    PhaseGroup.SECONDARY: "SEC",
    PhaseGroup.ALL_THROUGH: "SEC",  # DfE counts all-through schools as secondary
    PhaseGroup.SPECIAL: "SPE",
}
KEY_STAGE_DATASETS = {Dataset.KS2, Dataset.KS4}


@dataclass(frozen=True)
class TrendYear:
    academic_year: str
    school: Result | None
    la: Result | None
    england: Result | None


@dataclass(frozen=True)
class MeasureTrend:
    measure: Measure
    segment: str  # the comparators' segment; "" when the school has none to compare with
    years: tuple[TrendYear, ...]  # oldest first


def comparator_segment(measure: Measure, establishment: Establishment) -> str:
    if measure.dataset in KEY_STAGE_DATASETS:
        return STATE_FUNDED
    return PHASE_SEGMENTS.get(establishment.phase_group, "")


def school_trend(
    *, establishment: Establishment, measure_codes, years: int = 3
) -> list[MeasureTrend]:
    """Per measure (in the order asked, unknown codes left out): the school's results for
    its last `years` academic years with a result, each beside the LA's and England's
    result for that year and the school's segment. Three queries whatever the inputs."""
    measures = {m.code: m for m in Measure.objects.filter(code__in=list(measure_codes))}
    ordered = [measures[code] for code in measure_codes if code in measures]
    school_results: dict[int, list[Result]] = {m.pk: [] for m in ordered}
    for result in Result.objects.filter(
        establishment=establishment, level=Level.SCHOOL, measure__in=ordered
    ).order_by("-academic_year"):
        if len(school_results[result.measure_id]) < years:
            school_results[result.measure_id].append(result)

    wanted_years = {r.academic_year for results in school_results.values() for r in results}
    comparators = _comparators(establishment, ordered, wanted_years)
    trends = []
    for measure in ordered:
        segment = comparator_segment(measure, establishment)
        rows = tuple(
            TrendYear(
                academic_year=result.academic_year,
                school=result,
                la=comparators.get((measure.pk, result.academic_year, Level.LA, segment)),
                england=comparators.get((measure.pk, result.academic_year, Level.ENGLAND, segment)),
            )
            for result in reversed(school_results[measure.pk])
        )
        trends.append(MeasureTrend(measure, segment, rows))
    return trends


def _comparators(establishment, measures, academic_years) -> dict[tuple, Result]:
    if not measures or not academic_years:
        return {}
    where = Q(level=Level.ENGLAND, subject_key="england")
    if establishment.la_id is not None:
        where |= Q(level=Level.LA, la_id=establishment.la_id)
    found = Result.objects.filter(where, measure__in=measures, academic_year__in=academic_years)
    return {(r.measure_id, r.academic_year, r.level, r.segment): r for r in found}
