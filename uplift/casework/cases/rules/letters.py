"""Rules of the early stages: the letter of concern and the pre-warning."""

from uplift.casework.cases.rules.base import MOVE, Rule
from uplift.casework.cases.rules.registry import register
from uplift.casework.models import Stage


@register
class ConcernLetterSent(Rule):
    """The case moves to letter of concern only once a letter of concern has been sent to
    the headteacher and chair: no letter of concern for this case is recorded as sent."""

    code = "concern_letter_sent"
    actions = frozenset({MOVE})

    @classmethod
    def check(cls, attempt):
        if attempt.to_stage != Stage.LETTER_OF_CONCERN:
            return None
        return None if attempt.facts.concern_letter_sent_on is not None else {}


@register
class PreWarningNeedsActionPlanDate(Rule):
    """Pre-warning asks the school for an action plan: enter the date it is due."""

    code = "pre_warning_needs_action_plan_date"
    actions = frozenset({MOVE})
    needs_input = True

    @classmethod
    def check(cls, attempt):
        if attempt.to_stage != Stage.PRE_WARNING:
            return None
        return None if attempt.action_plan_due_on is not None else {}
