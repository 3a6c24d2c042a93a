"""Intervention budget use: a deployment, a commission and a casework action draw on a fund,
so each school's support has a cost and a funder; the per-school and per-category spend
reports (page and CSV) add it up in a fixed number of queries."""

from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from tests.brokerage.world import bw_fixture  # noqa: F401
from tests.funds.world import grant_finance
from uplift.audit.models import AuditEvent, Via
from uplift.casework.models import Power, PowerUse
from uplift.commissioning.commissions import services as commissions
from uplift.commissioning.spend import selectors, services
from uplift.core.errors import Conflict, NotAllowed
from uplift.funds import services as funds
from uplift.funds.selectors import fund_balance


@pytest.fixture(name="money")
def money_fixture(bw):
    grant_finance(bw.officer)
    fund = funds.create_fund(
        actor=None,
        via=Via.CLI,
        la=bw.herts,
        name="Intervention budget",
        owner_name="Hertfordshire County Council",
        owner_kind="la",
        source="dsg_top_slice",
        financial_year="2026-27",
        reason="tests",
    )
    funds.contribute(
        actor=None,
        via=Via.CLI,
        fund=fund,
        amount_pence=2_000_000,
        dated=date(2026, 4, 1),
        reason="tests",
    )
    return fund


def officer(bw):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(pk=bw.officer.pk)


def power(bw):
    return PowerUse.objects.create(
        case=bw.case,
        power=Power.IEB,
        used_on=date(2026, 11, 20),
        details="Interim executive board appointed",
        recorded_at=timezone.now(),
    )


def draw(bw, fund, purpose, pence):
    return services.draw(
        actor=officer(bw),
        via=Via.WEB,
        fund=fund,
        purpose=purpose,
        amount_pence=pence,
        reason="Agreed at the priority schools meeting",
    )


def commission(bw, fund, pence):
    provider = commissions.add_provider(
        actor=None,
        via=Via.CLI,
        la=bw.herts,
        name="EdisonLearning",
        kind="private",
        approved=True,
        due_diligence_on=date(2026, 3, 1),
        reason="tests",
    )
    return commissions.place_commission(
        actor=None,
        via=Via.CLI,
        provider=provider,
        fund=fund,
        title="Good to Great",
        budget_pence=pence,
        starts_on=date(2026, 9, 1),
        ends_on=date(2027, 7, 31),
        schools=[bw.ryde, bw.schools["ashwell"]],
        reason="tests",
    )


def test_an_officer_commits_12000_to_a_deployment_and_an_overspend_is_refused(bw, money):
    deployment = bw.agree()
    entry = draw(bw, money, deployment, 1_200_000)
    assert entry.purpose == deployment and entry.establishment == bw.ryde
    assert fund_balance(fund=money).balance_pence == 800_000
    assert AuditEvent.objects.filter(action="ledger.commitment").exists()
    with pytest.raises(Conflict, match="already pays for this"):
        draw(bw, money, deployment, 100)
    with pytest.raises(Conflict, match="this is £2,000.00 short"):
        draw(bw, money, power(bw), 1_000_000)
    with pytest.raises(NotAllowed):
        services.draw(
            actor=bw["plain.officer"] if "plain.officer" in bw.users else bw["adviser"],
            via=Via.WEB,
            fund=money,
            purpose=power(bw),
            amount_pence=1,
            reason="x",
        )


def test_a_released_commitment_can_be_drawn_again(bw, money):
    deployment = bw.agree()
    entry = draw(bw, money, deployment, 500_000)
    funds.release(
        actor=officer(bw),
        via=Via.WEB,
        commitment=entry,
        dated=date(2026, 12, 1),
        reason="Ended early",
    )
    assert draw(bw, money, deployment, 200_000).amount_pence == -200_000


def test_spend_by_school_and_category_shares_a_commission_and_counts_releases(bw, money):
    deployment = bw.agree()
    entry = draw(bw, money, deployment, 1_000_000)
    funds.pay(
        actor=officer(bw),
        via=Via.WEB,
        fund=money,
        commitment=entry,
        amount_pence=400_000,
        dated=date(2026, 12, 1),
        reason="Invoice",
        description="First invoice",
    )
    draw(bw, money, power(bw), 500_000)
    commission(bw, money, 300_001)
    report = selectors.spend_report(user=officer(bw))
    rows = {row.school.name: row for row in report.schools}
    ryde = rows["Ryde Primary"]
    assert ryde.by_head["deployment"] == 1_000_000 and ryde.by_head["casework"] == 500_000
    assert ryde.by_head["commission"] == 150_001 and ryde.paid_pence == 400_000
    assert ryde.funders == {"Intervention budget"} and ryde.category == "4"
    assert rows["Ashwell Primary"].by_head["commission"] == 150_000
    categories = {c.category: c for c in report.categories}
    assert categories["Category 4"].total_pence == 1_650_001
    assert categories["Category 1"].total_pence == 150_000
    assert report.total_pence == 1_800_001
    csv = selectors.spend_csv(report)
    assert "Ryde Primary,117101,4,10000.00,1500.01,0.00,5000.00,0.00,16500.01,4000.00" in csv


def test_the_spend_pages_list_unfunded_support_and_pay_for_it(
    bw, money, django_assert_max_num_queries
):
    deployment = bw.agree()
    client = Client()
    client.force_login(officer(bw))
    page = client.get("/commissioning/spend/").content.decode()
    assert "Support no fund pays for yet" in page and "Pay from a fund" in page
    url = f"/commissioning/spend/pay/deployment/{deployment.pk}/"
    form = {"fund": money.pk, "amount": "12,000", "reason": "Agreed at panel"}
    assert client.post(url, form).status_code == 302
    refused = client.post(
        f"/commissioning/spend/pay/power/{power(bw).pk}/", {**form, "amount": "9,000"}
    )
    assert "this is £1,000.00 short" in refused.content.decode()
    for _ in range(3):
        draw(bw, money, power(bw), 10_000)
    with django_assert_max_num_queries(20):
        page = client.get("/commissioning/spend/?year=2026-27").content.decode()
    assert "Ryde Primary" in page and "£12,300.00" in page
    response = client.get("/commissioning/spend.csv?year=2026-27")
    assert response["Content-Type"].startswith("text/csv")
    assert "Ryde Primary" in response.content.decode()
    head = Client()
    head.force_login(bw["headteacher"])
    assert head.get("/commissioning/spend/").status_code == 403
    assert head.get(url).status_code == 403
