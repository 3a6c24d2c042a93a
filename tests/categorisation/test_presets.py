"""The three presets shipped as data: valid, and categorising as their documents say."""

import pytest

from tests.categorisation.builders import inspection, judgement, results, school
from uplift.categorisation.definition import parse_definition
from uplift.categorisation.engine import evaluate
from uplift.categorisation.presets import preset, presets
from uplift.performance.catalogue import CATALOGUE


def policy(code):
    return parse_definition(preset(code).definition)


def test_three_presets_all_valid():
    assert sorted(presets()) == ["peterborough_2013", "risk_a_to_d", "two_dimension"]
    for code in presets():
        policy(code)


def test_an_unknown_preset_names_the_known_ones():
    with pytest.raises(KeyError, match="presets: peterborough_2013, risk_a_to_d, two_dimension"):
        preset("nope")


def test_peterborough_has_its_categories_and_twelve_criteria_on_real_measures():
    definition = policy("peterborough_2013")
    assert [(c.code, c.causing_concern) for c in definition.categories] == [
        ("1", "no"),
        ("2", "no"),
        ("3a", "maybe"),
        ("3b", "yes"),
        ("4", "yes"),
    ]
    assert [c.label for c in definition.criteria][:10] == [
        "Attainment on entry",
        "Standards EYFS",
        "Standards KS1",
        "Standards KS2",
        "Progress KS1 to KS2",
        "Leadership and management, including governance",
        "Quality of school self-evaluation",
        "Trend of performance and quality",
        "Capacity to attain or sustain improvement",
        "Overall effectiveness (LA view)",
    ]
    assert {c.code for c in definition.criteria if "secondary" in c.phases} >= {
        "ks4_outcomes",
        "attendance",
    }
    assert definition.measure_codes() <= {spec.code for spec in CATALOGUE}


def test_peterborough_requires_improvement_with_local_concerns_is_3b():
    below_floor = results(
        ks2__PTRWM_EXP=[("2023-24", 58)],
        ks2__READPROG=[("2022-23", -5.5)],
        ks2__WRITPROG=[("2022-23", 0)],
        ks2__MATPROG=[("2022-23", 0)],
    )
    evidence = school(inspection=inspection(overall=3), results=below_floor)
    outcome = evaluate(policy_version=policy("peterborough_2013"), evidence=evidence)
    assert outcome.category == "3b"
    assert [f.name for f in outcome.rationale] == ["anchor", "local_concerns"]


def test_peterborough_category_of_concern_stays_4_whatever_the_local_strengths():
    strengths = [
        judgement(code, "strength")
        for code in ("self_evaluation", "capacity_to_improve", "overall_effectiveness")
    ]
    evidence = school(
        inspection=inspection(overall=4, concern="special_measures"), judgements=strengths
    )
    outcome = evaluate(policy_version=policy("peterborough_2013"), evidence=evidence)
    assert outcome.category == "4"
    assert [f.name for f in outcome.rationale] == ["anchor", "local_strengths", "ofsted_category"]


def test_peterborough_report_card_with_an_area_needing_attention_is_3a():
    card = inspection("rc2025", areas={"inclusion": "strong", "achievement": "needs_attention"})
    outcome = evaluate(policy_version=policy("peterborough_2013"), evidence=school(inspection=card))
    assert outcome.category == "3a"


def test_risk_rating_secondary_below_the_progress_8_floor_moves_down():
    evidence = school(
        phase="secondary",
        inspection=inspection(overall=2),
        results=results(ks4__P8MEA=[("2023-24", -0.62)]),
    )
    outcome = evaluate(policy_version=policy("risk_a_to_d"), evidence=evidence)
    assert outcome.category == "B"


def test_two_dimension_crosses_the_standards_group_with_capacity():
    evidence = school(
        phase="secondary",
        inspection=inspection(overall=2),
        results=results(ks4__P8MEA=[("2023-24", -0.3)]),
        judgements=[judgement("capacity", "C")],
    )
    outcome = evaluate(policy_version=policy("two_dimension"), evidence=evidence)
    assert outcome.category == "amber"
    assert outcome.rationale[-1].message.startswith(
        "Data standards group 3 with Capacity to improve (adviser's judgement) C places the "
        "school in Amber"
    )


def test_two_dimension_without_a_capacity_judgement_keeps_the_ofsted_colour():
    evidence = school(
        inspection=inspection(overall=1), results=results(ks2__PTRWM_EXP=[("2023-24", 50)])
    )
    assert evaluate(policy_version=policy("two_dimension"), evidence=evidence).category == "green"
