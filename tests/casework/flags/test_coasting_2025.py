from datetime import date

from tests.casework.flags.builders import graded, history, report_card
from uplift.casework.flags.registry import get

RULE = get("coasting_2025")
ON = date(2026, 5, 1)


def test_leadership_needs_attention_after_below_good_is_coasting():
    result = RULE.result(
        history(ON, report_card(date(2026, 2, 3), "needs_attention"), graded(date(2022, 3, 1), 3))
    )
    assert result.raised and "leadership and governance needs attention" in result.reason
    assert result.applies_from == date(2025, 11, 17) and result.applies_to is None


def test_leadership_needs_attention_after_good_is_not_coasting():
    result = RULE.result(
        history(ON, report_card(date(2026, 2, 3), "needs_attention"), graded(date(2022, 3, 1), 2))
    )
    assert not result.raised and "good or better" in result.reason


def test_leadership_at_expected_standard_is_not_coasting():
    latest = report_card(date(2026, 2, 3), "expected", achievement="needs_attention")
    assert not RULE.result(history(ON, latest, graded(date(2022, 3, 1), 3))).raised


def test_out_of_special_measures_but_still_needing_attention_is_coasting():
    latest = report_card(date(2026, 2, 3), "expected", achievement="needs_attention")
    previous = graded(date(2024, 3, 1), 4, category="special_measures")
    result = RULE.result(history(ON, latest, previous))
    assert result.raised and "out of special measures" in result.reason


def test_a_school_last_inspected_before_report_cards_is_judged_as_in_2022():
    assert RULE.result(history(ON, graded(date(2023, 1, 1), 3), graded(date(2019, 1, 1), 3))).raised
    assert not RULE.result(
        history(ON, graded(date(2023, 1, 1), 2), graded(date(2019, 1, 1), 3))
    ).raised


def test_a_report_card_without_leadership_grade_cannot_be_decided():
    latest = report_card(date(2026, 2, 3), "expected")
    latest.areas.pop("leadership_governance")
    result = RULE.result(history(ON, latest, graded(date(2019, 1, 1), 3)))
    assert not result.raised and not result.decided
