from datetime import date

from tests.casework.flags.builders import graded, history, sub_grades
from uplift.casework.flags.registry import get

RULE = get("coasting_2022")
ON = date(2023, 6, 1)


def test_requires_improvement_twice_is_coasting():
    result = RULE.result(history(ON, graded(date(2023, 1, 10), 3), graded(date(2020, 2, 4), 3)))
    assert result.raised and result.rule == "coasting_2022"
    assert "10 January 2023" in result.reason and "4 February 2020" in result.reason
    assert result.rule_text.startswith("Coasting (Coasting Schools (England) Regulations 2022")


def test_requires_improvement_after_inadequate_or_satisfactory_is_coasting():
    assert RULE.result(
        history(ON, graded(date(2023, 1, 10), 3), graded(date(2019, 1, 1), 4))
    ).raised
    satisfactory = graded(date(2011, 1, 1), 3, "2009")
    assert RULE.result(history(ON, graded(date(2014, 1, 10), 3, "2012"), satisfactory)).raised


def test_good_before_or_now_is_not_coasting():
    good_before = RULE.result(
        history(ON, graded(date(2023, 1, 10), 3), graded(date(2018, 1, 1), 2))
    )
    assert not good_before.raised and "good or better" in good_before.reason
    good_now = RULE.result(history(ON, graded(date(2023, 1, 10), 2), graded(date(2018, 1, 1), 3)))
    assert not good_now.raised


def test_inadequate_now_is_not_coasting_it_is_a_category():
    latest = graded(date(2023, 1, 10), 4, category="special_measures")
    assert not RULE.result(history(ON, latest, graded(date(2018, 1, 1), 3))).raised


def test_one_inspection_only_is_not_coasting():
    result = RULE.result(history(ON, graded(date(2023, 1, 10), 3)))
    assert not result.raised and "only graded inspection" in result.reason


def test_no_inspection_cannot_be_decided():
    result = RULE.result(history(ON))
    assert not result.raised and not result.decided


def test_a_2024_25_inspection_counts_by_its_sub_grades():
    on = date(2025, 6, 1)
    ri = sub_grades(date(2025, 1, 20), qoe="3", lm="2")
    assert RULE.result(history(on, ri, graded(date(2021, 1, 1), 3))).raised
    good = sub_grades(date(2025, 1, 20), qoe="2", lm="2")
    assert not RULE.result(history(on, good, graded(date(2021, 1, 1), 3))).raised
