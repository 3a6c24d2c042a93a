"""Key measures over recent years beside the LA and England: the trends and their charts.

Each reads a fixed number of queries whatever the data size."""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import (
    Q,
)
from django.utils.safestring import SafeString, mark_safe

from uplift.core.charts import Series, line_chart_svg
from uplift.performance.models import Level, Measure, Result, Unit
from uplift.performance.selectors import (
    MeasureTrend,
    TrendYear,
    comparator_segment,
    school_trend,
)

YEARS_SHOWN = 5  # academic years of each other performance measure on a school's page


def other_performance(establishment, *, leave_out=()) -> list[MeasureTrend]:
    """Every measure the school has results for except `leave_out` (by dataset, then
    label), each with its recent years beside the LA's and England's results."""
    codes = (
        Measure.objects.filter(results__establishment=establishment, results__level=Level.SCHOOL)
        .exclude(code__in=list(leave_out))
        .order_by("dataset", "label", "code")
        .values_list("code", flat=True)
        .distinct()
    )
    return school_trend(establishment=establishment, measure_codes=list(codes), years=YEARS_SHOWN)


KEY_MEASURES = (
    "ks2.PTRWM_EXP",
    "ks2.READPROG",
    "ks2.WRITPROG",
    "ks2.MATPROG",
    "ks4.ATT8SCR",
    "ks4.P8MEA",
    "absence.PERCTOT",
    "census.PNUMFSMEVER",
)


TREND_YEARS = 3


_ACADEMIC_YEAR = re.compile(r"^(\d{4})-(\d{2})$")


_AXIS_TITLES = {Unit.PERCENT: "Per cent", Unit.SCORE: "Score", Unit.COUNT: "Number"}
_AXIS_TITLES[Unit.POUNDS] = "Pounds"


def academic_years_to(last: str, count: int) -> tuple[str, ...]:
    """`count` consecutive academic years ending with `last`: ('2021-22', '2022-23',
    '2023-24') for '2023-24' and 3. A year not written YYYY-YY stands alone."""
    match = _ACADEMIC_YEAR.match(last)
    if not match:
        return (last,)
    end = int(match.group(1))
    return tuple(f"{start}-{(start + 1) % 100:02d}" for start in range(end - count + 1, end + 1))


def key_measure_trends(establishment) -> list[MeasureTrend]:
    """Each key measure the school has a result for (value or suppression code), over the
    TREND_YEARS academic years ending with its latest, beside its LA's and England's
    results in the school's comparator segment. A year without a result has None, never
    zero. Three queries whatever the data."""
    measures = {m.code: m for m in Measure.objects.filter(code__in=KEY_MEASURES)}
    school_results: dict[int, dict[str, Result]] = defaultdict(dict)
    for result in Result.objects.filter(
        establishment=establishment, level=Level.SCHOOL, measure__in=list(measures.values())
    ).order_by("-segment"):  # a school's own segment ("") wins over any other
        school_results[result.measure_id][result.academic_year] = result
    windows = {
        measure_id: academic_years_to(max(results), TREND_YEARS)
        for measure_id, results in school_results.items()
    }
    comparators = _comparators(establishment, windows)
    trends = []
    for code in KEY_MEASURES:
        measure = measures.get(code)
        if measure is None or measure.pk not in windows:
            continue
        segment = comparator_segment(measure, establishment)
        years = tuple(
            TrendYear(
                academic_year=year,
                school=school_results[measure.pk].get(year),
                la=comparators.get((measure.pk, year, Level.LA, segment)),
                england=comparators.get((measure.pk, year, Level.ENGLAND, segment)),
            )
            for year in windows[measure.pk]
        )
        trends.append(MeasureTrend(measure, segment, years))
    return trends


def _comparators(establishment, windows) -> dict[tuple, Result]:
    if not windows:
        return {}
    where = Q(level=Level.ENGLAND, subject_key="england")
    if establishment.la_id is not None:
        where |= Q(level=Level.LA, la_id=establishment.la_id)
    years = {year for window in windows.values() for year in window}
    found = Result.objects.filter(where, measure_id__in=list(windows), academic_year__in=years)
    return {(r.measure_id, r.academic_year, r.level, r.segment): r for r in found}


@dataclass(frozen=True)
class TrendChart:
    trend: MeasureTrend
    table_id: str
    svg: SafeString


def _number(result: Result | None) -> float | None:
    return None if result is None or result.value is None else float(result.value)


def trend_charts(establishment, trends: list[MeasureTrend]) -> list[TrendChart]:
    """An SVG line chart per trend (school, LA, England), described by its table."""
    la_name = establishment.la.name if establishment.la else "Local authority"
    school_name = establishment.name or f"URN {establishment.urn}"
    charts = []
    for trend in trends:
        slug = trend.measure.code.replace(".", "-").replace("_", "-").lower()
        table_id, chart_id = f"table-{slug}", f"chart-{slug}"
        years = [year.academic_year for year in trend.years]
        series = [
            Series(school_name, tuple(_number(y.school) for y in trend.years)),
            Series(la_name, tuple(_number(y.la) for y in trend.years)),
            Series("England", tuple(_number(y.england) for y in trend.years)),
        ]
        svg = line_chart_svg(
            title=(
                f"{trend.measure.label}: {school_name}, {la_name} and England, "
                f"{years[0]} to {years[-1]}"
            ),
            years=years,
            series=series,
            y_title=_AXIS_TITLES.get(trend.measure.unit, "Value"),
            chart_id=chart_id,
            described_by=table_id,
        )
        # Safe: line_chart_svg builds the SVG itself, from numbers and escaped labels.
        charts.append(TrendChart(trend, table_id, mark_safe(svg)))
    return charts
