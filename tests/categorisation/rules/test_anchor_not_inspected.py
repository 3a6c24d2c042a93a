import pytest

from tests.categorisation.builders import base_definition, parsed, results, school
from uplift.categorisation.definition import DefinitionInvalid, parse_definition
from uplift.categorisation.engine import evaluate


def test_a_school_never_graded_starts_in_the_policy_s_category_for_it():
    evidence = school(results=results(ks2__PTRWM_EXP=[("2023-24", 70)]))
    outcome = evaluate(policy_version=parsed(), evidence=evidence)
    anchor = outcome.rationale[0]
    assert (outcome.rationale[0].rule, outcome.category) == ("anchor_not_inspected", "B")
    assert anchor.message == (
        "Ofsted anchor: there is no graded inspection or report card on or before the "
        "round's date, so the school starts in B."
    )


def test_the_category_must_be_one_of_the_policy_s():
    definition = base_definition()
    definition["rules"]["anchor"]["not_inspected"] = "E"
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(definition)
    assert [str(p) for p in refused.value.problems] == [
        "rules.anchor.not_inspected: unknown category code 'E'; categories: A, B, C, D"
    ]


def test_a_school_with_no_inspection_and_no_evidence_is_left_to_an_officer():
    """Not the policy's category for uninspected schools: not enough evidence to propose."""
    outcome = evaluate(policy_version=parsed(), evidence=school(phase="nursery"))
    [why] = outcome.rationale
    assert (why.rule, outcome.category) == ("not_enough_evidence", "")
    assert "an officer decides" in why.message
    assert parsed().label(outcome.category) == "Not enough evidence: an officer decides"
