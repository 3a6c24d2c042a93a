import copy

import pytest

from tests.categorisation.builders import (
    base_definition,
    inspection,
    judgement,
    parsed,
    results,
    school,
)
from uplift.categorisation.definition import DefinitionInvalid, parse_definition
from uplift.categorisation.engine import evaluate

TABLE = {
    "strength": {"strength": "A", "secure": "A", "concern": "B"},
    "secure": {"strength": "A", "secure": "B", "concern": "C"},
    "concern": {"strength": "C", "secure": "C", "concern": "D"},
}
MATRIX = {
    "name": "standards_and_capacity",
    "rule": "matrix",
    "precedence": 10,
    "params": {"rows": "reading", "columns": "capacity", "table": TABLE},
}


def test_both_levels_known_set_the_category_from_the_table():
    evidence = school(
        inspection=inspection(overall=1),
        results=results(ks2__PTRWM_EXP=[("2023-24", 60)]),
        judgements=[judgement("capacity", "secure")],
    )
    outcome = evaluate(policy_version=parsed(MATRIX), evidence=evidence)
    assert outcome.category == "C"
    assert outcome.rationale[-1].message == (
        "Reading concern with Capacity secure places the school in C (it was A)."
    )
    assert len(outcome.rationale[-1].evidence) == 2


def test_a_missing_level_leaves_the_anchor_standing():
    evidence = school(
        inspection=inspection(overall=1), judgements=[judgement("capacity", "secure")]
    )
    outcome = evaluate(policy_version=parsed(MATRIX), evidence=evidence)
    assert (outcome.category, len(outcome.rationale)) == ("A", 1)


def test_every_cell_is_required():
    matrix = copy.deepcopy(MATRIX)
    del matrix["params"]["table"]["secure"]["concern"]
    matrix["params"]["table"]["concern"]["secure"] = "Z"
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(base_definition(matrix))
    assert [str(p) for p in refused.value.problems] == [
        "rules.adjustments[0].params.table.secure.concern: missing cell",
        "rules.adjustments[0].params.table.concern.secure: unknown category code 'Z'; "
        "categories: A, B, C, D",
    ]


def test_two_tables_overlap():
    second = {**copy.deepcopy(MATRIX), "name": "second", "precedence": 20}
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(base_definition(MATRIX, second))
    assert "two tables both set the category" in str(refused.value.problems[0])
