"""Rules every case follows: one open case per school, nothing after closing, stages only
forward, and each stage reached by its own step."""

from uplift.casework.cases.rules.base import (
    CASE_ACTIONS,
    CLOSE,
    MOVE,
    NOTICE,
    OPEN,
    POWER,
    STAGE_ORDER,
    STRUCTURAL,
    Rule,
    day,
    stage_label,
)
from uplift.casework.cases.rules.registry import register
from uplift.casework.cases.steps import OWN_STEPS, REPEATABLE
from uplift.casework.models import Stage


@register
class OneOpenCase(Rule):
    """{school} already has an open case (case {case}, opened on {opened_on}): a school has
    one open case at a time."""

    code = "one_open_case"
    actions = frozenset({OPEN})

    @classmethod
    def check(cls, attempt):
        facts = attempt.facts
        if facts.open_case_id is None:
            return None
        return {
            "school": facts.school,
            "case": facts.open_case_id,
            "opened_on": day(facts.open_case_opened_on),
        }


@register
class ClosedCaseTakesNoSteps(Rule):
    """Case {case} was closed on {closed_on}: a closed case takes no further steps (open a
    new case if the school causes concern again)."""

    code = "closed_case_takes_no_steps"
    actions = CASE_ACTIONS

    @classmethod
    def check(cls, attempt):
        facts = attempt.facts
        if facts.stage != Stage.CLOSED:
            return None
        return {"case": facts.case_id, "closed_on": day(facts.closed_on)}


@register
class StagesOnlyMoveForward(Rule):
    """A case only moves forward: it is at {current}, and {target} {comes}. To end the case
    at any stage, close it with its reason."""

    code = "stages_only_move_forward"
    actions = frozenset({MOVE, NOTICE, POWER, STRUCTURAL})

    @classmethod
    def check(cls, attempt):
        current, target = attempt.facts.stage, attempt.target
        if current == Stage.CLOSED or target not in STAGE_ORDER:
            return None
        if STAGE_ORDER[target] > STAGE_ORDER[current]:
            return None
        if target == current and REPEATABLE.get(attempt.action) == current:
            return None
        comes = "is where it is now" if target == current else "comes before it"
        return {"current": stage_label(current), "target": stage_label(target), "comes": comes}


@register
class StageHasItsOwnStep(Rule):
    """A case reaches {target} only by {how}."""

    code = "stage_has_its_own_step"
    actions = frozenset({MOVE})

    @classmethod
    def check(cls, attempt):
        target = attempt.to_stage
        if target not in OWN_STEPS:
            return None
        return {"target": stage_label(target), "how": OWN_STEPS[target]}


@register
class NotBeforeTheCurrentStage(Rule):
    """The date of this step ({on}) is before the case reached its current stage, {stage}, on
    {since}: steps are recorded in the order they happened."""

    code = "not_before_the_current_stage"
    # Not warning notices: an officer may record a notice served before the case was opened
    # here (its dates are statutory facts; its compliance deadline is computed from them).
    actions = frozenset({MOVE, POWER, STRUCTURAL, CLOSE})
    needs_input = True

    @classmethod
    def check(cls, attempt):
        facts = attempt.facts
        if attempt.on is None or facts.stage_changed_on is None:
            return None
        if attempt.on >= facts.stage_changed_on:
            return None
        return {
            "on": day(attempt.on),
            "stage": stage_label(facts.stage),
            "since": day(facts.stage_changed_on),
        }
