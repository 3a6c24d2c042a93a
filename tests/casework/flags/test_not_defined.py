from datetime import date

from tests.casework.flags.builders import graded, history
from uplift.casework.flags.registry import get


def test_before_2017_no_school_is_coasting_whatever_its_grades():
    old = history(date(2016, 6, 1), graded(date(2015, 1, 1), 3), graded(date(2012, 1, 1), 3))
    result = get("coasting_not_defined").result(old)
    assert not result.raised and result.decided
    assert (
        "no definition of a coasting school" in result.reason and "11 January 2017" in result.reason
    )


def test_before_2025_no_school_is_stuck():
    old = history(date(2024, 6, 1), graded(date(2023, 1, 1), 3), graded(date(2020, 1, 1), 3))
    result = get("rise_stuck_not_defined").result(old)
    assert not result.raised and "did not exist" in result.reason
    assert result.applies_to == date(2025, 2, 2)
