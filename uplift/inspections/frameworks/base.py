"""What a framework is: its dates, judgement areas and grading scale, and the decisions that
differ from one framework to the next, held as data so that no other code names one."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Grade:
    code: str
    label: str
    rank: int  # 1 = best, within its scale


@dataclass(frozen=True)
class Area:
    code: str
    label: str


DEFAULT_REINSPECTION = 48  # months: roughly every four years


@dataclass(frozen=True)
class Framework:
    code: str
    name: str
    starts: date
    ends: date | None
    has_overall_grade: bool
    scale: tuple[Grade, ...]
    areas: tuple[Area, ...]
    # A grade of this rank or worse is below good (on report cards: below the expected
    # standard, i.e. needs attention or urgent improvement).
    below_good_rank: int = 3
    # Without an overall grade, the areas DfE reads in its place ("requires improvement" when
    # any of them does); empty means every area counts.
    standing_areas: tuple[str, ...] = ()
    # The longest usual gap, in months, before a school graded at each rank (1 first) is
    # inspected again; a rank beyond the tuple (or an empty tuple) takes DEFAULT_REINSPECTION.
    reinspection_months: tuple[int, ...] = ()

    def months_to_next(self, rank: int | None) -> int:
        """How long after an inspection graded `rank` the next one is usually due."""
        if rank is not None and 1 <= rank <= len(self.reinspection_months):
            return self.reinspection_months[rank - 1]
        return DEFAULT_REINSPECTION

    def grade(self, code: str) -> Grade | None:
        return next((g for g in self.scale if g.code == code), None)

    def area(self, code: str) -> Area | None:
        return next((a for a in self.areas if a.code == code), None)

    def covers(self, day: date) -> bool:
        return self.starts <= day and (self.ends is None or day <= self.ends)

    @property
    def is_report_card(self) -> bool:
        return self.scale == REPORT_CARD_SCALE

    @property
    def full_inspection_kind(self) -> str:
        """The kind of a full inspection under this framework (InspectionKind's value)."""
        return "report_card" if self.is_report_card else "graded"

    def rank(self, code: str | None) -> int | None:
        grade = self.grade(code) if code else None
        return grade.rank if grade else None

    def standing_ranks(self, areas: dict[str, str]) -> list[int]:
        """The ranks of the areas that stand for the overall grade, where recorded."""
        wanted = self.standing_areas or tuple(areas)
        return [r for r in (self.rank(areas.get(code)) for code in wanted) if r is not None]

    def below_good(self, *, overall: int | None, areas: dict[str, str]) -> bool | None:
        """Below good (or its equivalent on this framework); None when it cannot be told."""
        if self.has_overall_grade:
            return None if overall is None else overall >= self.below_good_rank
        ranks = self.standing_ranks(areas)
        return any(rank >= self.below_good_rank for rank in ranks) if ranks else None

    def requires_improvement(self, *, overall: int | None, areas: dict[str, str]) -> bool | None:
        """Graded "requires improvement" (or "satisfactory"), or DfE's equivalent where no
        overall grade is given; None when it cannot be told (report cards have no such grade)."""
        if self.has_overall_grade:
            return None if overall is None else overall == 3
        if self.is_report_card:
            return None
        ranks = self.standing_ranks(areas)
        return max(ranks) == 3 if ranks else None


def four_point(grade3: str) -> tuple[Grade, ...]:
    return (
        Grade("1", "Outstanding", 1),
        Grade("2", "Good", 2),
        Grade("3", grade3, 3),
        Grade("4", "Inadequate", 4),
    )


REPORT_CARD_SCALE = (
    Grade("exceptional", "Exceptional", 1),
    Grade("strong", "Strong standard", 2),
    Grade("expected", "Expected standard", 3),
    Grade("needs_attention", "Needs attention", 4),
    Grade("urgent_improvement", "Urgent improvement", 5),
)

# Areas several frameworks share.
OVERALL = Area("overall_effectiveness", "Overall effectiveness")
LEADERSHIP = Area("leadership_management", "Leadership and management")
EARLY_YEARS = Area("early_years", "Early years")
SIXTH_FORM = Area("sixth_form", "Sixth form")
