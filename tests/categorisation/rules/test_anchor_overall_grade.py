import pytest

from tests.categorisation.builders import base_definition, inspection, parsed, school
from uplift.categorisation.definition import DefinitionInvalid, parse_definition
from uplift.categorisation.engine import evaluate


@pytest.mark.parametrize(("grade", "category"), [(1, "A"), (2, "B"), (3, "C"), (4, "D")])
def test_the_overall_grade_sets_the_anchor(grade, category):
    outcome = evaluate(
        policy_version=parsed(), evidence=school(inspection=inspection(overall=grade))
    )
    assert outcome.category == category
    [anchor] = outcome.rationale
    assert anchor.rule == "anchor_overall_grade"
    assert anchor.before is None and anchor.after == category
    assert anchor.evidence[0].source.kind == "inspection"


def test_the_message_names_the_inspection_and_the_grade_in_its_framework_s_words():
    older = inspection("2009", overall=3, number="999")
    [anchor] = evaluate(policy_version=parsed(), evidence=school(inspection=older)).rationale
    assert anchor.message == (
        "Ofsted anchor: the latest graded inspection (Ofsted inspection 999 of 1 September "
        "2009 (Section 5 framework 2009)) judged overall effectiveness Satisfactory (3), "
        "which this policy places in C."
    )


def test_a_framework_without_an_overall_grade_is_left_to_the_other_anchors():
    no_overall = inspection("eif2024", overall=None, areas={"quality_of_education": "3"})
    outcome = evaluate(policy_version=parsed(), evidence=school(inspection=no_overall))
    assert outcome.rationale[0].rule == "anchor_sub_grades"


def test_a_worse_grade_mapped_to_a_better_category_is_refused_at_its_path():
    definition = base_definition()
    definition["rules"]["anchor"]["overall_grade"]["3"] = "A"
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(definition)
    assert [str(p) for p in refused.value.problems] == [
        "rules.anchor.overall_grade.3: a worse outcome (3) must not give a better category "
        "(A) than 2 (B)"
    ]


def test_an_unmapped_grade_and_an_unknown_category_are_refused():
    definition = base_definition()
    del definition["rules"]["anchor"]["overall_grade"]["4"]
    definition["rules"]["anchor"]["overall_grade"]["1"] = "Z"
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(definition)
    messages = {str(p) for p in refused.value.problems}
    assert "rules.anchor.overall_grade: overall grade 4 is not mapped" in messages
    assert (
        "rules.anchor.overall_grade.1: unknown category code 'Z'; categories: A, B, C, D"
        in messages
    )
