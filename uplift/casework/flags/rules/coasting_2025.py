from datetime import date

from uplift.casework.flags.base import COASTING, FlagRule, History, Outcome
from uplift.casework.flags.grades import (
    below_good,
    describe,
    is_report_card,
    leadership_governance,
    report_card_concern_areas,
    requires_improvement,
)
from uplift.casework.flags.registry import register
from uplift.casework.flags.rules._two_inspections import latest_ri_previous_below_good
from uplift.inspections.models import CategoryOfConcern


@register
class Coasting2025(FlagRule):
    """Coasting (Coasting Schools (England) (Amendment) Regulations 2025, from 17 November
    2025, for report cards): a report card grading leadership and governance "needs
    attention" when the inspection before was below good or its equivalent; or a school
    just out of special measures or significant improvement whose latest inspection still
    needs attention in an area (or requires improvement). A school whose latest inspection
    came before report cards is coasting as under the 2022 definition: requires improvement
    at the latest graded inspection and below good at the one before. Ungraded inspections
    never change a grade; a predecessor school's inspections are not checked."""

    flag = COASTING
    name = "coasting_2025"
    applies_from = date(2025, 11, 17)
    applies_to = None

    @classmethod
    def evaluate(cls, history: History) -> Outcome:
        latest, previous = history.latest, history.previous
        out_of_category = _out_of_category(history)
        if out_of_category is not None:
            return out_of_category
        if latest is None or not is_report_card(latest):
            return latest_ri_previous_below_good(history, what="coasting")
        grade = leadership_governance(latest)
        if grade is None:
            return Outcome(
                False,
                f"{_cap(describe(latest))} has no leadership and governance grade recorded: "
                "it cannot be decided.",
                False,
            )
        if grade != "needs_attention":
            return Outcome(
                False,
                f'Not coasting: leadership and governance is not "needs attention" at '
                f"{describe(latest)}.",
            )
        if previous is None:
            return Outcome(
                False,
                f"Not coasting: {describe(latest)} is the school's only graded inspection by "
                "this date (a predecessor school's inspections are not checked).",
            )
        previous_below = below_good(previous)
        if previous_below is None:
            return Outcome(
                False,
                f"Leadership and governance needs attention, but the grades of "
                f"{describe(previous)} were not recorded: it cannot be decided.",
                False,
            )
        if not previous_below:
            return Outcome(
                False,
                f"Not coasting: leadership and governance needs attention at "
                f"{describe(latest)}, but {describe(previous)} was good or better.",
            )
        return Outcome(
            True,
            f"Coasting: leadership and governance needs attention at {describe(latest)}, and "
            f"{describe(previous)} before it was below good.",
        )


def _out_of_category(history: History) -> Outcome | None:
    """Coasting when the school has just left a category of concern but still needs
    attention (or requires improvement); None when the route does not apply."""
    latest, previous = history.latest, history.previous
    if latest is None or previous is None or latest.category_of_concern:
        return None
    if not previous.category_of_concern:
        return None
    if is_report_card(latest):
        weak = report_card_concern_areas(latest)
    else:
        weak = ["overall"] if requires_improvement(latest) else []
    if not weak:
        return None
    category = CategoryOfConcern(previous.category_of_concern).label.lower()
    return Outcome(
        True,
        f"Coasting: {describe(latest)} took the school out of {category} ({describe(previous)}) "
        "but it still needs attention or requires improvement.",
    )


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
