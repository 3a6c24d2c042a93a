"""Attainment by key stage and year: the LA's figure against England's, and how the LA's
own schools spread around them.

The LA and England figures are DfE's own summary rows (state-funded schools), never
recomputed from school rows. The distribution covers the LA's schools with a figure for
that year (suppressed figures are counted apart, never as zero): the quartiles are
Python's statistics.quantiles with the inclusive method, and "at or better than England"
follows the measure's polarity (not given for measures that are neither better high nor
low).
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q, QuerySet

from uplift.performance.models import Dataset, Level, Measure, Polarity, Result
from uplift.performance.table_rows import STATE_FUNDED
from uplift.schools.models import Establishment, LocalAuthority

KEY_STAGES = {
    Dataset.KS2.value: (
        "ks2.PTRWM_EXP",
        "ks2.PTRWM_HIGH",
        "ks2.PTREAD_EXP",
        "ks2.PTWRITTA_EXP",
        "ks2.PTMAT_EXP",
        "ks2.READPROG",
        "ks2.WRITPROG",
        "ks2.MATPROG",
    ),
    Dataset.KS4.value: (
        "ks4.ATT8SCR",
        "ks4.P8MEA",
        "ks4.PTL2BASICS_94",
        "ks4.PTL2BASICS_95",
        "ks4.EBACCAPS",
        "ks4.PTEBACC_E_PTQ_EE",
    ),
}
KEY_STAGE_LABELS = {Dataset.KS2.value: "Key stage 2", Dataset.KS4.value: "Key stage 4"}


@dataclass(frozen=True)
class Distribution:
    schools: int  # with a figure
    suppressed: int  # with a suppression code instead
    lowest: Decimal | None
    lower_quartile: Decimal | None
    median: Decimal | None
    upper_quartile: Decimal | None
    highest: Decimal | None
    at_or_better_than_england: int | None


@dataclass(frozen=True)
class YearRow:
    academic_year: str
    la: Result | None
    england: Result | None
    difference: Decimal | None  # LA minus England, when both are figures
    schools: Distribution


@dataclass(frozen=True)
class MeasureTable:
    measure: Measure
    years: tuple[YearRow, ...]  # oldest first


@dataclass(frozen=True)
class Attainment:
    la: LocalAuthority
    key_stage: str
    key_stage_label: str
    measures: tuple[MeasureTable, ...]  # in KEY_STAGES order, those with any result


def attainment(
    *, la: LocalAuthority, schools: QuerySet[Establishment], key_stage: str
) -> Attainment:
    """Three queries, whatever the number of schools and years."""
    codes = KEY_STAGES[key_stage]
    measures = {m.pk: m for m in Measure.objects.filter(code__in=codes)}
    summaries = Result.objects.filter(
        Q(level=Level.LA, la=la) | Q(level=Level.ENGLAND, subject_key="england"),
        measure_id__in=list(measures),
        segment=STATE_FUNDED,
    )
    la_results, england_results = {}, {}
    for result in summaries:
        target = la_results if result.level == Level.LA else england_results
        target[(result.measure_id, result.academic_year)] = result
    school_results = defaultdict(list)
    for result in Result.objects.filter(
        level=Level.SCHOOL,
        segment="",
        measure_id__in=list(measures),
        establishment__in=schools.filter(la=la),
    ).only("measure_id", "academic_year", "value", "suppression"):
        school_results[(result.measure_id, result.academic_year)].append(result)
    years_of = defaultdict(set)
    for measure_id, year in (*la_results, *england_results, *school_results):
        years_of[measure_id].add(year)
    by_code = {m.code: m for m in measures.values()}
    tables = []
    for code in codes:
        measure = by_code.get(code)
        if measure is None or not years_of[measure.pk]:
            continue
        rows = []
        for year in sorted(years_of[measure.pk]):
            key = (measure.pk, year)
            la_result, england = la_results.get(key), england_results.get(key)
            rows.append(
                YearRow(
                    academic_year=year,
                    la=la_result,
                    england=england,
                    difference=_difference(la_result, england, measure),
                    schools=_distribution(measure, school_results.get(key, []), england),
                )
            )
        tables.append(MeasureTable(measure, tuple(rows)))
    return Attainment(la, key_stage, KEY_STAGE_LABELS[key_stage], tuple(tables))


def rounded(value: Decimal | None, measure: Measure) -> Decimal | None:
    """`value` to the measure's decimal places, halves rounded up, as DfE prints them."""
    if value is None:
        return None
    return value.quantize(Decimal(1).scaleb(-measure.decimal_places), rounding=ROUND_HALF_UP)


def _difference(la_result, england, measure: Measure) -> Decimal | None:
    if la_result is None or england is None or None in (la_result.value, england.value):
        return None
    return rounded(la_result.value - england.value, measure)


def _distribution(measure: Measure, results: list[Result], england: Result | None):
    values = sorted(r.value for r in results if r.value is not None)
    suppressed = sum(1 for r in results if r.value is None)
    if not values:
        return Distribution(0, suppressed, None, None, None, None, None, None)
    if len(values) == 1:
        lower = median = upper = values[0]
    else:
        lower, median, upper = statistics.quantiles(values, n=4, method="inclusive")
    return Distribution(
        schools=len(values),
        suppressed=suppressed,
        lowest=rounded(values[0], measure),
        lower_quartile=rounded(lower, measure),
        median=rounded(median, measure),
        upper_quartile=rounded(upper, measure),
        highest=rounded(values[-1], measure),
        at_or_better_than_england=_at_or_better(measure, values, england),
    )


def _at_or_better(measure: Measure, values: list[Decimal], england: Result | None):
    if england is None or england.value is None:
        return None
    if measure.polarity == Polarity.HIGHER_IS_BETTER:
        return sum(1 for v in values if v >= england.value)
    if measure.polarity == Polarity.LOWER_IS_BETTER:
        return sum(1 for v in values if v <= england.value)
    return None
