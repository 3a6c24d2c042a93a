from tests.categorisation.builders import (
    base_definition,
    inspection,
    judgement,
    parsed,
    results,
    school,
)
from uplift.categorisation.definition import parse_definition
from uplift.categorisation.engine import evaluate


def move_up(**params):
    rule = {"criteria": ["reading", "leadership", "capacity"], "level": "strength", "at_least": 2}
    return {
        "name": "local_strengths",
        "rule": "move_up",
        "precedence": 20,
        "params": {**rule, **params},
    }


STRONG = dict(
    results=results(ks2__PTRWM_EXP=[("2023-24", 85)]),
    judgements=[judgement("capacity", "strength")],
)


def test_enough_strengths_move_the_school_up():
    evidence = school(inspection=inspection(overall=3), **STRONG)
    outcome = evaluate(policy_version=parsed(move_up()), evidence=evidence)
    assert outcome.category == "B"
    assert outcome.rationale[1].message == (
        "Local evidence: 2 criteria are strength (Reading, Capacity; the policy looks for at "
        "least 2), so the school moves up one category, from C to B."
    )


def test_the_limit_keeps_local_evidence_from_reaching_the_top():
    evidence = school(inspection=inspection(overall=2), **STRONG)
    outcome = evaluate(policy_version=parsed(move_up(limit="B")), evidence=evidence)
    assert outcome.category == "B"
    assert outcome.rationale[1].message.endswith(
        "so the school stays in B: this rule moves no school up beyond B."
    )


def test_at_the_top_it_says_so():
    evidence = school(inspection=inspection(overall=1), **STRONG)
    outcome = evaluate(policy_version=parsed(move_up()), evidence=evidence)
    assert outcome.category == "A"
    assert outcome.rationale[1].message.endswith("stays in A, the highest category.")


def test_a_move_up_and_a_move_down_on_different_levels_do_not_overlap():
    down = {
        "name": "down",
        "rule": "move_down",
        "precedence": 10,
        "params": {"criteria": ["reading"], "level": "concern", "at_least": 1},
    }
    parse_definition(base_definition(down, move_up()))  # no error


def test_no_strength_no_move():
    evidence = school(inspection=inspection(overall=3))
    outcome = evaluate(policy_version=parsed(move_up()), evidence=evidence)
    assert outcome.category == "C"
    assert len(outcome.rationale) == 1
