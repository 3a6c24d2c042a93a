from datetime import date

from tests.casework.rules.builders import attempt, facts, refusal
from uplift.casework.cases.rules.base import CLOSE, MOVE, NOTICE, OPEN, POWER, STRUCTURAL


def test_one_open_case_per_school():
    blocked = attempt(
        OPEN,
        facts=facts(case_id=None, stage="", open_case_id=12, open_case_opened_on=date(2026, 3, 1)),
    )
    assert refusal("one_open_case", blocked) == (
        "Abbots Langley Primary (URN 117001) already has an open case (case 12, opened on "
        "1 March 2026): a school has one open case at a time."
    )
    assert refusal("one_open_case", attempt(OPEN, facts=facts(case_id=None))) is None


def test_a_closed_case_takes_no_further_steps():
    closed = facts(stage="closed", closed_on=date(2026, 9, 1))
    for action in (MOVE, NOTICE, POWER, STRUCTURAL, CLOSE):
        assert refusal("closed_case_takes_no_steps", attempt(action, facts=closed)) == (
            "Case 7 was closed on 1 September 2026: a closed case takes no further steps "
            "(open a new case if the school causes concern again)."
        )
    assert refusal("closed_case_takes_no_steps", attempt(MOVE)) is None


def test_stages_only_move_forward():
    at_pre_warning = facts(stage="pre_warning")
    back = attempt(MOVE, facts=at_pre_warning, to_stage="letter_of_concern")
    assert refusal("stages_only_move_forward", back) == (
        "A case only moves forward: it is at pre-warning, and letter of concern comes before "
        "it. To end the case at any stage, close it with its reason."
    )
    same = attempt(MOVE, facts=at_pre_warning, to_stage="pre_warning")
    assert "pre-warning is where it is now" in refusal("stages_only_move_forward", same)
    forward = attempt(MOVE, facts=at_pre_warning, to_stage="eligible")
    assert refusal("stages_only_move_forward", forward) is None
    # A second notice, power or structural decision keeps the case where it is.
    again = attempt(NOTICE, facts=facts(stage="warning_notice"))
    assert refusal("stages_only_move_forward", again) is None
    late = attempt(NOTICE, facts=facts(stage="eligible"))
    assert "formal warning notice comes before it" in refusal("stages_only_move_forward", late)


def test_some_stages_have_a_step_of_their_own():
    move = attempt(MOVE, to_stage="warning_notice")
    assert refusal("stage_has_its_own_step", move) == (
        "A case reaches formal warning notice only by issuing a warning notice."
    )
    assert "closing the case" in refusal("stage_has_its_own_step", attempt(MOVE, to_stage="closed"))
    assert refusal("stage_has_its_own_step", attempt(MOVE, to_stage="pre_warning")) is None


def test_steps_are_not_dated_before_the_current_stage():
    early = attempt(MOVE, to_stage="pre_warning", on=date(2026, 2, 27))
    assert refusal("not_before_the_current_stage", early) == (
        "The date of this step (27 February 2026) is before the case reached its current "
        "stage, concern raised, on 1 March 2026: steps are recorded in the order they happened."
    )
    same_day = attempt(MOVE, to_stage="pre_warning", on=date(2026, 3, 1))
    assert refusal("not_before_the_current_stage", same_day) is None
    served_before = attempt(NOTICE, on=date(2026, 2, 27), grounds=("standards",))
    assert refusal("not_before_the_current_stage", served_before) is None
