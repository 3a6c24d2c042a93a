from datetime import date

from tests.casework.rules.builders import attempt, facts, refusal
from uplift.casework.cases.rules.base import MOVE


def test_letter_of_concern_needs_a_sent_concern_letter():
    move = attempt(MOVE, to_stage="letter_of_concern")
    assert refusal("concern_letter_sent", move) == (
        "The case moves to letter of concern only once a letter of concern has been sent to "
        "the headteacher and chair: no letter of concern for this case is recorded as sent."
    )
    sent = attempt(
        MOVE, to_stage="letter_of_concern", facts=facts(concern_letter_sent_on=date(2026, 3, 2))
    )
    assert refusal("concern_letter_sent", sent) is None


def test_pre_warning_needs_the_action_plan_due_date():
    move = attempt(MOVE, to_stage="pre_warning")
    assert refusal("pre_warning_needs_action_plan_date", move) == (
        "Pre-warning asks the school for an action plan: enter the date it is due."
    )
    dated = attempt(MOVE, to_stage="pre_warning", action_plan_due_on=date(2026, 4, 1))
    assert refusal("pre_warning_needs_action_plan_date", dated) is None
    # The case page's preview leaves the date to the form.
    preview = attempt(MOVE, to_stage="pre_warning", preview=True)
    assert refusal("pre_warning_needs_action_plan_date", preview) is None
