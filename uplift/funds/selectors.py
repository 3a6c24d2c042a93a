"""Reading funds: balances summed from the ledger (never stored), in a fixed number of
queries however many funds or entries there are."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from uplift.funds.access import visible_funds
from uplift.funds.models import EntryKind, Fund, LedgerEntry


@dataclass(frozen=True)
class Balance:
    """What a fund (or ring-fence) has had, has promised and has paid, in pence."""

    received_pence: int
    committed_pence: int  # commitments not yet paid or released
    paid_pence: int
    balance_pence: int  # left to commit: received - committed - paid


def _sums(entries: QuerySet) -> dict:
    def total(condition):
        return Coalesce(Sum("amount_pence", filter=condition), 0)

    return entries.aggregate(
        received=total(Q(kind=EntryKind.CONTRIBUTION)),
        committed=total(Q(kind=EntryKind.COMMITMENT)),
        released=total(Q(kind=EntryKind.RELEASE)),
        paid=total(Q(kind=EntryKind.PAYMENT)),
    )


def _balance(sums: dict) -> Balance:
    committed = -sums["committed"] - sums["released"]
    paid = -sums["paid"]
    return Balance(
        received_pence=sums["received"],
        committed_pence=committed,
        paid_pence=paid,
        balance_pence=sums["received"] - committed - paid,
    )


def fund_balance(*, fund: Fund, ring_fence=None) -> Balance:
    entries = LedgerEntry.objects.filter(fund=fund)
    if ring_fence is not None:
        entries = entries.filter(ring_fence=ring_fence)
    return _balance(_sums(entries))


def balances(*, fund_ids) -> dict[int, Balance]:
    """The balance of each fund, in one query."""
    rows = (
        LedgerEntry.objects.filter(fund_id__in=list(fund_ids))
        .values("fund_id")
        .annotate(
            received=Coalesce(Sum("amount_pence", filter=Q(kind=EntryKind.CONTRIBUTION)), 0),
            committed=Coalesce(Sum("amount_pence", filter=Q(kind=EntryKind.COMMITMENT)), 0),
            released=Coalesce(Sum("amount_pence", filter=Q(kind=EntryKind.RELEASE)), 0),
            paid=Coalesce(Sum("amount_pence", filter=Q(kind=EntryKind.PAYMENT)), 0),
        )
    )
    empty = _balance({"received": 0, "committed": 0, "released": 0, "paid": 0})
    found = {row["fund_id"]: _balance(row) for row in rows}
    return {pk: found.get(pk, empty) for pk in fund_ids}


def ring_fence_balances(*, fund: Fund) -> list[tuple[object, Balance]]:
    """Each ring-fence of the fund with its balance (two queries)."""
    fences = list(fund.ring_fences.all())
    rows = (
        LedgerEntry.objects.filter(fund=fund, ring_fence__isnull=False)
        .values("ring_fence_id")
        .annotate(
            received=Coalesce(Sum("amount_pence", filter=Q(kind=EntryKind.CONTRIBUTION)), 0),
            committed=Coalesce(Sum("amount_pence", filter=Q(kind=EntryKind.COMMITMENT)), 0),
            released=Coalesce(Sum("amount_pence", filter=Q(kind=EntryKind.RELEASE)), 0),
            paid=Coalesce(Sum("amount_pence", filter=Q(kind=EntryKind.PAYMENT)), 0),
        )
    )
    found = {row["ring_fence_id"]: _balance(row) for row in rows}
    empty = _balance({"received": 0, "committed": 0, "released": 0, "paid": 0})
    return [(fence, found.get(fence.pk, empty)) for fence in fences]


def outstanding_pence(*, commitment: LedgerEntry) -> int:
    """What is left of a commitment after its releases and payments drew on it."""
    drawn = commitment.drawn.filter(kind=EntryKind.RELEASE).aggregate(
        total=Coalesce(Sum("amount_pence"), 0)
    )["total"]
    return -commitment.amount_pence - drawn


def fund_for(*, user, pk: int) -> Fund:
    """A fund the user keeps, else 404."""
    return get_object_or_404(visible_funds(user).select_related("la"), pk=pk)


def ledger(*, fund: Fund) -> QuerySet[LedgerEntry]:
    return (
        LedgerEntry.objects.filter(fund=fund)
        .select_related("ring_fence", "establishment", "recorded_by", "commitment")
        .order_by("dated", "id")
    )


def funds_with_balances(*, user) -> list[tuple[Fund, Balance]]:
    funds = list(visible_funds(user).select_related("la"))
    found = balances(fund_ids=[fund.pk for fund in funds])
    return [(fund, found[fund.pk]) for fund in funds]
