from datetime import date

from tests.casework.flags.builders import graded, history, sub_grades
from uplift.casework.flags.registry import get

RULE = get("rise_stuck_2025")
ON = date(2025, 6, 1)


def test_requires_improvement_after_below_good_is_stuck():
    result = RULE.result(history(ON, graded(date(2024, 5, 1), 3), graded(date(2021, 5, 1), 4)))
    assert result.raised and result.reason.startswith("Stuck")


def test_requires_improvement_after_good_is_not_stuck():
    assert not RULE.result(
        history(ON, graded(date(2024, 5, 1), 3), graded(date(2021, 5, 1), 2))
    ).raised


def test_a_2024_25_leadership_sub_grade_counts_as_requires_improvement():
    latest = sub_grades(date(2025, 3, 1), qoe="2", lm="3")
    assert RULE.result(history(ON, latest, graded(date(2022, 5, 1), 3))).raised
