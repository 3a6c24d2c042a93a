"""A category may set the adviser visits a year its schools are entitled to."""

import json
from pathlib import Path

import pytest

from tests.categorisation.builders import base_definition
from uplift.categorisation.definition import DefinitionInvalid, parse_definition

PRESETS = Path(__file__).resolve().parents[2] / "uplift" / "categorisation" / "presets"


def problems(definition) -> list[str]:
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(definition)
    return [str(p) for p in refused.value.problems]


def test_visits_per_year_is_optional_and_kept():
    definition = base_definition()
    definition["categories"][2]["visits_per_year"] = 3
    definition["categories"][3]["visits_per_year"] = 0
    parsed = parse_definition(definition)
    assert [c.visits_per_year for c in parsed.categories] == [None, None, 3, 0]


@pytest.mark.parametrize("value", [-1, 201, 2.5, "3", True, None])
def test_visits_per_year_must_be_a_whole_number_from_0_to_200(value):
    definition = base_definition()
    definition["categories"][1]["visits_per_year"] = value
    assert problems(definition) == [
        "categories[1].visits_per_year: must be a whole number from 0 to 200"
    ]


def test_the_largest_number_allowed():
    definition = base_definition()
    definition["categories"][0]["visits_per_year"] = 200
    assert parse_definition(definition).categories[0].visits_per_year == 200


@pytest.mark.parametrize("preset", ["peterborough_2013", "risk_a_to_d", "two_dimension"])
def test_every_preset_sets_visits_for_every_category_more_for_more_concern(preset):
    definition = parse_definition(
        json.loads((PRESETS / f"{preset}.json").read_text())["definition"]
    )
    visits = [category.visits_per_year for category in definition.categories]
    assert all(isinstance(number, int) and number >= 1 for number in visits)
    assert visits == sorted(visits)
    assert all(category.support_offer for category in definition.categories)


def test_peterborough_visits_per_group():
    definition = parse_definition(
        json.loads((PRESETS / "peterborough_2013.json").read_text())["definition"]
    )
    visits = {category.code: category.visits_per_year for category in definition.categories}
    assert visits == {"1": 1, "2": 1, "3a": 3, "3b": 6, "4": 9}
