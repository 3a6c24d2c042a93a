from datetime import date

from tests.casework.flags.builders import history
from uplift.casework.flags.registry import get
from uplift.casework.flags.rules.coasting_2017 import school_years

RULE = get("coasting_2017")
ON = date(2019, 3, 1)  # results of 2015-16, 2016-17 and 2017-18 published
YEARS = ("2015-16", "2016-17", "2017-18")


def ks2(rwm, read, write, maths, years=YEARS):
    results = {}
    for year in years:
        results |= {
            ("ks2.PTRWM_EXP", year): rwm,
            ("ks2.READPROG", year): read,
            ("ks2.WRITPROG", year): write,
            ("ks2.MATPROG", year): maths,
        }
    return results


def test_the_three_years_are_those_published_by_the_day():
    assert school_years(date(2019, 3, 1)) == list(YEARS)
    assert school_years(date(2018, 12, 1)) == list(YEARS)
    assert school_years(date(2018, 11, 30)) == ["2014-15", "2015-16", "2016-17"]


def test_low_attainment_and_slow_progress_three_years_running_is_coasting():
    result = RULE.result(history(ON, results=ks2(60, -3.0, 0, 0)))
    assert result.raised and "reading progress -3" in result.reason


def test_one_good_year_is_enough_not_to_coast():
    results = ks2(60, -3.0, 0, 0) | {("ks2.PTRWM_EXP", "2017-18"): 90}
    result = RULE.result(history(ON, results=results))
    assert not result.raised and result.decided and "2017-18" in result.reason


def test_progress_above_the_limits_is_not_coasting():
    assert not RULE.result(history(ON, results=ks2(60, -2.0, -3.0, -2.0))).raised


def test_secondary_progress_8_below_minus_a_quarter_with_its_upper_limit_below_zero():
    results = {}
    for year in YEARS:
        results |= {("ks4.P8MEA", year): -0.4, ("ks4.P8CIUPP", year): -0.1}
    assert RULE.result(history(ON, results=results)).raised
    results[("ks4.P8CIUPP", "2016-17")] = 0.05
    assert not RULE.result(history(ON, results=results)).raised


def test_missing_data_is_said_not_guessed():
    none = RULE.result(history(ON))
    assert not none.raised and not none.decided and "cannot be decided" in none.reason
    two_years = RULE.result(history(ON, results=ks2(60, -3.0, 0, 0, YEARS[1:])))
    assert not two_years.decided and "missing for 2015-16" in two_years.reason


def test_years_before_2015_16_used_measures_uplift_does_not_hold():
    early = RULE.result(
        history(date(2017, 3, 1), results=ks2(60, -3.0, 0, 0, ("2014-15", "2015-16")))
    )
    assert not early.decided and "2013-14" in early.reason and "2014-15" in early.reason
