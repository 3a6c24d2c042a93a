"""A category may carry the support offer the LA makes to its schools."""

import json
from pathlib import Path

from uplift.categorisation.definition import parse_definition

PRESETS = Path(__file__).resolve().parents[2] / "uplift" / "categorisation" / "presets"


def test_peterborough_preset_has_an_offer_for_every_category():
    definition = parse_definition(
        json.loads((PRESETS / "peterborough_2013.json").read_text())["definition"]
    )
    offers = {category.code: category.support_offer for category in definition.categories}
    assert set(offers) == {"1", "2", "3a", "3b", "4"}
    assert all(offers.values())
    assert "MSP" in offers["4"]
