"""Every rule is registered once, with a message, and has its own test."""

import re
from pathlib import Path

from uplift.casework.cases.rules.registry import all_rules


def test_every_rule_has_a_code_and_a_message():
    rules = all_rules()
    assert len({rule.code for rule in rules}) == len(rules) >= 25
    for rule in rules:
        assert rule.__doc__ and rule.__doc__.strip(), rule.code
        assert rule.actions, rule.code


def test_every_rule_is_tested_by_name():
    tested = set()
    for path in Path(__file__).parent.glob("test_*.py"):
        if path.name != "test_registry.py":
            tested |= set(re.findall(r'"([a-z_0-9]+)"', path.read_text()))
    missing = sorted(rule.code for rule in all_rules() if rule.code not in tested)
    assert not missing, f"rules without a test of their own: {missing}"
