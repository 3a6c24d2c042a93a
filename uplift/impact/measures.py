"""The outcome measures a piece of support can be judged by, each a timeline of dated values
per school: an inspection's overall grade, a report-card area's grade, a performance-table
figure for an academic year (dated the 31 August it ends), or the LA's category in a
published round. Each reads the timelines of a whole set of schools in one query."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from uplift.categorisation.models import RoundStatus, SchoolCategorisation
from uplift.impact.models import PieceKind
from uplift.inspections.models import Inspection, InspectionKind, Judgement
from uplift.performance.models import Level, Result
from uplift.schools.models import PhaseGroup

Row = tuple[int, date, str, float]  # school id, when, the period in words, value
CATEGORY_RANKS = {"1": 1, "2": 2, "3": 3, "3a": 3, "3b": 4, "4": 5}
CATEGORY_WORDS = {1: "1", 2: "2", 3: "3a", 4: "3b", 5: "4"}


@dataclass(frozen=True)
class Outcome:
    key: str
    label: str
    higher_is_better: bool
    places: int = 1
    phases: tuple[str, ...] = ()  # the phases it applies to; empty for every phase

    def rows(self, establishments) -> Iterable[Row]:
        raise NotImplementedError

    def words(self, value: float | None) -> str:
        if value is None:
            return "No figure"
        return f"{value:.{self.places}f}"

    def applies_to(self, phase: str) -> bool:
        return not self.phases or phase in self.phases


@dataclass(frozen=True)
class TablesOutcome(Outcome):
    code: str = ""

    def rows(self, establishments):
        found = Result.objects.filter(
            measure__code=self.code,
            level=Level.SCHOOL,
            establishment__in=establishments,
            value__isnull=False,
        ).values_list("establishment_id", "academic_year", "value")
        for school, year, value in found:
            yield school, date(int(year[:4]) + 1, 8, 31), year, float(value)


@dataclass(frozen=True)
class GradeOutcome(Outcome):
    def rows(self, establishments):
        found = Inspection.objects.filter(
            establishment__in=establishments, overall_grade__isnull=False
        ).values_list("establishment_id", "start_date", "overall_grade")
        for school, day, grade in found:
            yield school, day, f"inspection of {day:%-d %B %Y}", float(grade)

    def words(self, value):
        names = {1: "Outstanding", 2: "Good", 3: "Requires improvement", 4: "Inadequate"}
        return names.get(round(value), "No grade") if value is not None else "No grade"


@dataclass(frozen=True)
class AreaOutcome(Outcome):
    area: str = ""

    def rows(self, establishments):
        found = Judgement.objects.filter(
            inspection__establishment__in=establishments,
            inspection__kind=InspectionKind.REPORT_CARD,
            area=self.area,
        ).values_list("inspection__establishment_id", "inspection__start_date", "grade_rank")
        for school, day, rank in found:
            yield school, day, f"report card of {day:%-d %B %Y}", float(rank)

    def words(self, value):
        names = {
            1: "Exceptional",
            2: "Strong standard",
            3: "Expected standard",
            4: "Needs attention",
            5: "Urgent improvement",
        }
        return names.get(round(value), "No grade") if value is not None else "No grade"


@dataclass(frozen=True)
class CategoryOutcome(Outcome):
    def rows(self, establishments):
        found = (
            SchoolCategorisation.objects.filter(
                establishment__in=establishments, round__status=RoundStatus.PUBLISHED
            )
            .exclude(final_category="")
            .values_list("establishment_id", "round__as_at", "final_category")
        )
        for school, day, category in found:
            if category.lower() in CATEGORY_RANKS:
                yield school, day, f"round of {day:%B %Y}", float(CATEGORY_RANKS[category.lower()])

    def words(self, value):
        if value is None:
            return "No category"
        return f"Category {CATEGORY_WORDS.get(round(value), round(value))}"


PRIMARY = (PhaseGroup.PRIMARY, PhaseGroup.ALL_THROUGH)
SECONDARY = (PhaseGroup.SECONDARY, PhaseGroup.ALL_THROUGH)
OUTCOMES: dict[str, Outcome] = {
    o.key: o
    for o in (
        GradeOutcome("inspection", "Overall grade at inspection (1 is best)", False, 0),
        AreaOutcome(
            "leadership",
            "Report card: leadership and governance (1 is best)",
            False,
            0,
            area="leadership_governance",
        ),
        AreaOutcome(
            "curriculum",
            "Report card: curriculum and teaching (1 is best)",
            False,
            0,
            area="curriculum_teaching",
        ),
        TablesOutcome(
            "ks2_rwm",
            "Key stage 2: % reaching the expected standard in reading, writing and maths",
            True,
            0,
            PRIMARY,
            code="ks2.PTRWM_EXP",
        ),
        TablesOutcome(
            "ks2_reading", "Key stage 2: reading progress", True, 1, PRIMARY, code="ks2.READPROG"
        ),
        TablesOutcome(
            "ks4_att8", "Key stage 4: Attainment 8 score", True, 1, SECONDARY, code="ks4.ATT8SCR"
        ),
        TablesOutcome(
            "ks4_p8", "Key stage 4: Progress 8 score", True, 2, SECONDARY, code="ks4.P8MEA"
        ),
        TablesOutcome(
            "absence", "% of sessions missed (overall absence)", False, 1, code="absence.PERCTOT"
        ),
        CategoryOutcome("category", "LA category (lower is better)", False, 0),
    )
}

_ATTAINMENT = ("ks2_rwm", "ks2_reading", "ks4_att8", "ks4_p8")
DEFAULTS: dict[str, tuple[str, ...]] = {
    PieceKind.DEPLOYMENT: ("inspection", "leadership", *_ATTAINMENT, "absence"),
    PieceKind.COMMISSION: ("inspection", "curriculum", *_ATTAINMENT, "absence"),
    PieceKind.CYCLE: ("inspection", "leadership", "category", *_ATTAINMENT),
    PieceKind.CASE: ("category", "inspection", "leadership", *_ATTAINMENT),
    PieceKind.GRANT: (*_ATTAINMENT, "absence"),
}


def outcome(key: str) -> Outcome:
    return OUTCOMES[key]


def choices() -> list[tuple[str, str]]:
    return [(o.key, o.label) for o in OUTCOMES.values()]
