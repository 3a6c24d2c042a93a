"""The structured difference between two versions."""

import copy

from tests.categorisation.builders import base_definition
from uplift.categorisation.diff import diff_definitions


def test_added_removed_and_changed_in_each_section():
    before = base_definition()
    after = copy.deepcopy(before)
    after["categories"][0]["label"] = "A: no concern"
    after["categories"].append({"code": "E", "label": "E", "order": 5, "causing_concern": "yes"})
    del after["criteria"][1]
    after["thresholds"]["reading"]["levels"][0]["when"]["value"] = 60
    after["rules"]["anchor"]["not_inspected"] = "C"
    after["rules"]["adjustments"] = [
        {"name": "x", "rule": "move_up", "precedence": 1, "params": {}}
    ]
    sections = {s.title: s for s in diff_definitions(before, after).sections}
    categories = sections["Categories"]
    assert (categories.added, categories.removed) == (["E"], [])
    [label] = categories.changed
    assert (label.key, [(c.path, c.before, c.after) for c in label.changes]) == (
        "A",
        [("label", "A", "A: no concern")],
    )
    assert sections["Criteria"].removed == ["attendance"]
    [reading] = sections["Thresholds"].changed
    assert [(c.path, c.before, c.after) for c in reading.changes] == [
        ("levels[0].when.value", "65", "60")
    ]
    [anchor] = sections["Ofsted anchor"].changed
    assert (anchor.key, anchor.changes[0].before, anchor.changes[0].after) == (
        "not_inspected",
        "B",
        "C",
    )
    assert sections["Adjustments"].added == ["x"]
    assert not diff_definitions(before, after).empty


def test_identical_versions_have_no_difference():
    assert diff_definitions(base_definition(), base_definition()).empty
