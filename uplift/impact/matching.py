"""Did the support work? Before and after for each outcome measure, against a comparison
group of similar schools that did not receive that kind of support.

Method (exact strata, then nearest neighbours, then the difference in differences):

1. Before and after. For each supported school and measure, "before" is the last value
   dated on or before the day the support started and "after" the first value dated after
   the day it ended (an academic year's figure is dated 31 August of the year it ends; an
   inspection by its first day; a category by its round's date). Support still running has
   no "after" yet.
2. Strata. Candidate comparison schools are in the same phase, the same size band (pupils
   on the register), the same disadvantage band (% free school meals) and had the same
   prior overall inspection grade (the last graded inspection on or before the start, or
   none) as the supported school. Schools supported in the piece, and schools that received
   support of the same kind at any time over the same period, are left out.
3. Nearest neighbours. Among candidates with values both before and after (by the same
   rule and dates), the NEIGHBOURS nearest to the supported school are taken, nearness being
   the sum of the differences in the prior value of the measure (prior attainment, for
   attainment measures), in pupils and in % free school meals, each divided by its spread
   among the candidates. Ties go to the lower id, so the answer is the same every time.
4. Difference in differences. The school's change (after minus before) less the mean
   change of its matches, signed so that more than nought means the supported school did
   better than similar schools. With several supported schools the figures are means over
   the schools with enough matches.
5. Too few. With fewer than MIN_MATCHES matches behind a school, its comparison is shown
   but not counted, and the page says plainly that there are too few schools to say anything.

Queries: one for the supported schools, then per stratum one for the candidates and one per
measure for their values, each set-based (a subquery, never a list of ids), so the count
does not grow with the size of the register.
"""

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import mean, pstdev

from django.db.models import OuterRef, Q, Subquery

from uplift.impact.measures import Outcome, outcome
from uplift.impact.pieces import Piece, supported_between
from uplift.inspections.models import Inspection
from uplift.schools.models import Establishment

MIN_MATCHES = 5
NEIGHBOURS = 10
SIZE_BANDS = (0, 100, 210, 420, 630, 1000, 1500)  # pupils: the lower bound of each band
FSM_BANDS = (0, 10, 20, 30, 45)  # % free school meals: the lower bound of each band


@dataclass
class SchoolResult:
    school_id: int
    name: str
    before: float | None = None
    before_period: str = ""
    after: float | None = None
    after_period: str = ""
    comparison_before: float | None = None
    comparison_after: float | None = None
    matches: int = 0
    matched_ids: tuple[int, ...] = ()

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def comparison_change(self) -> float | None:
        if self.comparison_before is None or self.comparison_after is None:
            return None
        return self.comparison_after - self.comparison_before

    @property
    def enough(self) -> bool:
        return self.matches >= MIN_MATCHES and self.change is not None


@dataclass
class MeasureResult:
    outcome: Outcome
    schools: list[SchoolResult] = field(default_factory=list)
    running: bool = False

    def _mean(self, values) -> float | None:
        values = [v for v in values if v is not None]
        return mean(values) if values else None

    @property
    def counted(self) -> list[SchoolResult]:
        return [s for s in self.schools if s.enough]

    @property
    def with_figures(self) -> list[SchoolResult]:
        return [s for s in self.schools if s.change is not None]

    @property
    def before(self):
        return self._mean(s.before for s in self.with_figures)

    @property
    def after(self):
        return self._mean(s.after for s in self.with_figures)

    @property
    def change(self):
        return self._mean(s.change for s in self.with_figures)

    @property
    def comparison_before(self):
        return self._mean(s.comparison_before for s in self.with_figures)

    @property
    def comparison_after(self):
        return self._mean(s.comparison_after for s in self.with_figures)

    @property
    def comparison_change(self):
        return self._mean(s.comparison_change for s in self.with_figures)

    @property
    def matches(self) -> int:
        """How many different schools stand behind the comparison."""
        return len({m for s in self.with_figures for m in s.matched_ids})

    @property
    def enough(self) -> bool:
        return bool(self.counted)

    @property
    def gain(self) -> float | None:
        """The difference in differences over the schools with enough matches, positive when
        the supported schools did better than similar schools."""
        if not self.counted:
            return None
        sign = 1 if self.outcome.higher_is_better else -1
        return mean(sign * (s.change - s.comparison_change) for s in self.counted)

    @property
    def verdict(self) -> str:
        if self.running:
            return "The support is still running: there are no figures after it yet."
        if not self.with_figures:
            return "No figures both before and after the support for the schools supported."
        if not self.enough:
            return (
                f"Too few similar schools to say anything: {self.matches} found, at least "
                f"{MIN_MATCHES} are needed for each school."
            )
        gain = self.gain
        size = f"{abs(gain):.{self.outcome.places or 1}f}"
        if round(gain, self.outcome.places or 1) == 0:
            return f"No different from similar schools ({self.matches} matched schools)."
        way = "better" if gain > 0 else "worse"
        return f"Did {size} {way} than similar schools ({self.matches} matched schools)."


def band(value, bounds) -> int | None:
    return None if value is None else bisect_right(bounds, float(value)) - 1


def _band_filter(field_name: str, index: int | None, bounds) -> Q:
    if index is None:
        return Q(**{f"{field_name}__isnull": True})
    found = Q(**{f"{field_name}__gte": bounds[index]})
    if index + 1 < len(bounds):
        found &= Q(**{f"{field_name}__lt": bounds[index + 1]})
    return found


def _prior_grade(day: date) -> Subquery:
    return Subquery(
        Inspection.objects.filter(
            establishment=OuterRef("pk"), overall_grade__isnull=False, start_date__lte=day
        )
        .order_by("-start_date", "-pk")
        .values("overall_grade")[:1]
    )


def before_and_after(rows, starts_on: date, ends_on: date | None) -> dict[int, tuple]:
    """Each school's (before, before period, after, after period) from its dated rows."""
    by_school = defaultdict(list)
    for school, when, period, value in rows:
        by_school[school].append((when, period, value))
    found = {}
    for school, timeline in by_school.items():
        timeline.sort()
        earlier = [t for t in timeline if t[0] <= starts_on]
        later = [t for t in timeline if ends_on is not None and t[0] > ends_on]
        before = earlier[-1] if earlier else (None, "", None)
        after = later[0] if later else (None, "", None)
        found[school] = (before[2], before[1], after[2], after[1])
    return found


@dataclass(frozen=True)
class _Stratum:
    phase: str
    size: int | None
    fsm: int | None
    prior: int | None


def impact_of(piece: Piece, measure_keys) -> list[MeasureResult]:
    """The before-and-after and the matched comparison for each chosen measure."""
    outcomes = [outcome(k) for k in measure_keys]
    schools = list(
        Establishment.objects.filter(pk__in=piece.school_ids)
        .annotate(prior=_prior_grade(piece.starts_on))
        .values("pk", "name", "phase_group", "pupils", "percent_fsm", "prior")
        .order_by("name", "pk")
    )
    results = [MeasureResult(o, running=piece.ends_on is None) for o in outcomes]
    if not schools:
        return results
    own = {
        o.key: before_and_after(o.rows(piece.school_ids), piece.starts_on, piece.ends_on)
        for o in outcomes
    }
    strata = defaultdict(list)
    for school in schools:
        strata[_stratum(school)].append(school)
    for stratum, members in strata.items():
        pool = _candidates(piece, stratum)
        facts = _facts_of(pool)
        for result in results:
            wanted = [m for m in members if result.outcome.applies_to(m["phase_group"])]
            if not wanted:
                continue
            theirs = before_and_after(
                result.outcome.rows(pool.values("pk")), piece.starts_on, piece.ends_on
            )
            for school in wanted:
                result.schools.append(
                    _compare(school, own[result.outcome.key].get(school["pk"]), theirs, facts)
                )
    return results


def _stratum(school) -> _Stratum:
    return _Stratum(
        school["phase_group"],
        band(school["pupils"], SIZE_BANDS),
        band(school["percent_fsm"], FSM_BANDS),
        school["prior"],
    )


def _candidates(piece: Piece, stratum: _Stratum):
    elsewhere = supported_between(piece.kind, piece.starts_on, piece.ends_on or piece.starts_on)
    pool = (
        Establishment.objects.filter(phase_group=stratum.phase)
        .filter(_band_filter("pupils", stratum.size, SIZE_BANDS))
        .filter(_band_filter("percent_fsm", stratum.fsm, FSM_BANDS))
        .exclude(pk__in=piece.school_ids)
        .exclude(pk__in=elsewhere)
        .annotate(prior=_prior_grade(piece.starts_on))
    )
    if stratum.prior is None:
        return pool.filter(prior__isnull=True)
    return pool.filter(prior=stratum.prior)


def _facts_of(pool) -> dict[int, tuple[float, float]]:
    """Pupils and % free school meals of every candidate."""
    rows = pool.values_list("pk", "pupils", "percent_fsm")
    return {pk: (float(p or 0), float(f or 0)) for pk, p, f in rows}


def _compare(school, mine, theirs, facts) -> SchoolResult:
    result = SchoolResult(school["pk"], school["name"])
    if mine is None:
        return result
    result.before, result.before_period, result.after, result.after_period = mine
    if result.before is None:
        return result
    candidates = [
        pk for pk, v in theirs.items() if pk in facts and v[0] is not None and v[2] is not None
    ]
    if not candidates:
        return result
    spreads = [
        pstdev([theirs[pk][0] for pk in candidates]) or 1.0,
        pstdev([facts[pk][0] for pk in candidates]) or 1.0,
        pstdev([facts[pk][1] for pk in candidates]) or 1.0,
    ]
    here = (result.before, float(school["pupils"] or 0), float(school["percent_fsm"] or 0))

    def distance(pk):
        there = (theirs[pk][0], *facts[pk])
        return sum(abs(a - b) / s for a, b, s in zip(here, there, spreads, strict=True)), pk

    nearest = sorted(candidates, key=distance)[:NEIGHBOURS]
    result.matched_ids = tuple(nearest)
    result.matches = len(nearest)
    result.comparison_before = mean(theirs[pk][0] for pk in nearest)
    result.comparison_after = mean(theirs[pk][2] for pk in nearest)
    return result
