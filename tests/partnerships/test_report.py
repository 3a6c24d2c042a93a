"""The consortium report and a partnership holding a fund."""

from datetime import date

import pytest
from django.test import Client

from uplift.audit.models import AuditEvent, Via
from uplift.core.errors import Conflict, NotAllowed, Refused
from uplift.funds import services as funds
from uplift.partnerships import funding
from uplift.partnerships.report import consortium_report
from uplift.support.models import ActionPlan


def _fund(pw):
    return funds.create_fund(
        actor=pw["admin"],
        via=Via.CLI,
        la=pw.herts,
        name="Consortium pot",
        owner_name="North Herts Consortium",
        owner_kind="consortium",
        source="pooled",
        financial_year="2026-27",
        reason="Pooled by the member schools",
    )


def test_a_partnership_holds_its_las_partnership_fund(pw):
    fund = _fund(pw)
    change = {"via": Via.WEB, "partnership": pw.partnership, "since": date(2026, 4, 1)}
    with pytest.raises(NotAllowed):
        funding.hold_fund(actor=pw["head_a"], fund=fund, reason="Agreed", **change)
    funding.hold_fund(actor=pw["officer"], fund=fund, reason="Agreed by the forum", **change)
    assert funding.holds(pw.partnership.pk, fund.pk)
    assert AuditEvent.objects.filter(action="partnerships.fund_held").exists()
    with pytest.raises(Conflict):
        funding.hold_fund(actor=pw["officer"], fund=fund, reason="Again", **change)
    la_pot = funds.create_fund(
        actor=pw["admin"],
        via=Via.CLI,
        la=pw.herts,
        name="LA pot",
        owner_name="The LA",
        owner_kind="la",
        source="la_budget",
        financial_year="2026-27",
        reason="Budget",
    )
    with pytest.raises(Refused, match="LA's own"):
        funding.hold_fund(actor=pw["officer"], fund=la_pot, reason="No", **change)


def test_the_report_counts_schools_support_and_spend(pw, django_assert_max_num_queries):
    fund = _fund(pw)
    funding.hold_fund(
        actor=pw["officer"],
        via=Via.WEB,
        partnership=pw.partnership,
        fund=fund,
        since=date(2026, 4, 1),
        reason="Agreed",
    )
    first = pw.schools[0]
    funds.contribute(
        actor=pw["admin"],
        via=Via.CLI,
        fund=fund,
        amount_pence=1_000_000,
        dated=date(2026, 5, 1),
        reason="Pooled",
    )
    funds.commit(
        actor=pw["admin"],
        via=Via.CLI,
        fund=fund,
        amount_pence=250_000,
        dated=date(2026, 6, 1),
        reason="Agreed by the board",
        description="Maths support",
        establishment=first,
    )
    ActionPlan.objects.create(
        establishment=first,
        title="Raise maths attainment",
        starts_on=date(2026, 9, 1),
        recorded_at=pw.partnership.created_at,
    )
    with django_assert_max_num_queries(12):
        report = consortium_report(pw.partnership)
    assert [line.school.urn for line in report.lines] == [117001, 117002, 117003]
    line = report.lines[0]
    assert line.spend_pence == 250_000
    assert line.support == ["Action plan: Raise maths attainment"]
    assert report.with_support == 1
    ((held, balance),) = report.funds
    assert held == fund and balance.balance_pence == 750_000


def test_board_members_read_the_report(pw):
    client = Client()
    client.force_login(pw["head_a"])
    page = client.get(f"/partnerships/{pw.partnership.pk}/report/")
    assert page.status_code == 200
    assert "Schools by category" in page.content.decode()
    client.force_login(pw["outsider"])
    assert client.get(f"/partnerships/{pw.partnership.pk}/report/").status_code == 404


def _carried(pw, text):
    from tests.partnerships.conftest import MEETING_DAY
    from uplift.partnerships import meetings

    meeting = meetings.schedule_meeting(
        actor=pw["officer"],
        via=Via.WEB,
        partnership=pw.partnership,
        held_on=MEETING_DAY,
        title="Commissioning",
        agenda=["Commissions"],
    )
    meeting = meetings.record_attendance(
        actor=pw["officer"],
        via=Via.WEB,
        meeting=meeting,
        version=meeting.version,
        seats=[pw.seats[key] for key in ("chair", "head_a", "head_b")],
    )
    motion = meetings.propose_motion(actor=pw["officer"], via=Via.WEB, meeting=meeting, text=text)
    return meetings.record_votes(
        actor=pw["officer"],
        via=Via.WEB,
        motion=motion,
        votes={pw.seats[key]: "for" for key in ("chair", "head_a", "head_b")},
    )


def test_a_partnerships_fund_pays_only_for_commissions_its_board_carried(pw):
    from uplift.commissioning.commissions import services as commissioning

    fund = _fund(pw)
    funding.hold_fund(
        actor=pw["officer"],
        via=Via.WEB,
        partnership=pw.partnership,
        fund=fund,
        since=date(2026, 4, 1),
        reason="Agreed",
    )
    funds.contribute(
        actor=pw["admin"],
        via=Via.CLI,
        fund=fund,
        amount_pence=1_000_000,
        dated=date(2026, 5, 1),
        reason="Pooled",
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
    place = {
        "actor": pw["admin"],
        "via": Via.WEB,
        "provider": provider,
        "fund": fund,
        "title": "Maths mastery",
        "budget_pence": 300_000,
        "starts_on": date(2026, 11, 1),
        "ends_on": date(2027, 7, 31),
        "reason": "As the board decided",
    }
    with pytest.raises(Conflict, match="name the motion"):
        commissioning.place_commission(**place)
    motion = _carried(pw, "That Maths mastery be commissioned from the Maths Hub")
    commission = commissioning.place_commission(decided_by=motion, **place)
    assert funding.deciding_motion(commission) == motion
    client = Client()
    client.force_login(pw["admin"])
    page = client.get(f"/commissioning/commissions/{commission.pk}/").content.decode()
    assert "Decided by" in page and "North Herts Consortium" in page


def test_the_operating_model_says_whether_board_members_see_support(pw):
    from uplift.partnerships import operating

    url = f"/partnerships/{pw.partnership.pk}/report/"
    client = Client()
    client.force_login(pw["head_a"])
    assert "Support in place" in client.get(url).content.decode()
    operating.choose_operating_model(
        actor=pw["officer"], via=Via.WEB, la=pw.herts, preset="la_provides", reason="Model 1"
    )
    assert "Support in place" not in client.get(url).content.decode()
    client.force_login(pw["adviser"])
    assert "Support in place" in client.get(url).content.decode()
