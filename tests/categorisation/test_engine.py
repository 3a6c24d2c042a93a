"""evaluate(): criteria assessed, the anchor, then the adjustments in order of precedence."""

from tests.categorisation.builders import (
    GOOD,
    base_definition,
    inspection,
    judgement,
    parsed,
    results,
    school,
)
from uplift.categorisation.definition import parse_definition
from uplift.categorisation.engine import assess, evaluate

DOWN = {
    "name": "down",
    "rule": "move_down",
    "precedence": 10,
    "params": {"criteria": ["reading", "capacity"], "level": "concern", "at_least": 1},
}
CAP = {
    "name": "cap",
    "rule": "never_better_than",
    "precedence": 5,
    "params": {"category": "C", "when": {"criterion": "leadership", "level_in": ["concern"]}},
}


def by_code(assessments):
    return {a.criterion: a for a in assessments}


def test_each_criterion_is_assessed_with_its_reason_and_evidence():
    evidence = school(
        phase="secondary",
        inspection=inspection(overall=2, areas={"leadership_management": "1"}),
        results=results(absence__PERCTOT=[("2023-24", 7)]),
        judgements=[judgement("capacity", "brilliant")],
    )
    found = by_code(assess(definition=parsed(), evidence=evidence))
    assert (found["reading"].applicable, found["reading"].reason) == (
        False,
        "does not apply to secondary schools",
    )
    assert (found["attendance"].level, found["attendance"].reason) == ("secure", "no threshold met")
    assert found["leadership"].level == "strength"
    assert found["leadership"].evidence[0].label == "Inspection: Leadership and management"
    assert (found["capacity"].level, found["capacity"].reason) == (
        None,
        "the value recorded (brilliant) is not a level",
    )


def test_no_evidence_gives_no_level_even_with_otherwise():
    found = by_code(assess(definition=parsed(), evidence=school()))
    assert (found["reading"].level, found["reading"].reason) == (None, "no evidence")
    assert found["capacity"].reason == "no officer judgement recorded"


def test_overall_effectiveness_is_read_from_the_overall_grade():
    definition = base_definition()
    definition["criteria"][2]["evidence"]["areas"] = ["overall_effectiveness"]
    found = by_code(
        assess(definition=parse_definition(definition), evidence=school(inspection=GOOD))
    )
    assert (found["leadership"].level, found["leadership"].evidence[0].value) == ("secure", "2")


def test_adjustments_apply_in_precedence_order_whatever_their_place_in_the_list():
    evidence = school(
        inspection=inspection(overall=1, areas={"leadership_management": "3"}),
        judgements=[judgement("capacity", "concern")],
    )
    outcome = evaluate(policy_version=parsed(DOWN, CAP), evidence=evidence)
    assert [f.name for f in outcome.rationale] == ["anchor", "cap", "down"]
    assert [(f.before, f.after) for f in outcome.rationale] == [(None, "A"), ("A", "C"), ("C", "D")]
    assert outcome.category == "D"


def test_the_outcome_is_json_with_every_source():
    evidence = school(inspection=GOOD, judgements=[judgement("capacity", "concern")])
    data = evaluate(policy_version=parsed(DOWN), evidence=evidence).as_json()
    assert data["category"] == "C"
    assert [r["rule"] for r in data["rationale"]] == ["anchor_overall_grade", "move_down"]
    source = data["rationale"][1]["evidence"][0]["source"]
    assert source["kind"] == "judgement"
    assert source["recorded_by"] == "olivia"
    assert source["judged_on"] == "2026-07-01"
    assert data["rationale"][0]["evidence"][0]["source"]["inspection_number"] == "10000001"
    assert {c["criterion"] for c in data["criteria"]} == {
        "reading",
        "attendance",
        "leadership",
        "capacity",
    }
