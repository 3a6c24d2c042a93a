"""Each traded-services rule on its own, with plain facts: when it flags (its message) and
when it does not."""

import inspect
import sys
from types import SimpleNamespace as NS

from uplift.commissioning.traded.rules import all_rules, get

SCHOOL = NS(name="Abbots Langley Primary")
GOLD = NS(name="Gold", level=3, adviser_sessions=6, training_places=4)
SILVER = NS(name="Silver", level=2, adviser_sessions=3, training_places=0)
EXPECT_GOLD = [NS(categories=["3b", "4"], package=GOLD)]


def bought(package):
    return NS(status="bought", package=package, get_status_display=lambda: "Bought")


def message(code, **facts):
    values = get(code).broken(**facts)
    return None if values is None else get(code).message(**values)


def test_every_rule_has_a_message_and_its_own_test():
    tests = {name for name, _ in inspect.getmembers(sys.modules[__name__], inspect.isfunction)}
    for rule in all_rules():
        assert inspect.getdoc(rule), rule.code
        assert f"test_{rule.code}" in tests, f"no test for rule {rule.code}"


def test_expected_package():
    facts = {"school": SCHOOL, "expectations": EXPECT_GOLD}
    assert message("expected_package", category="4", subscription=bought(SILVER), **facts) == (
        "Category 3b and 4 schools are expected to buy Gold: Abbots Langley Primary is in "
        "category 4 and has bought Silver."
    )
    assert "has no subscription" in message(
        "expected_package", category="3b", subscription=None, **facts
    )
    assert message("expected_package", category="4", subscription=bought(GOLD), **facts) is None
    assert message("expected_package", category="2", subscription=None, **facts) is None


def test_usage_within_entitlement():
    sub = bought(SILVER)
    assert (
        message(
            "usage_within_entitlement",
            school=SCHOOL,
            subscription=sub,
            used={"adviser sessions": 4},
        )
        == "Abbots Langley Primary has used 4 adviser sessions but its Silver package includes 3."
    )
    assert (
        message(
            "usage_within_entitlement",
            school=SCHOOL,
            subscription=sub,
            used={"adviser sessions": 3},
        )
        is None
    )
    assert message("usage_within_entitlement", school=SCHOOL, subscription=None) is None
