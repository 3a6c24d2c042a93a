"""The ledger: balances summed from entries, commitments refused with the shortfall, releases
and payments drawing on commitments, every entry audited with its reason."""

import pytest

from tests.funds.world import DAY, money_world_fixture  # noqa: F401
from uplift.audit.models import AuditEvent, Via
from uplift.core.errors import Conflict, NotAllowed, Refused
from uplift.funds import selectors, services
from uplift.funds.models import LedgerEntry
from uplift.funds.money import parse_pounds, pounds
from uplift.funds.years import financial_year_bounds, financial_year_of


def commit(mw, fund, pence, user="la.officer", **extra):
    return services.commit(
        actor=mw[user],
        via=Via.WEB,
        fund=fund,
        amount_pence=pence,
        dated=DAY,
        reason="Deployment agreed at the priority meeting",
        description="Deployment of a national leader of education",
        **extra,
    )


def test_committing_12000_pounds_leaves_the_rest_and_an_overspend_is_refused(mw):
    fund = mw.fund(pence=1_450_000)  # £14,500
    commitment = commit(mw, fund, 1_200_000, establishment=mw.primary)
    assert commitment.amount_pence == -1_200_000
    balance = selectors.fund_balance(fund=fund)
    assert (balance.received_pence, balance.committed_pence, balance.balance_pence) == (
        1_450_000,
        1_200_000,
        250_000,
    )
    with pytest.raises(Conflict) as refused:
        commit(mw, fund, 500_000)
    assert str(refused.value) == (
        "Intervention budget 2026-27 has £2,500.00 left to commit: this is £2,500.00 short"
    )
    assert refused.value.code == "overspend"
    assert LedgerEntry.objects.filter(fund=fund).count() == 2


def test_every_entry_is_audited_with_its_reason(mw):
    fund = mw.fund()
    entry = commit(mw, fund, 1_200_000)
    event = AuditEvent.objects.get(action="ledger.commitment")
    assert event.object_id == str(entry.pk) and event.actor == mw["la.officer"]
    assert event.reason == "Deployment agreed at the priority meeting"
    assert event.changes["amount"] == [None, "-£12,000.00"] and event.la == mw.herts


def test_a_release_returns_what_is_outstanding_and_a_payment_draws_it_down(mw):
    fund = mw.fund(pence=2_000_000)
    commitment = commit(mw, fund, 1_200_000)
    services.pay(
        actor=mw["la.officer"],
        via=Via.WEB,
        fund=fund,
        amount_pence=700_000,
        dated=DAY,
        reason="Invoice 41",
        description="First term",
        commitment=commitment,
    )
    assert selectors.outstanding_pence(commitment=commitment) == 500_000
    balance = selectors.fund_balance(fund=fund)
    assert (balance.committed_pence, balance.paid_pence, balance.balance_pence) == (
        500_000,
        700_000,
        800_000,
    )
    with pytest.raises(Conflict, match="£5,000.00 outstanding"):
        services.release(
            actor=mw["la.officer"],
            via=Via.WEB,
            commitment=commitment,
            dated=DAY,
            reason="x",
            amount_pence=600_000,
        )
    services.release(
        actor=mw["la.officer"], via=Via.WEB, commitment=commitment, dated=DAY, reason="Ended"
    )
    assert selectors.fund_balance(fund=fund).balance_pence == 1_300_000
    assert sum(LedgerEntry.objects.values_list("amount_pence", flat=True)) == 1_300_000


def test_ring_fences_hold_their_own_money(mw):
    fund = mw.fund(name="Wigan-style budget", fences=("Primary", "Secondary"))
    primary, secondary = fund.ring_fences.order_by("name")
    for fence, pence in ((primary, 20_000_000), (secondary, 10_000_000)):
        services.contribute(
            actor=None,
            via=Via.CLI,
            fund=fund,
            amount_pence=pence,
            dated=DAY,
            reason="Budget",
            ring_fence=fence,
        )
    with pytest.raises(Refused, match="Choose which ring-fence"):
        commit(mw, fund, 100)
    with pytest.raises(Conflict) as refused:
        commit(mw, fund, 10_000_100, ring_fence=secondary)
    assert "the Secondary ring-fence of Wigan-style budget 2026-27" in str(refused.value)
    assert "£1.00 short" in str(refused.value)
    commit(mw, fund, 15_000_000, ring_fence=primary)
    fences = dict(selectors.ring_fence_balances(fund=fund))
    assert fences[primary].balance_pence == 5_000_000
    assert selectors.fund_balance(fund=fund).balance_pence == 15_000_000


@pytest.mark.parametrize("user", ["plain.officer", "adviser", "headteacher", "essex.finance"])
def test_only_a_finance_officer_of_the_funds_la_may_write_to_it(mw, user):
    fund = mw.fund()
    with pytest.raises(NotAllowed):
        commit(mw, fund, 100, user=user)


@pytest.mark.parametrize("pence", [0, -5, 1.5, True, 10_000_000_001])
def test_amounts_that_are_not_positive_whole_pence_are_refused(mw, pence):
    fund = mw.fund()
    with pytest.raises(Refused):
        commit(mw, fund, pence)
    assert LedgerEntry.objects.filter(kind="commitment").count() == 0


def test_an_entry_without_a_reason_is_refused(mw):
    fund = mw.fund()
    with pytest.raises(Refused, match="reason"):
        services.contribute(
            actor=None, via=Via.CLI, fund=fund, amount_pence=5, dated=DAY, reason="  "
        )


def test_text_longer_than_its_field_is_refused_never_cut(mw):
    fund = mw.fund()
    with pytest.raises(Refused, match="Shorten what the money is for to 300 characters"):
        services.commit(
            actor=mw["la.officer"],
            via=Via.WEB,
            fund=fund,
            amount_pence=100,
            dated=DAY,
            reason="Deployment agreed",
            description="x" * 301,
        )
    with pytest.raises(Refused, match="Shorten each ring-fence's name to 80 characters"):
        mw.fund(name="Fenced", fences=("y" * 81,))
    assert LedgerEntry.objects.filter(kind="commitment").count() == 0
    assert not fund.__class__.objects.filter(name="Fenced").exists()


def test_money_and_years_read_as_people_write_them():
    assert pounds(250_000) == "£2,500.00" and pounds(-5) == "-£0.05"
    assert parse_pounds("£2,500.50") == 250_050
    with pytest.raises(Refused):
        parse_pounds("2.505")
    with pytest.raises(Refused):
        parse_pounds("NaN")
    assert financial_year_of(DAY) == "2026-27"
    assert financial_year_of(DAY.replace(month=3)) == "2025-26"
    with pytest.raises(Refused):
        financial_year_bounds("2026-28")


def test_balances_of_many_funds_take_one_query(mw, django_assert_num_queries):
    funds = [mw.fund(name=f"Fund {n}") for n in range(4)]
    with django_assert_num_queries(1):
        found = selectors.balances(fund_ids=[fund.pk for fund in funds])
    assert {b.balance_pence for b in found.values()} == {13_600_000}
