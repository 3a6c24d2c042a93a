"""An LA's targets, each with the LA's current figure and the gap to the target.

* "% of schools (pupils) good or outstanding": from the Ofsted summary on the chosen day,
  as a share of the schools with an overall grade (uplift.reports.ofsted_summary).
* An indicator "at least" / "at most" a value: the LA's own figure for the target's
  academic year, or for the latest year with a figure.
* An indicator "in the top quartile of its statistical neighbours": the LA is ranked with
  its neighbours (the latest edition imported, i.e. the one loaded last) by their figures
  for that year, best first as the measure's polarity says; rank = 1 + the number of LAs
  strictly better. The top quartile is the first ceil(n / 4) places of the n LAs with a
  figure; its boundary is the figure in the last of those places.

`margin` is how far the LA's figure is better than the target (negative: the gap still to
close), in the measure's own units (percentage points for the Ofsted measures).
"""

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet

from uplift.performance.models import Level, Measure, Polarity, Result
from uplift.performance.table_rows import STATE_FUNDED
from uplift.reports.attainment import rounded
from uplift.reports.models import Comparison, ReportTarget, TargetMeasure
from uplift.reports.ofsted_summary import ALL_PHASES, OfstedSummary, ofsted_summary
from uplift.reports.percentages import ONE_PLACE
from uplift.schools.models import Establishment, LocalAuthority, StatisticalNeighbour

LA_SEGMENTS = ("", STATE_FUNDED)  # LAIT's LA figures, and the performance tables' LA rows
RANKED_POLARITIES = (Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER)


@dataclass(frozen=True)
class RankedLa:
    la: LocalAuthority
    value: Decimal
    rank: int


@dataclass(frozen=True)
class NeighbourRanking:
    edition: str
    ranked: tuple[RankedLa, ...]  # best first; the LA and its neighbours with a figure
    top_places: int
    boundary: Decimal

    @property
    def of(self) -> int:
        return len(self.ranked)


@dataclass(frozen=True)
class TargetStatus:
    target: ReportTarget
    period: str  # the day (Ofsted measures) or the academic year the figure is for
    value: Decimal | None
    threshold: Decimal | None  # the target's value, or the top quartile's boundary
    margin: Decimal | None
    note: str = ""  # why there is no figure, when there is none
    ranking: NeighbourRanking | None = None
    rank: int | None = None

    @property
    def met(self) -> bool | None:
        return None if self.margin is None else self.margin >= 0


@dataclass(frozen=True)
class Targets:
    la: LocalAuthority
    as_at: date
    statuses: tuple[TargetStatus, ...]


def targets_report(*, la: LocalAuthority, schools: QuerySet[Establishment], as_at: date) -> Targets:
    """Every target of the LA with its status. At most five queries, whatever the number of
    targets and schools."""
    targets = list(la.report_targets.select_related("indicator").order_by("name", "pk"))
    summary = None
    if any(t.measure != TargetMeasure.INDICATOR for t in targets):
        summary = ofsted_summary(la=la, schools=schools, as_at=as_at)
    indicators = [t for t in targets if t.measure == TargetMeasure.INDICATOR]
    neighbours, edition = _neighbours(la) if indicators else ([], "")
    figures = _figures([la, *neighbours], {t.indicator_id: t.indicator for t in indicators})
    statuses = []
    for target in targets:
        if target.measure == TargetMeasure.INDICATOR:
            statuses.append(_indicator_status(target, la, neighbours, edition, figures))
        else:
            statuses.append(_ofsted_status(target, summary, as_at))
    return Targets(la=la, as_at=as_at, statuses=tuple(statuses))


def _better_by(value: Decimal, threshold: Decimal, higher_is_better: bool) -> Decimal:
    return value - threshold if higher_is_better else threshold - value


def _ofsted_status(target: ReportTarget, summary: OfstedSummary, as_at: date) -> TargetStatus:
    table = summary.phase(target.phase_group or ALL_PHASES)
    value = (
        table.good_or_better_schools_pct
        if target.measure == TargetMeasure.SCHOOLS_GOOD_OR_BETTER
        else table.good_or_better_pupils_pct
    )
    threshold = target.value.quantize(ONE_PLACE, rounding=ROUND_HALF_UP)
    if value is None:
        note = "No school has an overall grade"
        return TargetStatus(target, as_at.isoformat(), None, threshold, None, note)
    margin = _better_by(value, threshold, target.comparison == Comparison.AT_LEAST)
    return TargetStatus(target, as_at.isoformat(), value, threshold, margin)


def _neighbours(la: LocalAuthority) -> tuple[list[LocalAuthority], str]:
    rows = list(StatisticalNeighbour.objects.filter(la=la).select_related("neighbour"))
    if not rows:
        return [], ""
    edition = max(rows, key=lambda row: row.pk).edition
    chosen = sorted((row for row in rows if row.edition == edition), key=lambda row: row.rank)
    return [row.neighbour for row in chosen], edition


def _figures(las: list[LocalAuthority], measures: dict[int, Measure]) -> dict:
    """{(measure id, academic year): {la id: value}} for the LAs' own figures."""
    found: dict[tuple[int, str], dict[int, Decimal]] = defaultdict(dict)
    if not measures:
        return found
    results = Result.objects.filter(
        level=Level.LA,
        la__in=las,
        measure_id__in=list(measures),
        segment__in=LA_SEGMENTS,
        value__isnull=False,
    ).values_list("measure_id", "academic_year", "la_id", "value")
    for measure_id, year, la_id, value in results:
        found[(measure_id, year)][la_id] = rounded(value, measures[measure_id])
    return found


def _indicator_status(target, la, neighbours, edition, figures) -> TargetStatus:
    measure = target.indicator
    years = sorted(
        year
        for (measure_id, year), by_la in figures.items()
        if measure_id == measure.pk and la.pk in by_la
    )
    year = target.academic_year or (years[-1] if years else "")
    value = figures.get((measure.pk, year), {}).get(la.pk)
    if value is None:
        note = f"No figure for {la.name} in {year}" if year else f"No figure for {la.name}"
        return TargetStatus(target, year, None, rounded(target.value, measure), None, note)
    if target.comparison != Comparison.TOP_QUARTILE:
        threshold = rounded(target.value, measure)
        margin = _better_by(value, threshold, target.comparison == Comparison.AT_LEAST)
        return TargetStatus(target, year, value, threshold, margin)
    if measure.polarity not in RANKED_POLARITIES:
        return TargetStatus(
            target, year, value, None, None, "The measure is neither better high nor low"
        )
    if not neighbours:
        return TargetStatus(
            target, year, value, None, None, f"No statistical neighbours of {la.name} imported"
        )
    ranking = _ranking(la, neighbours, edition, figures[(measure.pk, year)], measure.polarity)
    higher = measure.polarity == Polarity.HIGHER_IS_BETTER
    rank = next(entry.rank for entry in ranking.ranked if entry.la.pk == la.pk)
    margin = _better_by(value, ranking.boundary, higher)
    return TargetStatus(target, year, value, ranking.boundary, margin, "", ranking, rank)


def _ranking(la, neighbours, edition, by_la: dict[int, Decimal], polarity) -> NeighbourRanking:
    higher = polarity == Polarity.HIGHER_IS_BETTER
    present = [other for other in [la, *neighbours] if other.pk in by_la]
    ordered = sorted(present, key=lambda other: by_la[other.pk], reverse=higher)
    ranked = tuple(
        RankedLa(
            other,
            by_la[other.pk],
            1
            + sum(
                1 for rival in present if _better_by(by_la[rival.pk], by_la[other.pk], higher) > 0
            ),
        )
        for other in ordered
    )
    top_places = math.ceil(len(ranked) / 4)
    return NeighbourRanking(edition, ranked, top_places, ranked[top_places - 1].value)
