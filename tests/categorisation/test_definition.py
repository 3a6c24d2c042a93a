"""Checking a policy's definition: every problem named with the exact path at fault."""

import pytest

from tests.categorisation.builders import base_definition
from uplift.categorisation.definition import DefinitionInvalid, load_json, parse_definition


def problems(definition) -> list[str]:
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(definition)
    return [str(p) for p in refused.value.problems]


def test_the_test_policy_is_valid():
    definition = parse_definition(base_definition())
    assert [c.code for c in definition.categories] == ["A", "B", "C", "D"]
    assert definition.measure_codes() == {"ks2.PTRWM_EXP", "absence.PERCTOT"}
    assert definition.judgement_criteria() == {"capacity"}


def test_categories_are_ordered_by_their_order_not_their_position():
    definition = base_definition()
    definition["categories"].reverse()
    assert [c.code for c in parse_definition(definition).categories] == ["A", "B", "C", "D"]


def test_duplicate_category_codes_and_orders():
    definition = base_definition()
    definition["categories"][1]["code"] = "A"
    definition["categories"][2]["order"] = 1
    assert problems(definition)[:2] == [
        "categories[1].code: category 'A' is defined twice",
        "categories[2].order: 1 is also the order of category A",
    ]


def test_causing_concern_is_yes_maybe_or_no():
    definition = base_definition()
    definition["categories"][3]["causing_concern"] = "sometimes"
    assert problems(definition) == ["categories[3].causing_concern: must be yes, maybe or no"]


def test_a_threshold_on_an_unknown_measure():
    definition = base_definition()
    definition["criteria"][0]["evidence"]["measures"] = ["ks2.PTRWM_EXP", "ks2.NOPE"]
    definition["thresholds"]["reading"]["levels"][0]["when"]["measure"] = "ks4.P8MEA"
    assert problems(definition) == [
        "criteria[0].evidence.measures[1]: unknown measure 'ks2.NOPE'; use a code of the "
        "performance catalogue such as ks2.PTRWM_EXP",
        "thresholds.reading.levels[0].when.measure: threshold on measure 'ks4.P8MEA', which "
        "criterion reading does not take as evidence (ks2.PTRWM_EXP)",
    ]


def test_nested_conditions_are_checked_down_to_their_path():
    definition = base_definition()
    definition["thresholds"]["reading"]["levels"][0]["when"] = {
        "all": [
            {"measure": "ks2.PTRWM_EXP", "op": "<", "value": 65},
            {"any": [{"measure": "ks2.PTRWM_EXP", "op": "=<", "value": "lots"}]},
        ]
    }
    assert problems(definition) == [
        "thresholds.reading.levels[0].when.all[1].any[0].op: must be one of < <= > >=",
        "thresholds.reading.levels[0].when.all[1].any[0].value: must be a number",
    ]


def test_statistics_need_their_years():
    definition = base_definition()
    definition["thresholds"]["reading"]["levels"][0]["when"]["statistic"] = "every_year"
    assert problems(definition) == [
        "thresholds.reading.levels[0].when.years: every_year needs years from 2 to 10"
    ]


def test_grades_only_on_inspection_criteria_and_only_known_grades():
    definition = base_definition()
    definition["thresholds"]["leadership"]["levels"][1]["when"]["grade_in"] = ["1", "superb"]
    definition["thresholds"]["reading"]["levels"][1]["when"] = {"grade_in": ["1"]}
    found = problems(definition)
    assert found[0] == (
        "thresholds.reading.levels[1].when.grade_in: criterion reading does not take the "
        "inspection as evidence"
    )
    assert found[1].startswith("thresholds.leadership.levels[1].when.grade_in[1]: unknown grade")


def test_thresholds_for_unknown_or_judged_criteria_and_missing_ones():
    definition = base_definition()
    definition["thresholds"]["capacity"] = definition["thresholds"].pop("attendance")
    definition["thresholds"]["maths"] = {"levels": []}
    assert problems(definition) == [
        "thresholds.capacity: capacity takes an officer's judgement: its level is the value "
        "recorded, so it has no thresholds",
        "thresholds.maths: threshold for unknown criterion 'maths'",
        "thresholds.attendance: missing: without thresholds this criterion never gives a level",
    ]


def test_the_same_condition_twice_overlaps():
    definition = base_definition()
    levels = definition["thresholds"]["reading"]["levels"]
    levels[1]["when"] = dict(levels[0]["when"])
    assert problems(definition) == [
        "thresholds.reading.levels[1].when: overlapping rules: the same condition as "
        "thresholds.reading.levels[0], which is checked first, so this level is never given"
    ]


def test_adjustments_need_their_own_precedence_and_a_known_rule():
    concerns = {"criteria": ["reading"], "level": "concern", "at_least": 1}
    definition = base_definition(
        {"name": "one", "rule": "move_down", "precedence": 10, "params": concerns},
        {"name": "two", "rule": "move_sideways", "precedence": 10, "params": {}},
        {"name": "three", "rule": "move_sideways", "precedence": 20, "params": {}},
    )
    found = problems(definition)
    assert found[0] == (
        "rules.adjustments[1].precedence: overlapping rules: 10 is also the precedence of one; "
        "give each rule its own so the order is explicit"
    )
    assert found[1].startswith("rules.adjustments[1].rule: unknown rule 'move_sideways'; rules:")


def test_duplicate_keys_in_the_json_text_are_reported_where_they_are():
    text = '{"a": {"b": 1, "b": 2}, "c": [{"d": 1, "d": 1}]}'
    data = load_json(text, path="definition")
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition({**base_definition(), "extra": data})
    found = [str(p) for p in refused.value.problems]
    assert "extra.a.b: this key appears more than once" in found
    assert "extra.c[0].d: this key appears more than once" in found
    assert found[-1] == (
        "extra: unknown section; the sections are categories, criteria, thresholds, rules, scope"
    )


def test_json_syntax_errors_say_where():
    with pytest.raises(DefinitionInvalid) as refused:
        load_json('{"a": }', path="criteria")
    assert str(refused.value.problems[0]) == (
        "criteria: not valid JSON (Expecting value at line 1 column 7)"
    )


def test_phases_must_be_phase_groups():
    definition = base_definition()
    definition["criteria"][0]["phases"] = ["primary", "infant"]
    assert problems(definition)[0].startswith(
        "criteria[0].phases[1]: unknown phase 'infant'; known: nursery, primary"
    )
