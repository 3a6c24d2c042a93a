"""Features of every school as at a date, from the imported history, using only what was
known before that date: inspections before it, results of academic years that ended before it
(finance too). Computed for all schools at once with array operations, never per school.

Grades are on the four-point severity scale of `history.severity` (1 outstanding .. 4
inadequate), so a report-card grade and a 2012 grade sit on one scale.
"""

from dataclasses import dataclass
from datetime import date

import numpy as np

from uplift.earlywarning.history import COHORTS, MEASURES, NO_DAY, History, year_ends
from uplift.inspections import frameworks
from uplift.inspections.frameworks.base import DEFAULT_REINSPECTION

DAYS_A_YEAR = 365.25
KEY = 10_000_000  # more than any day number: school * KEY + day sorts by school, then day
DUE_HORIZON_YEARS = 2  # "due within the horizon" looks this far ahead
STALE_YEARS = 3  # results older than this many years before the date are not used
PHASES = ("primary", "secondary", "special")

GRADE_FEATURES = [
    "last_grade", "previous_grade", "worst_grade", "grade_change", "years_since_last",
    "years_since_previous", "inspections", "framework", "ever_concern", "last_concern",
    "years_since_outstanding", "years_since_good", "years_since_below_good", "share_of_usual_gap",
    "years_until_due", "share_of_framework_gap", "due_within_horizon",
    "outstanding_years_until_due", "good_years_until_due",
]  # fmt: skip
# Grade features that are counts or flags: 0, not unknown, for a school never inspected.
COUNTED = (
    "inspections", "ever_concern", "last_concern", "years_since_outstanding",
    "years_since_good", "years_since_below_good", "outstanding_years_until_due",
    "good_years_until_due",
)  # fmt: skip
SCHOOL_FEATURES = [
    "years_open", *[f"phase_{p}" for p in PHASES], "phase_other", "academy", "maintained",
    "cohort",
]  # fmt: skip
MEASURE_FEATURES = [
    f"{code}:{part}" for code in MEASURES for part in ("vs_england", "vs_la", "change")
]
FINANCE_FEATURES = ["balance_share", "balance_share_change", "deficit"]
NAMES = GRADE_FEATURES + SCHOOL_FEATURES + MEASURE_FEATURES + FINANCE_FEATURES


@dataclass
class Trend:
    """A measure's two latest years before the date, per school position."""

    earlier_year: str | None
    earlier: np.ndarray
    later_year: str | None
    later: np.ndarray


@dataclass
class Snapshot:
    day: date
    schools: np.ndarray  # positions in the History of the schools scored
    matrix: np.ndarray  # one row per school in `schools`, columns NAMES
    trends: dict[str, Trend]

    def column(self, name: str) -> np.ndarray:
        return self.matrix[:, NAMES.index(name)]


def _last_before(history: History, day: int) -> tuple[np.ndarray, np.ndarray]:
    """Per school position, the index of its last inspection before `day` (and whether any)."""
    keys = history.i_school * KEY + history.i_day
    schools = np.arange(history.size)
    last = np.searchsorted(keys, schools * KEY + day, side="left") - 1
    safe = np.clip(last, 0, max(0, len(keys) - 1))
    has = (last >= 0) & (len(keys) > 0)
    if len(keys):
        has &= history.i_school[safe] == schools
    return safe, has


def _group_running(history: History) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per inspection: the worst grade so far, concerns so far, and its number in the school's
    history (1 = first), each counted within the school."""
    offset = history.i_school * 10.0
    worst = np.maximum.accumulate(history.i_severity + offset) - offset
    starts = np.searchsorted(history.i_school, history.i_school, side="left")
    concerns = np.cumsum(history.i_concern)
    before = np.where(starts > 0, concerns[np.maximum(starts - 1, 0)], 0)
    number = np.arange(len(history.i_school)) - starts + 1
    return worst, concerns - before, number


def _usual_gap(history: History, day: int, grade: np.ndarray) -> np.ndarray:
    """For each school, the median days between a graded inspection and the next one, among
    the schools given its last grade, from the pairs of inspections both before `day`."""
    same = history.i_school[1:] == history.i_school[:-1]
    pairs = same & (history.i_day[1:] < day)
    gaps = (history.i_day[1:] - history.i_day[:-1])[pairs]
    after = np.round(history.i_severity[:-1][pairs])
    usual = np.full(len(grade), np.nan)
    for value in (1, 2, 3, 4):
        found = gaps[after == value]
        if len(found):
            usual[np.round(grade) == value] = float(np.median(found))
    return usual


def _rank_on(framework, grade: float) -> int:
    """A four-point severity read as a rank on `framework`'s own scale."""
    step = round(grade)
    if not framework.is_report_card:
        return step
    if step >= 3:  # below the expected standard: needs attention, urgent improvement
        return framework.below_good_rank + step - 3
    return 1 if step <= 1 else 3  # strong or exceptional reads 1; good reads "expected"


def _framework_gap(day: date, grade: np.ndarray) -> np.ndarray:
    """Years before a school graded `grade` is usually inspected again, by the framework in
    force on `day` (data the inspectorate published, known on the day)."""
    framework = frameworks.framework_on(day)
    gap = np.full(len(grade), DEFAULT_REINSPECTION / 12.0)
    if framework is None:
        return np.where(np.isnan(grade), np.nan, gap)
    for value in (1, 2, 3, 4):
        gap[np.round(grade) == value] = framework.months_to_next(_rank_on(framework, value)) / 12
    return np.where(np.isnan(grade), np.nan, gap)


def _trend(history: History, code: str, day: date) -> Trend:
    years = sorted(
        y
        for y in history.results.get(code, {})
        if year_ends(y) < day and (day - year_ends(y)).days < STALE_YEARS * DAYS_A_YEAR
    )
    empty = np.full(history.size, np.nan)
    by_year = history.results.get(code, {})
    later = years[-1] if years else None
    earlier = years[-2] if len(years) > 1 else None
    return Trend(
        earlier, by_year[earlier] if earlier else empty, later, by_year[later] if later else empty
    )


def _la_means(history: History, values: np.ndarray) -> np.ndarray:
    codes, inverse = np.unique(history.la_codes.astype(str), return_inverse=True)
    known = ~np.isnan(values)
    sums = np.bincount(inverse[known], weights=values[known], minlength=len(codes))
    counts = np.bincount(inverse[known], minlength=len(codes))
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    return means[inverse]


def _england_mean(values: np.ndarray) -> float:
    known = values[~np.isnan(values)]
    return float(known.mean()) if len(known) else np.nan


def eligible(history: History, day: date) -> np.ndarray:
    """Positions of the schools open on `day` with a graded inspection before it."""
    number = day.toordinal()
    _, has = _last_before(history, number)
    opened = (history.opened == NO_DAY) | (history.opened <= number)
    still = (history.closed == NO_DAY) | (history.closed >= number)
    return np.flatnonzero(has & opened & still)


def features_at(history: History, day: date, schools: np.ndarray | None = None) -> Snapshot:
    """The feature matrix as at `day` for `schools` (default: every eligible school)."""
    number = day.toordinal()
    if schools is None:
        schools = eligible(history, day)
    last, has = _last_before(history, number)
    worst, concerns, count = _group_running(history)
    cols: dict[str, np.ndarray] = {}
    nan = np.full(history.size, np.nan)
    sev = history.i_severity
    if len(sev):
        previous = np.clip(last - 1, 0, None)
        has_prev = has & (count[last] > 1)
        cols["last_grade"] = np.where(has, sev[last], np.nan)
        cols["previous_grade"] = np.where(has_prev, sev[previous], np.nan)
        cols["worst_grade"] = np.where(has, worst[last], np.nan)
        cols["grade_change"] = cols["last_grade"] - cols["previous_grade"]
        cols["years_since_last"] = np.where(has, (number - history.i_day[last]), np.nan)
        cols["years_since_previous"] = np.where(
            has_prev, (number - history.i_day[previous]), np.nan
        )
        cols["years_since_last"] /= DAYS_A_YEAR
        cols["years_since_previous"] /= DAYS_A_YEAR
        cols["inspections"] = np.where(has, count[last], 0).astype(float)
        cols["framework"] = np.where(has, history.i_framework[last], np.nan)
        cols["ever_concern"] = np.where(has, concerns[last] > 0, 0).astype(float)
        cols["last_concern"] = np.where(has, history.i_concern[last], 0).astype(float)
        # How long a school has gone since a grade of each kind: inspections fall due at
        # intervals that depend on the last grade, so the two are read together.
        since, grade = np.nan_to_num(cols["years_since_last"]), cols["last_grade"]
        cols["years_since_outstanding"] = np.where(grade < 1.5, since, 0.0)
        cols["years_since_good"] = np.where((grade >= 1.5) & (grade < 2.5), since, 0.0)
        cols["years_since_below_good"] = np.where(grade >= 2.5, since, 0.0)
        cols["share_of_usual_gap"] = (
            cols["years_since_last"] * DAYS_A_YEAR / _usual_gap(history, number, grade)
        )
        # Due-ness by the framework in force on the day: when Ofsted would usually come back.
        gap = _framework_gap(day, grade)
        until_due = gap - cols["years_since_last"]
        cols["years_until_due"] = until_due
        cols["share_of_framework_gap"] = cols["years_since_last"] / gap
        cols["due_within_horizon"] = np.where(
            np.isnan(until_due), np.nan, until_due <= DUE_HORIZON_YEARS
        )
        cols["outstanding_years_until_due"] = np.where(grade < 1.5, until_due, 0.0)
        cols["good_years_until_due"] = np.where((grade >= 1.5) & (grade < 2.5), until_due, 0.0)
    else:
        for name in GRADE_FEATURES:
            cols[name] = nan
        for name in COUNTED:
            cols[name] = np.zeros(history.size)
    opened = history.opened != NO_DAY
    cols["years_open"] = np.where(opened, (number - history.opened) / DAYS_A_YEAR, np.nan)
    for phase in PHASES:
        cols[f"phase_{phase}"] = (history.phase == phase).astype(float)
    cols["phase_other"] = (~np.isin(history.phase, PHASES)).astype(float)
    cols["academy"] = (history.kind == "academy").astype(float)
    cols["maintained"] = (history.kind == "maintained").astype(float)
    cohort = nan.copy()
    for code in COHORTS:
        latest = _trend(history, code, day).later
        cohort = np.where(np.isnan(cohort), latest, cohort)
    cols["cohort"] = cohort
    trends = {code: _trend(history, code, day) for code in (*MEASURES, "cfr.BALANCE")}
    for code in MEASURES:
        trend = trends[code]
        later = trend.later
        cols[f"{code}:vs_england"] = later - _england_mean(later)
        cols[f"{code}:vs_la"] = later - _la_means(history, later)
        cols[f"{code}:change"] = later - trend.earlier
    income = _trend(history, "cfr.INCOME", day)
    balance = trends["cfr.BALANCE"]
    with np.errstate(invalid="ignore", divide="ignore"):
        share_later = np.where(income.later > 0, balance.later / income.later, np.nan)
        share_earlier = np.where(income.earlier > 0, balance.earlier / income.earlier, np.nan)
    cols["balance_share"] = share_later
    cols["balance_share_change"] = share_later - share_earlier
    cols["deficit"] = np.where(np.isnan(balance.later), np.nan, balance.later < 0)
    matrix = np.column_stack([np.asarray(cols[name], dtype=float)[schools] for name in NAMES])
    return Snapshot(day=day, schools=schools, matrix=matrix, trends=trends)


@dataclass
class Outcomes:
    inspected: np.ndarray
    declined: np.ndarray
    below_good: np.ndarray


def outcomes(history: History, day: date, until: date, schools: np.ndarray) -> Outcomes:
    """For each school, its first graded inspection on or after `day` and before `until`:
    whether there was one, whether it was worse than the last before `day`, below good."""
    last, has = _last_before(history, day.toordinal())
    following = last + has.astype(int)  # the first on or after `day`, if the school's
    n = len(history.i_school)
    safe = np.clip(following, 0, max(0, n - 1))
    schools_all = np.arange(history.size)
    found = has & (following < n) & (n > 0)
    if n:
        found &= history.i_school[safe] == schools_all
        found &= history.i_day[safe] >= day.toordinal()
        found &= history.i_day[safe] < until.toordinal()
        sev_next = history.i_severity[safe]
        sev_last = history.i_severity[last]
    else:
        sev_next = sev_last = np.zeros(history.size)
    declined = found & has & (sev_next > sev_last)
    below = found & (sev_next >= 3)
    return Outcomes(found[schools], declined[schools], below[schools])
