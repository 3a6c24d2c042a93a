import pytest

from tests.categorisation.builders import base_definition, inspection, parsed, school
from uplift.categorisation.definition import DefinitionInvalid, parse_definition
from uplift.categorisation.engine import evaluate


def test_a_category_of_concern_anchors_before_the_grade():
    special_measures = inspection(overall=4, concern="special_measures")
    outcome = evaluate(policy_version=parsed(), evidence=school(inspection=special_measures))
    [anchor] = outcome.rationale
    assert (anchor.rule, outcome.category) == ("anchor_category_of_concern", "D")
    assert "placed the school in special measures" in anchor.message
    assert anchor.evidence[0].value == "special measures"


def test_a_report_card_requiring_significant_improvement_is_a_category_of_concern():
    card = inspection(
        "rc2025", concern="requires_significant_improvement", areas={"inclusion": "expected"}
    )
    outcome = evaluate(policy_version=parsed(), evidence=school(inspection=card))
    assert outcome.rationale[0].rule == "anchor_category_of_concern"
    assert outcome.category == "D"


def test_no_concern_leaves_the_anchor_to_the_grade():
    outcome = evaluate(policy_version=parsed(), evidence=school(inspection=inspection(overall=1)))
    assert outcome.rationale[0].rule == "anchor_overall_grade"


def test_a_concern_may_not_anchor_better_than_a_graded_outcome():
    definition = base_definition()
    definition["rules"]["anchor"]["category_of_concern"]["notice_to_improve"] = "C"
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(definition)
    assert [str(p) for p in refused.value.problems] == [
        "rules.anchor.category_of_concern.notice_to_improve: a category of concern must not "
        "give a better category (C) than a graded outcome (D)"
    ]


def test_every_category_of_concern_must_be_mapped():
    definition = base_definition()
    del definition["rules"]["anchor"]["category_of_concern"]["serious_weaknesses"]
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(definition)
    assert [str(p) for p in refused.value.problems] == [
        "rules.anchor.category_of_concern: serious_weaknesses is not mapped"
    ]
