"""Who commissions, from the LA's operating model: where the lead partnership commissions,
a commission for its schools needs a motion its board carried (rule commissioner_decides)."""

from datetime import date

import pytest

from tests.partnerships.conftest import pw as pw  # the consortium world
from tests.partnerships.test_report import _carried
from uplift.audit.models import Via
from uplift.commissioning.commissions import rules
from uplift.commissioning.commissions import services as commissioning
from uplift.core.errors import RuleRefused
from uplift.funds import services as funds
from uplift.partnerships.operating import choose_operating_model


@pytest.fixture
def place(pw):
    fund = funds.create_fund(
        actor=pw["admin"],
        via=Via.CLI,
        la=pw.herts,
        name="School improvement",
        owner_name="Hertfordshire",
        owner_kind="la",
        source="la_budget",
        financial_year="2026-27",
        reason="Budget",
    )
    funds.contribute(
        actor=pw["admin"],
        via=Via.CLI,
        fund=fund,
        amount_pence=900_000,
        dated=date(2026, 5, 1),
        reason="Budget",
    )
    provider = commissioning.add_provider(
        actor=pw["admin"],
        via=Via.CLI,
        la=pw.herts,
        name="Maths Hub",
        kind="hub",
        approved=True,
        due_diligence_on=date(2026, 1, 1),
        reason="Approved",
    )
    return {
        "actor": pw["admin"],
        "via": Via.WEB,
        "provider": provider,
        "fund": fund,
        "title": "Maths mastery",
        "budget_pence": 100_000,
        "starts_on": date(2026, 11, 1),
        "ends_on": date(2027, 7, 31),
        "reason": "Commissioned",
    }


def _model(pw, preset):
    choose_operating_model(
        actor=pw["officer"],
        via=Via.WEB,
        la=pw.herts,
        preset=preset,
        lead_partnership=pw.partnership,
        reason="test",
    )


def test_the_rule_is_registered_with_its_message():
    rule = rules.RULES.get("commissioner_decides")
    message = rule.message(partnership="York EP", school="Acomb Primary", la="York")
    assert message.startswith("York EP commissions support for Acomb Primary")


def test_where_the_la_commissions_no_motion_is_needed(pw, place):
    _model(pw, "la_commissions")
    assert commissioning.place_commission(schools=[pw.schools[0]], **place).pk


def test_where_the_partnership_commissions_its_schools_need_its_motion(pw, place):
    _model(pw, "partnership_commissions")
    with pytest.raises(RuleRefused) as refused:
        commissioning.place_commission(schools=[pw.schools[0]], **place)
    assert refused.value.code == "commissioner_decides"
    assert "North Herts Consortium commissions support for Abbots Langley Primary" in str(
        refused.value
    )
    motion = _carried(pw, "That Maths mastery be commissioned")
    commission = commissioning.place_commission(schools=[pw.schools[0]], decided_by=motion, **place)
    assert commission.pk


def test_other_schools_stay_the_las_to_commission(pw, place):
    _model(pw, "partnership_commissions")
    assert commissioning.place_commission(schools=[pw.schools[3]], **place).pk
