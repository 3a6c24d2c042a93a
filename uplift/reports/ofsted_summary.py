"""Schools and pupils by Ofsted grade and phase on a chosen day (seed 003's table).

Each open school counts once, in its phase, under the overall grade of its latest graded
inspection counting on the day (the rules are in uplift.reports.as_at). Schools whose
latest graded inspection gave no overall grade (September 2024 onwards, or a source that
left it out) have their own row, as have schools with no graded inspection at all.
Percentages are of every counted school (or pupil) in the phase, so each phase's rows add
up to 100. "Good or better" is a share of the schools that have an overall grade only:
it exists for the old grades alone (see ../shared/reference/domain.md section 3).
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from uplift.inspections import frameworks
from uplift.reports.as_at import PHASE_LABELS, REPORTED_PHASES, SchoolOnDay, schools_on
from uplift.reports.percentages import percent
from uplift.schools.models import Establishment, LocalAuthority

ALL_PHASES = "all"
ALL_PHASES_LABEL = "All phases"


@dataclass(frozen=True)
class Grade:
    key: str
    label: str
    hint: str = ""


GRADES = (
    Grade("outstanding", "Outstanding"),
    Grade("good", "Good"),
    Grade("requires_improvement", "Requires improvement", "Satisfactory before September 2012"),
    Grade("inadequate", "Inadequate"),
    Grade(
        "no_overall_grade",
        "No overall grade",
        "Latest graded inspection graded areas only: see the report card equivalent",
    ),
    Grade("not_inspected", "No graded inspection"),
)
GRADE_BY_OVERALL = {1: "outstanding", 2: "good", 3: "requires_improvement", 4: "inadequate"}
GOOD_OR_BETTER = ("outstanding", "good")
OVERALL_KEYS = tuple(GRADE_BY_OVERALL.values())


def grade_key(school: SchoolOnDay) -> str:
    if not school.inspected:
        return "not_inspected"
    return GRADE_BY_OVERALL.get(school.overall_grade, "no_overall_grade")


@dataclass(frozen=True)
class GradeRow:
    grade: Grade
    schools: int
    schools_pct: Decimal | None
    pupils: int
    pupils_pct: Decimal | None


@dataclass(frozen=True)
class PhaseTable:
    key: str
    label: str
    schools: int
    pupils: int
    without_pupils: int  # schools counted whose pupil number is not known
    rows: tuple[GradeRow, ...]
    good_or_better_schools_pct: Decimal | None  # of the schools with an overall grade
    good_or_better_pupils_pct: Decimal | None

    def row(self, key: str) -> GradeRow:
        return next(row for row in self.rows if row.grade.key == key)


@dataclass(frozen=True)
class FrameworkSource:
    """How many counted schools' grade comes from an inspection under `framework`: a graded
    one, or (`confirmed`) an ungraded one confirming a grade set earlier."""

    framework: frameworks.Framework
    confirmed: bool
    counts: tuple[int, ...]  # one per GRADES entry but the last (never inspected)

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class OfstedSummary:
    la: LocalAuthority
    as_at: date
    phases: tuple[PhaseTable, ...]  # REPORTED_PHASES, in order, empty ones included
    total: PhaseTable
    sources: tuple[FrameworkSource, ...]  # newest framework first
    left_out: int  # open establishments of the LA outside the reported phases

    def phase(self, key: str) -> PhaseTable:
        return self.total if key == ALL_PHASES else next(p for p in self.phases if p.key == key)


def ofsted_summary(
    *, la: LocalAuthority, schools: QuerySet[Establishment], as_at: date
) -> OfstedSummary:
    """The summary of the LA's schools among `schools` (the reader's scope). One query."""
    everyone = schools_on(schools=schools.filter(la=la), day=as_at)
    counted = [school for school in everyone if school.phase is not None]
    phases = tuple(
        phase_table(
            phase.value, PHASE_LABELS[phase.value], [s for s in counted if s.phase == phase]
        )
        for phase in REPORTED_PHASES
    )
    return OfstedSummary(
        la=la,
        as_at=as_at,
        phases=phases,
        total=phase_table(ALL_PHASES, ALL_PHASES_LABEL, counted),
        sources=_sources(counted),
        left_out=len(everyone) - len(counted),
    )


def phase_table(key: str, label: str, schools: list[SchoolOnDay]) -> PhaseTable:
    school_counts: Counter[str] = Counter()
    pupil_counts: Counter[str] = Counter()
    for school in schools:
        grade = grade_key(school)
        school_counts[grade] += 1
        pupil_counts[grade] += school.pupils or 0
    total_schools = len(schools)
    total_pupils = sum(pupil_counts.values())
    graded_schools = sum(school_counts[k] for k in OVERALL_KEYS)
    graded_pupils = sum(pupil_counts[k] for k in OVERALL_KEYS)
    return PhaseTable(
        key=key,
        label=label,
        schools=total_schools,
        pupils=total_pupils,
        without_pupils=sum(1 for school in schools if school.pupils is None),
        rows=tuple(
            GradeRow(
                grade=grade,
                schools=school_counts[grade.key],
                schools_pct=percent(school_counts[grade.key], total_schools),
                pupils=pupil_counts[grade.key],
                pupils_pct=percent(pupil_counts[grade.key], total_pupils),
            )
            for grade in GRADES
        ),
        good_or_better_schools_pct=percent(
            sum(school_counts[k] for k in GOOD_OR_BETTER), graded_schools
        ),
        good_or_better_pupils_pct=percent(
            sum(pupil_counts[k] for k in GOOD_OR_BETTER), graded_pupils
        ),
    )


def _sources(schools: list[SchoolOnDay]) -> tuple[FrameworkSource, ...]:
    counts: Counter[tuple[str, bool, str]] = Counter(
        (school.framework, school.confirmed, grade_key(school))
        for school in schools
        if school.inspected
    )
    used = {(code, confirmed) for code, confirmed, _ in counts}
    ordered = sorted(
        used, key=lambda pair: (-frameworks.framework(pair[0]).starts.toordinal(), pair[1])
    )
    return tuple(
        FrameworkSource(
            frameworks.framework(code),
            confirmed,
            tuple(counts[(code, confirmed, grade.key)] for grade in GRADES[:-1]),
        )
        for code, confirmed in ordered
    )
