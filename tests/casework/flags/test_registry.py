from datetime import date, timedelta

import pytest

from uplift.casework.flags.base import COASTING, RISE_STUCK
from uplift.casework.flags.registry import all_rules, rule_on, rules_of


@pytest.mark.parametrize("flag", [COASTING, RISE_STUCK])
def test_the_rules_of_a_flag_tile_time_without_gaps_or_overlaps(flag):
    rules = rules_of(flag)
    assert rules[0].applies_from is None and rules[-1].applies_to is None
    for earlier, later in zip(rules, rules[1:], strict=False):
        assert earlier.applies_to + timedelta(days=1) == later.applies_from


@pytest.mark.parametrize(
    ("flag", "day", "name"),
    [
        (COASTING, date(2016, 12, 31), "coasting_not_defined"),
        (COASTING, date(2017, 1, 11), "coasting_2017"),
        (COASTING, date(2022, 8, 31), "coasting_2017"),
        (COASTING, date(2022, 9, 1), "coasting_2022"),
        (COASTING, date(2025, 11, 16), "coasting_2022"),
        (COASTING, date(2025, 11, 17), "coasting_2025"),
        (RISE_STUCK, date(2024, 12, 31), "rise_stuck_not_defined"),
        (RISE_STUCK, date(2025, 2, 3), "rise_stuck_2025"),
        (RISE_STUCK, date(2025, 11, 10), "rise_stuck_report_cards"),
    ],
)
def test_the_rule_whose_dates_cover_the_day_applies(flag, day, name):
    assert rule_on(flag, day).name == name


def test_every_rule_has_a_definition_a_user_reads():
    for rule in all_rules():
        assert len(rule.text()) > 60 and "\n" not in rule.text()
