import pytest

from tests.categorisation.builders import base_definition, inspection, parsed, school
from uplift.categorisation.definition import DefinitionInvalid, parse_definition
from uplift.categorisation.engine import evaluate


def card(**areas):
    return inspection("rc2025", areas=areas)


def test_the_weakest_evaluation_area_sets_the_anchor():
    evidence = school(
        inspection=card(
            inclusion="strong", achievement="needs_attention", early_years="urgent_improvement"
        )
    )
    outcome = evaluate(policy_version=parsed(), evidence=evidence)
    [anchor] = outcome.rationale
    assert (anchor.rule, outcome.category) == ("anchor_report_card", "C")
    assert "weakest evaluation area achievement at needs attention" in anchor.message


def test_all_exceptional_gives_the_best_category():
    outcome = evaluate(
        policy_version=parsed(),
        evidence=school(inspection=card(inclusion="exceptional", achievement="exceptional")),
    )
    assert outcome.category == "A"


def test_every_report_card_grade_must_be_mapped():
    definition = base_definition()
    del definition["rules"]["anchor"]["report_card"]["map"]["expected"]
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(definition)
    assert [str(p) for p in refused.value.problems] == [
        "rules.anchor.report_card.map: report card grade expected is not mapped"
    ]
