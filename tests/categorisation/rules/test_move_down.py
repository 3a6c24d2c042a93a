import pytest

from tests.categorisation.builders import (
    GOOD,
    base_definition,
    inspection,
    judgement,
    parsed,
    results,
    school,
)
from uplift.categorisation.definition import DefinitionInvalid, parse_definition
from uplift.categorisation.engine import evaluate


def move_down(**params):
    rule = {"criteria": ["reading", "leadership", "capacity"], "level": "concern", "at_least": 2}
    return {
        "name": "local_concerns",
        "rule": "move_down",
        "precedence": 10,
        "params": {**rule, **params},
    }


WEAK_READING = results(ks2__PTRWM_EXP=[("2023-24", 52)])
WEAK_CAPACITY = judgement("capacity", "concern")


def test_enough_concerns_move_the_school_down_with_their_evidence():
    evidence = school(inspection=GOOD, results=WEAK_READING, judgements=[WEAK_CAPACITY])
    outcome = evaluate(policy_version=parsed(move_down()), evidence=evidence)
    assert outcome.category == "C"
    fired = outcome.rationale[1]
    assert (fired.rule, fired.name, fired.before, fired.after) == (
        "move_down",
        "local_concerns",
        "B",
        "C",
    )
    assert fired.message == (
        "Local evidence: 2 criteria are concern (Reading, Capacity; the policy looks for at "
        "least 2), so the school moves down one category, from B to C."
    )
    assert [(item.label, item.value) for item in fired.evidence] == [
        ("ks2.PTRWM_EXP 2023-24", "52"),
        ("Officer judgement: Capacity", "concern: capacity seen at the July visit"),
    ]
    assert {item.source.kind for item in fired.evidence} == {"import", "judgement"}


def test_fewer_concerns_than_needed_do_not_fire():
    evidence = school(inspection=GOOD, results=WEAK_READING)
    outcome = evaluate(policy_version=parsed(move_down()), evidence=evidence)
    assert [f.rule for f in outcome.rationale] == ["anchor_overall_grade"]
    assert outcome.category == "B"


def test_steps_and_a_limit():
    evidence = school(inspection=GOOD, results=WEAK_READING, judgements=[WEAK_CAPACITY])
    assert evaluate(policy_version=parsed(move_down(steps=2)), evidence=evidence).category == "D"
    limited = evaluate(policy_version=parsed(move_down(steps=2, limit="C")), evidence=evidence)
    assert limited.category == "C"


def test_a_school_already_past_the_limit_is_never_moved_up_by_it():
    weak_leadership = inspection(overall=4, areas={"leadership_management": "4"})
    evidence = school(inspection=weak_leadership, results=WEAK_READING)
    outcome = evaluate(policy_version=parsed(move_down(limit="C")), evidence=evidence)
    assert outcome.category == "D"
    assert outcome.rationale[1].message.endswith(
        "so the school stays in D: this rule moves no school down beyond C."
    )


def test_criteria_that_do_not_apply_to_the_phase_are_not_counted():
    evidence = school(
        phase="secondary", inspection=GOOD, results=WEAK_READING, judgements=[WEAK_CAPACITY]
    )
    outcome = evaluate(policy_version=parsed(move_down()), evidence=evidence)
    assert outcome.category == "B"


def test_a_level_that_a_criterion_does_not_have_is_refused():
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(base_definition(move_down(level="weak")))
    assert "rules.adjustments[0].params.level: 'weak' is not a level of reading" in str(
        refused.value.problems[0]
    )


def test_two_moves_counting_the_same_evidence_overlap():
    second = {**move_down(criteria=["capacity"], at_least=1), "name": "again", "precedence": 20}
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(base_definition(move_down(), second))
    assert [str(p) for p in refused.value.problems] == [
        "rules.adjustments[1]: overlapping rules with local_concerns: both count concern on "
        "capacity, so the same evidence would move the school twice; use one rule with more steps"
    ]


def test_needing_more_criteria_than_listed_is_refused():
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(base_definition(move_down(at_least=4)))
    assert str(refused.value.problems[0]) == (
        "rules.adjustments[0].params.at_least: 4 is more than the 3 criteria listed, so the "
        "rule never fires"
    )


def test_one_concern_reads_in_the_singular():
    evidence = school(inspection=GOOD, results=WEAK_READING)
    outcome = evaluate(policy_version=parsed(move_down(at_least=1)), evidence=evidence)
    assert outcome.rationale[1].message.startswith(
        "Local evidence: 1 criterion is concern (Reading; the policy looks for at least 1)"
    )
