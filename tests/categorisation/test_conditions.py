"""The threshold language: three-valued, with the evidence each verdict used."""

from tests.categorisation.builders import parsed, results, school
from uplift.categorisation.conditions import describe, evaluate

READING = parsed().criterion("reading")


def verdict(condition, **by_code):
    return evaluate(condition, evidence=school(results=results(**by_code)), criterion=READING)


def below(value, **extra):
    return {"measure": "ks2.PTRWM_EXP", "op": "<", "value": value, **extra}


def test_latest_reads_the_newest_result_with_a_number():
    found = verdict(below(65), ks2__PTRWM_EXP=[("2023-24", None), ("2022-23", 60)])
    assert found.result is True
    assert [item.label for item in found.evidence] == ["ks2.PTRWM_EXP 2022-23"]


def test_no_result_is_unknown():
    assert verdict(below(65)).result is None


def test_every_year_needs_all_the_years_to_be_true_but_one_miss_to_be_false():
    condition = below(65, statistic="every_year", years=3)
    two = [("2023-24", 60), ("2022-23", 61)]
    assert verdict(condition, ks2__PTRWM_EXP=two).result is None
    assert verdict(condition, ks2__PTRWM_EXP=[*two, ("2021-22", 62)]).result is True
    assert verdict(condition, ks2__PTRWM_EXP=[*two, ("2021-22", 70)]).result is False


def test_change_is_the_newest_minus_the_oldest_of_the_years():
    condition = {
        "measure": "ks2.PTRWM_EXP",
        "op": "<=",
        "value": -10,
        "statistic": "change",
        "years": 3,
    }
    found = verdict(
        condition,
        ks2__PTRWM_EXP=[("2023-24", 55), ("2022-23", 60), ("2021-22", 66.5), ("2020-21", 90)],
    )
    assert found.result is True
    assert found.evidence[-1].label == "ks2.PTRWM_EXP change 2021-22 to 2023-24"
    assert found.evidence[-1].value == "-11.5"
    assert verdict(condition, ks2__PTRWM_EXP=[("2023-24", 55)]).result is None


def test_all_and_any_with_unknowns():
    true, false, unknown = (
        below(65),
        below(10),
        {"measure": "ks2.PTRWM_EXP", "op": ">", "value": 0, "statistic": "every_year", "years": 5},
    )
    data = {"ks2__PTRWM_EXP": [("2023-24", 50)]}
    assert verdict({"all": [true, unknown]}, **data).result is None
    assert verdict({"all": [false, unknown]}, **data).result is False
    assert verdict({"any": [true, unknown]}, **data).result is True
    assert verdict({"any": [false, unknown]}, **data).result is None
    assert verdict({"any": [false, false]}, **data).result is False


def test_conditions_read_as_words():
    assert describe({"all": [below(65), {"any": [below(50), below(40)]}]}) == (
        "(ks2.PTRWM_EXP < 65 and (ks2.PTRWM_EXP < 50 or ks2.PTRWM_EXP < 40))"
    )
    assert describe({"grade_in": ["3", "needs_attention"]}) == (
        "inspection grade is Requires improvement (3) or Needs attention"
    )
