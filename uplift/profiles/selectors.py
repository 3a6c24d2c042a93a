"""Reading a School Performance Profile: everything one school's profile in a round shows.
A fixed number of queries per profile, whatever the school's history."""

import base64
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Max, Q
from django.utils.safestring import SafeString, mark_safe

from uplift.categorisation.models import Round, SchoolCategorisation
from uplift.core.charts import Series, line_chart_svg
from uplift.inspections.models import CategoryOfConcern, Inspection
from uplift.inspections.selectors import GRADED_KINDS, inspection_history
from uplift.performance.models import Level, Measure, Result
from uplift.performance.selectors import MeasureTrend
from uplift.performance.trends import academic_years_to, key_measure_trends
from uplift.schools.models import Establishment, PhaseGroup, StatisticalNeighbour

# LA-level LAIT indicators shown against statistical neighbours, by the school's phase.
LAIT_PRIMARY = ("lait.FSP_NEW_GOODDEV", "lait.KS1P_all", "lait.KS2RWM_Expected_STD")
LAIT_SECONDARY = ("lait.AVG_Attain8_Score", "lait.AVG_Prog8_Score")
LAIT_BY_PHASE = {
    PhaseGroup.PRIMARY: LAIT_PRIMARY,
    PhaseGroup.SECONDARY: LAIT_SECONDARY,
    PhaseGroup.ALL_THROUGH: LAIT_PRIMARY + LAIT_SECONDARY,
}
TREND_YEARS = 3
_AXIS_TITLES = {"percent": "Per cent", "score": "Score", "count": "Number"}


@dataclass(frozen=True)
class Firing:
    message: str
    before: str
    after: str
    evidence: tuple[dict, ...]  # {label, value, source}


@dataclass(frozen=True)
class TrendRow:
    academic_year: str
    school: Result | None
    la: Result | None
    england: Result | None
    neighbours: Decimal | None


@dataclass(frozen=True)
class Trend:
    measure: Measure
    rows: tuple[TrendRow, ...]
    table_id: str
    svg: SafeString
    title: str

    @property
    def data_uri(self) -> str:
        """The chart as an image source: WeasyPrint draws an <img> of SVG, not inline SVG."""
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()


@dataclass(frozen=True)
class LaitRow:
    academic_year: str
    la: Result | None
    neighbours: Decimal | None
    england: Result | None


@dataclass(frozen=True)
class LaitIndicator:
    measure: Measure
    rows: tuple[LaitRow, ...]


@dataclass(frozen=True)
class Profile:
    round: Round
    school: Establishment
    categorisation: SchoolCategorisation
    category_code: str
    category_label: str
    causing_concern: str
    rationale: tuple[Firing, ...]
    graded: Inspection | None
    ungraded: Inspection | None
    concern_label: str
    trends: tuple[Trend, ...]
    neighbour_names: tuple[str, ...]
    neighbour_edition: str
    lait: tuple[LaitIndicator, ...]
    support_offer: str
    support_missing: bool

    @property
    def title(self) -> str:
        return f"School Performance Profile: {self.school.name}, {self.round.code}"


def profile_round(*, la_code: str, round_code: str) -> Round | None:
    return (
        Round.objects.filter(la__code=la_code, code=round_code)
        .select_related("la", "policy_version__policy")
        .first()
    )


def round_categorisations(*, round_: Round, establishments):
    """The round's categorisations of `establishments`, by school name, in one query."""
    return (
        SchoolCategorisation.objects.filter(round=round_, establishment__in=establishments)
        .select_related("establishment")
        .order_by("establishment__name", "establishment__urn")
    )


def build_profile(*, round_: Round, establishment: Establishment) -> Profile:
    categorisation = SchoolCategorisation.objects.select_related("establishment__la").get(
        round=round_, establishment=establishment
    )
    school = categorisation.establishment
    definition = round_.policy_version.parsed
    category = definition.category(categorisation.category)
    graded, ungraded = _latest_inspections(school, round_)
    neighbour_ids, names, edition = _neighbours(school)
    trends = key_measure_trends(school)
    averages = _neighbour_averages(
        neighbour_ids,
        measure_ids=[t.measure.pk for t in trends],
        years={y.academic_year for t in trends for y in t.years},
    )
    return Profile(
        round=round_,
        school=school,
        categorisation=categorisation,
        category_code=categorisation.category,
        category_label=definition.label(categorisation.category),
        causing_concern=category.causing_concern if category else "",
        rationale=_rationale(categorisation.rationale, definition),
        graded=graded,
        ungraded=ungraded,
        concern_label=CategoryOfConcern(graded.category_of_concern).label
        if graded and graded.category_of_concern
        else "",
        trends=tuple(_charted(school, trend, averages, bool(neighbour_ids)) for trend in trends),
        neighbour_names=names,
        neighbour_edition=edition,
        lait=_lait(school, neighbour_ids),
        support_offer=(category.support_offer or category.description) if category else "",
        support_missing=not (category and category.support_offer),
    )


def _rationale(rationale: dict, definition) -> tuple[Firing, ...]:
    return tuple(
        Firing(
            message=fired.get("message", ""),
            before=definition.label(fired["before"]) if fired.get("before") else "",
            after=definition.label(fired.get("after")),
            evidence=tuple(fired.get("evidence", ())),
        )
        for fired in rationale.get("rationale", ())
    )


def _latest_inspections(school, round_) -> tuple[Inspection | None, Inspection | None]:
    graded = ungraded = None
    for inspection in inspection_history(school).filter(start_date__lte=round_.as_at):
        if graded is None and inspection.kind in GRADED_KINDS:
            graded = inspection
        elif ungraded is None and inspection.kind == "ungraded":
            ungraded = inspection
    return graded, ungraded


def _neighbours(school) -> tuple[list[int], tuple[str, ...], str]:
    """The school's LA's statistical neighbours in the latest edition of DfE's model."""
    if school.la_id is None:
        return [], (), ""
    edition = StatisticalNeighbour.objects.filter(la_id=school.la_id).aggregate(e=Max("edition"))
    rows = StatisticalNeighbour.objects.filter(
        la_id=school.la_id, edition=edition["e"]
    ).select_related("neighbour")
    rows = list(rows)
    return (
        [r.neighbour_id for r in rows],
        tuple(r.neighbour.name for r in rows),
        edition["e"] or "",
    )


def _neighbour_averages(neighbour_ids, *, measure_ids, years) -> dict[tuple, Decimal]:
    """The mean of the neighbours' LA-level values, by (measure id, year, segment)."""
    if not neighbour_ids or not measure_ids or not years:
        return {}
    values = defaultdict(list)
    for measure_id, year, segment, value in Result.objects.filter(
        level=Level.LA,
        la_id__in=neighbour_ids,
        measure_id__in=measure_ids,
        academic_year__in=years,
        value__isnull=False,
    ).values_list("measure_id", "academic_year", "segment", "value"):
        values[(measure_id, year, segment)].append(value)
    return {key: sum(found) / len(found) for key, found in values.items()}


def _number(value) -> float | None:
    if value is None:
        return None
    value = getattr(value, "value", value)
    return None if value is None else float(value)


def _charted(school, trend: MeasureTrend, averages, has_neighbours: bool) -> Trend:
    rows = tuple(
        TrendRow(
            y.academic_year,
            y.school,
            y.la,
            y.england,
            averages.get((trend.measure.pk, y.academic_year, trend.segment)),
        )
        for y in trend.years
    )
    slug = trend.measure.code.replace(".", "-").replace("_", "-").lower()
    la_name = school.la.name if school.la else "Local authority"
    series = [
        Series(school.name, tuple(_number(r.school) for r in rows)),
        Series(la_name, tuple(_number(r.la) for r in rows)),
        Series("England", tuple(_number(r.england) for r in rows)),
    ]
    if has_neighbours:
        series.append(Series("Statistical neighbours", tuple(_number(r.neighbours) for r in rows)))
    years = [r.academic_year for r in rows]
    title = (
        f"{trend.measure.label}: {school.name} against {la_name}, England and "
        f"statistical neighbours, {years[0]} to {years[-1]}"
    )
    svg = line_chart_svg(
        title=title,
        years=years,
        series=series,
        y_title=_AXIS_TITLES.get(trend.measure.unit, "Value"),
        chart_id=f"chart-{slug}",
        described_by=f"table-{slug}",
    )
    # Safe: line_chart_svg builds the SVG itself, from numbers and escaped labels.
    return Trend(trend.measure, rows, f"table-{slug}", mark_safe(svg), title)


def _lait(school, neighbour_ids) -> tuple[LaitIndicator, ...]:
    codes = LAIT_BY_PHASE.get(school.phase_group, ())
    if not codes or school.la_id is None:
        return ()
    measures = {m.code: m for m in Measure.objects.filter(code__in=codes)}
    results = Result.objects.filter(
        Q(level=Level.LA, la_id__in=[school.la_id, *neighbour_ids]) | Q(level=Level.ENGLAND),
        measure__in=list(measures.values()),
    )
    own, england, theirs = {}, {}, defaultdict(list)
    for r in results:
        key = (r.measure_id, r.academic_year)
        if r.level == Level.ENGLAND:
            england[key] = r
        elif r.la_id == school.la_id:
            own[key] = r
        elif r.value is not None:
            theirs[key].append(r.value)
    indicators = []
    for code in codes:
        measure = measures.get(code)
        years = sorted({y for m, y in own if measure and m == measure.pk})
        if not years:
            continue
        window = academic_years_to(years[-1], TREND_YEARS)
        if len(window) == 1:  # LAIT years like 2014-16 stand alone: take the last three
            window = tuple(years[-TREND_YEARS:])
        rows = tuple(
            LaitRow(
                year,
                own.get((measure.pk, year)),
                sum(v) / len(v) if (v := theirs.get((measure.pk, year))) else None,
                england.get((measure.pk, year)),
            )
            for year in window
        )
        indicators.append(LaitIndicator(measure, rows))
    return tuple(indicators)
