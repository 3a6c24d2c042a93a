from datetime import date

from tests.casework.flags.builders import graded, history, report_card
from uplift.casework.flags.registry import get

RULE = get("rise_stuck_report_cards")
ON = date(2026, 5, 1)


def test_leadership_needs_attention_after_below_good_is_stuck():
    result = RULE.result(
        history(ON, report_card(date(2026, 1, 20), "needs_attention"), graded(date(2022, 5, 1), 3))
    )
    assert result.raised and "needs attention" in result.reason


def test_leadership_strong_is_not_stuck_even_after_below_good():
    latest = report_card(date(2026, 1, 20), "strong")
    assert not RULE.result(history(ON, latest, graded(date(2022, 5, 1), 3))).raised


def test_the_older_test_still_applies_when_the_latest_inspection_is_not_a_report_card():
    assert RULE.result(history(ON, graded(date(2024, 5, 1), 3), graded(date(2021, 5, 1), 3))).raised
    assert not RULE.result(
        history(ON, graded(date(2024, 5, 1), 2), graded(date(2021, 5, 1), 3))
    ).raised


def test_a_report_card_after_a_good_inspection_is_not_stuck():
    latest = report_card(date(2026, 1, 20), "needs_attention")
    assert not RULE.result(history(ON, latest, graded(date(2022, 5, 1), 2))).raised
