from datetime import date

from tests.casework.rules.builders import attempt, facts, power, refusal
from uplift.casework.cases.rules.academy_orders import academy_order_note
from uplift.casework.cases.rules.base import CLOSE, STRUCTURAL


def test_a_structural_solution_once_eligible():
    early = attempt(STRUCTURAL, facts=facts(stage="pre_warning"))
    assert refusal("structural_solution_once_eligible", early) == (
        "A structural solution or academy order is recorded once the school is eligible for "
        "intervention or powers have been used: the case is at pre-warning."
    )
    for stage in ("eligible", "powers_used", "structural"):
        allowed = attempt(STRUCTURAL, facts=facts(stage=stage))
        assert refusal("structural_solution_once_eligible", allowed) is None


def test_a_case_closes_with_a_reason():
    assert refusal("close_with_a_reason", attempt(CLOSE, reason="  ")) == (
        "A case is closed with the reason it closes (exited, improved, academy opened...): "
        "enter the reason."
    )
    assert refusal("close_with_a_reason", attempt(CLOSE, reason="Good at inspection")) is None


def test_a_case_does_not_close_before_dfe_is_told_of_each_power():
    untold = facts(
        stage="powers_used",
        powers=(power(), power(id=2, power="s66", dfe_notified_on=date(2026, 7, 2))),
    )
    assert refusal("powers_told_to_dfe_before_closing", attempt(CLOSE, facts=untold)) == (
        "The case cannot close while DfE has not been told of every power used: record when "
        "DfE was told of s.64 (used on 1 July 2026)."
    )
    told = facts(stage="powers_used", powers=(power(dfe_notified_on=date(2026, 7, 2)),))
    assert refusal("powers_told_to_dfe_before_closing", attempt(CLOSE, facts=told)) is None


def test_the_academy_order_note_follows_the_law_of_the_day():
    assert "must make an academy order" in academy_order_note(date(2026, 6, 28))
    assert "a duty" in academy_order_note(date(2026, 6, 28))
    after = academy_order_note(date(2026, 6, 29))
    assert "may make an academy order" in after and "s.58" in after
