import pytest

from tests.categorisation.builders import base_definition, inspection, judgement, parsed, school
from uplift.categorisation.definition import DefinitionInvalid, parse_definition
from uplift.categorisation.engine import evaluate


def floor(category, when, precedence=90, name="floor"):
    return {
        "name": name,
        "rule": "never_worse_than",
        "precedence": precedence,
        "params": {"category": category, "when": when},
    }


STRONG_CAPACITY = {"criterion": "capacity", "level_in": ["strength"]}


def test_a_floor_lifts_a_school_below_it():
    evidence = school(
        inspection=inspection(overall=4), judgements=[judgement("capacity", "strength")]
    )
    outcome = evaluate(policy_version=parsed(floor("C", STRONG_CAPACITY)), evidence=evidence)
    assert outcome.category == "C"
    assert outcome.rationale[-1].message == (
        "Limit: Capacity is strength, so the school is placed no worse than C; it moves from "
        "D to C."
    )
    assert outcome.rationale[-1].evidence[0].source.kind == "judgement"


def test_a_floor_never_moves_a_school_down():
    evidence = school(
        inspection=inspection(overall=1), judgements=[judgement("capacity", "strength")]
    )
    outcome = evaluate(policy_version=parsed(floor("C", STRONG_CAPACITY)), evidence=evidence)
    assert outcome.category == "A"


def test_two_floors_on_the_same_condition_overlap():
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(
            base_definition(floor("C", STRONG_CAPACITY), floor("B", STRONG_CAPACITY, 95, "second"))
        )
    assert [str(p) for p in refused.value.problems] == [
        "rules.adjustments[1]: overlapping rules with floor: both set a floor on the same "
        "condition; keep one"
    ]


def test_a_level_the_criterion_lacks_is_refused_at_its_path():
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(
            base_definition(floor("C", {"criterion": "capacity", "level_in": ["great"]}))
        )
    assert str(refused.value.problems[0]) == (
        "rules.adjustments[0].params.when.level_in[0]: 'great' is not a level of capacity "
        "(strength, secure, concern)"
    )
