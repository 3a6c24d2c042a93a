"""The demo's sample money on a small LA: every record labelled as a sample, the
intervention budget with £12,000 committed, three grant applications (one awarded), a
subscription per open school, the commission's report half written; run twice, nothing
changes."""

from tests.funds.world import money_world_fixture  # noqa: F401
from uplift.commissioning.commissions.selectors import report_progress
from uplift.commissioning.models import (
    Commission,
    GrantApplication,
    GrantClaim,
    Subscription,
)
from uplift.demo.funds import BUDGET, seed_money
from uplift.funds.models import Fund, LedgerEntry
from uplift.funds.selectors import balances
from uplift.schools.models import Establishment


def test_the_sample_money_is_seeded_once_and_labelled(mw, client):
    Establishment.objects.create(
        urn=117009, la=mw.herts, name="Croxley Primary", laestab="9197009", status="Open"
    )
    said = seed_money(la=mw.herts)
    assert "3 applications" in said
    budget = Fund.objects.get(name=BUDGET)
    assert (
        balances(fund_ids=[budget.pk])[budget.pk].balance_pence == 13_600_000 - 1_200_000 - 750_000
    )
    assert list(GrantApplication.objects.values_list("status", flat=True).order_by("id")) == [
        "awarded",
        "declined",
        "submitted",
    ]
    commission = Commission.objects.get()
    assert report_progress(commission) == (2, 4) and commission.is_sample
    assert Subscription.objects.count() == 3 and all(
        s.is_sample for s in Subscription.objects.all()
    )
    assert Fund.objects.filter(is_sample=False).count() == 0
    assert list(GrantClaim.objects.values_list("status", "is_sample").order_by("id")) == [
        ("approved", True),
        ("submitted", True),
    ]
    entries = LedgerEntry.objects.count()
    assert seed_money(la=mw.herts) == "sample funds already there"
    assert LedgerEntry.objects.count() == entries
    client.force_login(mw["la.officer"])
    page = client.get(f"/funds/{budget.pk}/").content.decode()
    assert "Sample data for the demonstration" in page and "-£12,000.00" in page
