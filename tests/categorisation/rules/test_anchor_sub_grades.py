import pytest

from tests.categorisation.builders import base_definition, inspection, parsed, school
from uplift.categorisation.definition import DefinitionInvalid, parse_definition
from uplift.categorisation.engine import evaluate


def test_the_weakest_key_judgement_sets_the_anchor():
    eif2024 = inspection(
        "eif2024",
        areas={
            "quality_of_education": "2",
            "behaviour_attitudes": "3",
            "personal_development": "1",
            "leadership_management": "2",
            "early_years": "4",  # not a key judgement in this policy
        },
    )
    outcome = evaluate(policy_version=parsed(), evidence=school(inspection=eif2024))
    [anchor] = outcome.rationale
    assert (anchor.rule, outcome.category) == ("anchor_sub_grades", "C")
    assert "weakest key judgement, behaviour and attitudes Requires improvement (3)" in (
        anchor.message
    )


def test_without_any_listed_area_the_school_counts_as_not_inspected():
    eif2024 = inspection("eif2024", areas={"early_years": "1"})
    outcome = evaluate(policy_version=parsed(), evidence=school(inspection=eif2024))
    assert outcome.rationale[0].rule == "anchor_not_inspected"
    assert "records no grade" in outcome.rationale[0].message


def test_areas_must_be_areas_of_the_2024_framework():
    definition = base_definition()
    definition["rules"]["anchor"]["sub_grades"]["areas"] = ["inclusion"]
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(definition)
    assert str(refused.value.problems[0]).startswith(
        "rules.anchor.sub_grades.areas[0]: unknown area 'inclusion'; use quality_of_education"
    )
