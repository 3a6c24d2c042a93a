"""Rules of the last stages: a structural solution, and closing the case."""

from uplift.casework.cases.rules.base import CLOSE, STRUCTURAL, Rule, day, stage_label
from uplift.casework.cases.rules.registry import register
from uplift.casework.models import Power, Stage


@register
class StructuralSolutionOnceEligible(Rule):
    """A structural solution or academy order is recorded once the school is eligible for
    intervention or powers have been used: the case is at {stage}."""

    code = "structural_solution_once_eligible"
    actions = frozenset({STRUCTURAL})

    @classmethod
    def check(cls, attempt):
        stage = attempt.facts.stage
        if stage in (Stage.ELIGIBLE, Stage.POWERS_USED, Stage.STRUCTURAL, Stage.CLOSED):
            return None
        return {"stage": stage_label(stage)}


@register
class CloseWithAReason(Rule):
    """A case is closed with the reason it closes (exited, improved, academy opened...):
    enter the reason."""

    code = "close_with_a_reason"
    actions = frozenset({CLOSE})
    needs_input = True

    @classmethod
    def check(cls, attempt):
        return None if (attempt.reason or "").strip() else {}


@register
class PowersToldToDfeBeforeClosing(Rule):
    """The case cannot close while DfE has not been told of every power used: record when
    DfE was told of {powers}."""

    code = "powers_told_to_dfe_before_closing"
    actions = frozenset({CLOSE})

    @classmethod
    def check(cls, attempt):
        untold = [p for p in attempt.facts.powers if p.dfe_notified_on is None]
        if not untold:
            return None
        names = [f"{_section(p.power)} (used on {day(p.used_on)})" for p in untold]
        return {"powers": ", ".join(names)}


def _section(power: str) -> str:
    """ "s.64" for Power.ADDITIONAL_GOVERNORS."""
    return str(Power(power).label).split(" ", 1)[0]
