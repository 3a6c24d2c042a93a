import pytest

from tests.categorisation.builders import base_definition, parsed, school
from uplift.categorisation.definition import DefinitionInvalid, parse_definition
from uplift.categorisation.engine import evaluate


def test_a_school_never_graded_starts_in_the_policy_s_category_for_it():
    outcome = evaluate(policy_version=parsed(), evidence=school())
    [anchor] = outcome.rationale
    assert (anchor.rule, outcome.category) == ("anchor_not_inspected", "B")
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
