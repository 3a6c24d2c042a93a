import pytest

from tests.categorisation.builders import (
    base_definition,
    inspection,
    judgement,
    parsed,
    results,
    school,
)
from uplift.categorisation.definition import DefinitionInvalid, parse_definition
from uplift.categorisation.engine import evaluate

LIFT = {
    "name": "lift",
    "rule": "move_up",
    "precedence": 10,
    "params": {"criteria": ["reading", "capacity"], "level": "strength", "at_least": 1},
}


def cap(category, when, precedence=90, name="cap"):
    return {
        "name": name,
        "rule": "never_better_than",
        "precedence": precedence,
        "params": {"category": category, "when": when},
    }


def test_a_cap_undoes_a_move_past_it():
    serious = inspection(overall=4, concern="serious_weaknesses")
    evidence = school(inspection=serious, judgements=[judgement("capacity", "strength")])
    without = evaluate(policy_version=parsed(LIFT), evidence=evidence)
    assert without.category == "C"
    outcome = evaluate(
        policy_version=parsed(LIFT, cap("D", {"fact": "ofsted_category_of_concern"})),
        evidence=evidence,
    )
    assert outcome.category == "D"
    fired = outcome.rationale[-1]
    assert fired.message == (
        "Limit: the latest inspection placed the school in an Ofsted category of concern, so "
        "the school is placed no better than D; it moves from C to D."
    )
    assert fired.evidence[0].value == "serious weaknesses"


def test_a_cap_on_a_criterion_level():
    evidence = school(
        inspection=inspection(overall=1), results=results(absence__PERCTOT=[("2023-24", 12.5)])
    )
    policy = parsed(cap("C", {"criterion": "attendance", "level_in": ["concern"]}))
    outcome = evaluate(policy_version=policy, evidence=evidence)
    assert outcome.category == "C"
    assert outcome.rationale[-1].evidence[0].value == "12.5"


def test_a_cap_already_met_still_shows_in_the_rationale():
    evidence = school(inspection=inspection(overall=4, safeguarding="not_effective"))
    outcome = evaluate(
        policy_version=parsed(cap("C", {"fact": "safeguarding_not_met"})), evidence=evidence
    )
    assert outcome.category == "D"
    assert outcome.rationale[-1].message.endswith("; it stays in D.")


def test_a_cap_whose_condition_does_not_hold_does_not_fire():
    outcome = evaluate(
        policy_version=parsed(cap("C", {"fact": "safeguarding_not_met"})),
        evidence=school(inspection=inspection(overall=1, safeguarding="effective")),
    )
    assert (outcome.category, len(outcome.rationale)) == ("A", 1)


def test_a_cap_contradicting_a_floor_on_the_same_condition_is_refused():
    when = {"fact": "ofsted_category_of_concern"}
    floor = {
        "name": "floor",
        "rule": "never_worse_than",
        "precedence": 80,
        "params": {"category": "B", "when": when},
    }
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(base_definition(floor, cap("C", when)))
    assert [str(p) for p in refused.value.problems] == [
        "rules.adjustments[1]: overlapping rules with floor: on the same condition one says "
        "never better than C and the other never worse than B"
    ]


def test_unknown_facts_are_refused():
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(base_definition(cap("C", {"fact": "sunny"})))
    assert str(refused.value.problems[0]).startswith(
        "rules.adjustments[0].params.when.fact: unknown fact; use ofsted_category_of_concern"
    )
