"""The policy invariants, for every preset: every school gets exactly one category whatever
its evidence, and a worse Ofsted outcome never gives a better anchor on any scale."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.categorisation.builders import inspection, school
from tests.categorisation.strategies import grades_of, inspections, schools
from uplift.categorisation.definition import parse_definition
from uplift.categorisation.engine import anchor, evaluate
from uplift.categorisation.presets import presets
from uplift.categorisation.rules.base import Context
from uplift.inspections import frameworks

POLICIES = {code: parse_definition(p.definition) for code, p in presets().items()}
FOUR_POINT_FRAMEWORKS = [f.code for f in frameworks.FRAMEWORKS if f.has_overall_grade]


def anchor_rank(definition, evidence_inspection) -> int:
    context = Context(definition, school(inspection=evidence_inspection), {})
    return definition.rank(anchor(context).after)


@pytest.mark.parametrize("code", sorted(POLICIES))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_school_gets_exactly_one_category(code, data):
    definition = POLICIES[code]
    evidence = data.draw(schools(definition))
    outcomes = [evaluate(policy_version=definition, evidence=e) for e in evidence]
    assert len(outcomes) == len(evidence)
    codes = {c.code for c in definition.categories}
    for outcome in outcomes:
        assert outcome.category in codes
        first, *rest = outcome.rationale
        assert first.name == "anchor" and first.before is None
        chain = [first.after] + [fired.after for fired in rest]
        assert [fired.before for fired in rest] == chain[
            :-1
        ]  # each rule starts where the last ended
        assert outcome.category == chain[-1]


@pytest.mark.parametrize("code", sorted(POLICIES))
@settings(max_examples=80, deadline=None)
@given(
    framework=st.sampled_from(FOUR_POINT_FRAMEWORKS),
    grades=st.tuples(st.integers(1, 4), st.integers(1, 4)),
)
def test_a_worse_overall_grade_never_anchors_better(code, framework, grades):
    better, worse = sorted(grades)
    definition = POLICIES[code]
    assert anchor_rank(definition, inspection(framework, overall=worse)) >= anchor_rank(
        definition, inspection(framework, overall=better)
    )


@pytest.mark.parametrize("code", sorted(POLICIES))
@pytest.mark.parametrize("framework", ["eif2024", "rc2025"])
@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_a_worse_area_grade_never_anchors_better(code, framework, data):
    definition = POLICIES[code]
    before = data.draw(inspections(framework))
    scale = grades_of(framework)
    area = data.draw(st.sampled_from([a.code for a in frameworks.framework(framework).areas]))
    current = before.areas.get(area, scale[0])
    worse_grade = data.draw(st.sampled_from(scale[scale.index(current) :]))
    after = inspection(
        framework,
        concern=before.category_of_concern,
        safeguarding=before.safeguarding,
        areas={**before.areas, area: worse_grade},
    )
    if area not in before.areas:  # a new grade is only worse than none when it is the best
        before = inspection(
            framework, concern=before.category_of_concern, areas={**before.areas, area: scale[0]}
        )
    assert anchor_rank(definition, after) >= anchor_rank(definition, before)


@pytest.mark.parametrize("code", sorted(POLICIES))
@settings(max_examples=80, deadline=None)
@given(
    base=inspections(),
    concern=st.sampled_from(
        [
            "special_measures",
            "serious_weaknesses",
            "notice_to_improve",
            "requires_significant_improvement",
        ]
    ),
)
def test_a_category_of_concern_never_anchors_better(code, base, concern):
    definition = POLICIES[code]
    without = inspection(base.framework, overall=base.overall_grade, areas=base.areas)
    within = inspection(
        base.framework, overall=base.overall_grade, areas=base.areas, concern=concern
    )
    assert anchor_rank(definition, within) >= anchor_rank(definition, without)
