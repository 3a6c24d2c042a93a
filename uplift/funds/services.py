"""Keeping funds: creating a fund with its ring-fences, and writing its ledger (contributions,
commitments, releases and payments).

Every entry is written in one transaction with an audit event giving the reason. A commitment
or a payment locks the fund's row first (select_for_update), then sums the ledger, so two
officers committing at the same moment cannot together promise more than the fund holds:
the second waits for the first and is refused if the money has gone.
"""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from uplift.audit.models import Via
from uplift.audit.services import record_event
from uplift.core.errors import Conflict, NotAllowed, Refused, StaleVersion
from uplift.funds import access
from uplift.funds.models import EntryKind, Fund, LedgerEntry, OwnerKind, RingFence, Source
from uplift.funds.money import pounds
from uplift.funds.selectors import fund_balance, outstanding_pence
from uplift.funds.years import financial_year_bounds

TRUSTED_CHANNELS = {Via.CLI, Via.SYSTEM}  # run by whoever operates the server
MAX_PENCE = 10_000_000_000  # £100m: no single entry is larger


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


def check_may_keep(actor, via, la_id: int) -> None:
    """Refuse (403) anyone who does not keep this LA's money; the CLI and the system may."""
    if actor is None and via in TRUSTED_CHANNELS:
        return
    if not access.can_keep_money_of(actor, la_id):
        raise NotAllowed("Only an officer with the finance capability may change this fund")


def _required(text: str, what: str, max_length: int | None = None) -> str:
    text = (text or "").strip()
    if not text:
        raise Refused(f"Enter {what}")
    return _within(text, what, max_length)


def _within(text: str, what: str, max_length: int | None) -> str:
    """The text as given, or a refusal when it is longer than its field holds (never cut)."""
    if max_length is not None and len(text) > max_length:
        raise Refused(f"Shorten {what} to {max_length} characters or fewer")
    return text


def _amount(amount_pence) -> int:
    if isinstance(amount_pence, bool) or not isinstance(amount_pence, int):
        raise Refused("The amount must be a whole number of pence")
    if amount_pence <= 0:
        raise Refused("Enter an amount greater than £0.00")
    if amount_pence > MAX_PENCE:
        raise Refused(f"An amount may be at most {pounds(MAX_PENCE)}")
    return amount_pence


@transaction.atomic
def create_fund(
    *,
    actor,
    via: str,
    la,
    name: str,
    owner_name: str,
    owner_kind: str,
    source: str,
    financial_year: str,
    source_note: str = "",
    ring_fences=(),
    is_sample: bool = False,
    reason: str,
) -> Fund:
    check_may_keep(actor, via, la.pk)
    if owner_kind not in OwnerKind.values:
        raise Refused(f"Choose who owns the fund (not {owner_kind!r})")
    if source not in Source.values:
        raise Refused(f"Choose where the money comes from (not {source!r})")
    financial_year_bounds(financial_year)
    names = [
        _within(fence.strip(), "each ring-fence's name", 80)
        for fence in ring_fences
        if fence.strip()
    ]
    if len(set(names)) != len(names):
        raise Refused("Give each ring-fence a different name")
    fund = Fund(
        la=la,
        name=_required(name, "the fund's name", 160),
        owner_name=_required(owner_name, "who holds the fund", 160),
        owner_kind=owner_kind,
        source=source,
        source_note=_within(source_note.strip(), "the note on the source", 300),
        financial_year=financial_year,
        is_sample=is_sample,
        created_at=timezone.now(),
        created_by=_user(actor),
    )
    try:
        with transaction.atomic():
            fund.save()
    except IntegrityError:
        raise Conflict(f"{la.name} already has a fund called {fund}") from None
    RingFence.objects.bulk_create(RingFence(fund=fund, name=n) for n in names)
    record_event(
        actor=actor,
        via=via,
        action="fund.created",
        obj=fund,
        la=la,
        changes={"fund": [None, str(fund)], "Ring-fences": [None, names]},
        reason=_required(reason, "why the fund is being set up"),
    )
    return fund


def _locked(fund: Fund) -> Fund:
    return Fund.objects.select_for_update().select_related("la").get(pk=fund.pk)


def _fence(fund: Fund, ring_fence) -> RingFence | None:
    has_fences = fund.ring_fences.exists()
    if ring_fence is None:
        if has_fences:
            raise Refused(f"Choose which ring-fence of {fund} this is for")
        return None
    if ring_fence.fund_id != fund.pk:
        raise Refused(f"{ring_fence} is not part of {fund}")
    return ring_fence


def _write(*, actor, via, fund, kind, signed_pence, dated, reason, description, **extra):
    if not isinstance(dated, date):
        raise Refused("Enter the date of the entry")
    purpose = extra.pop("purpose", None)
    entry = LedgerEntry(
        fund=fund,
        kind=kind,
        amount_pence=signed_pence,
        dated=dated,
        description=_required(description, "what the money is for", 300),
        reason=_required(reason, "the reason for this entry"),
        recorded_at=timezone.now(),
        recorded_by=_user(actor),
        **extra,
    )
    if purpose is not None:
        entry.purpose_type = ContentType.objects.get_for_model(purpose)
        entry.purpose_id = purpose.pk
    entry.save()
    record_event(
        actor=actor,
        via=via,
        action=f"ledger.{kind}",
        obj=entry,
        la=fund.la,
        establishment=entry.establishment,
        changes={
            "fund": [None, str(fund)],
            "kind": [None, entry.get_kind_display()],
            "amount": [None, pounds(signed_pence)],
            "description": [None, entry.description],
        },
        reason=entry.reason,
    )
    return entry


def _refuse_overspend(fund: Fund, fence, amount: int) -> None:
    balance = fund_balance(fund=fund, ring_fence=fence).balance_pence
    if amount > balance:
        where = f"the {fence.name} ring-fence of {fund}" if fence else str(fund)
        raise Conflict(
            f"{where} has {pounds(balance)} left to commit: this is "
            f"{pounds(amount - balance)} short",
            code="overspend",
        )


@transaction.atomic
def contribute(
    *,
    actor,
    via,
    fund,
    amount_pence: int,
    dated: date,
    reason: str,
    description: str = "Contribution",
    establishment=None,
    ring_fence=None,
) -> LedgerEntry:
    """Money into the fund: the LA's budget, a top-slice, a member school's contribution."""
    check_may_keep(actor, via, fund.la_id)
    fund = _locked(fund)
    return _write(
        actor=actor,
        via=via,
        fund=fund,
        kind=EntryKind.CONTRIBUTION,
        signed_pence=_amount(amount_pence),
        dated=dated,
        reason=reason,
        description=description,
        establishment=establishment,
        ring_fence=_fence(fund, ring_fence),
    )


@transaction.atomic
def commit(
    *,
    actor,
    via,
    fund,
    amount_pence: int,
    dated: date,
    reason: str,
    description: str,
    establishment=None,
    ring_fence=None,
    purpose=None,
) -> LedgerEntry:
    """Promise money from the fund to something (a deployment, a commission, a grant); refused
    when the fund (or ring-fence) has not enough left, naming the shortfall."""
    check_may_keep(actor, via, fund.la_id)
    fund = _locked(fund)
    amount = _amount(amount_pence)
    fence = _fence(fund, ring_fence)
    _refuse_overspend(fund, fence, amount)
    return _write(
        actor=actor,
        via=via,
        fund=fund,
        kind=EntryKind.COMMITMENT,
        signed_pence=-amount,
        dated=dated,
        reason=reason,
        description=description,
        establishment=establishment,
        ring_fence=fence,
        purpose=purpose,
    )


def _commitment(fund: Fund, commitment: LedgerEntry, amount: int | None) -> int:
    if commitment.kind != EntryKind.COMMITMENT or commitment.fund_id != fund.pk:
        raise Refused("Choose a commitment of this fund")
    left = outstanding_pence(commitment=commitment)
    amount = left if amount is None else _amount(amount)
    if amount <= 0 or amount > left:
        raise Conflict(
            f"The commitment has {pounds(left)} outstanding: "
            f"{pounds(amount)} cannot be drawn from it"
        )
    return amount


def _same_purpose(commitment: LedgerEntry) -> dict:
    """A release names what its commitment paid for, so spend adds up by purpose."""
    return {"purpose_type_id": commitment.purpose_type_id, "purpose_id": commitment.purpose_id}


@transaction.atomic
def release(
    *, actor, via, commitment: LedgerEntry, dated: date, reason: str, amount_pence=None
) -> LedgerEntry:
    """Give back the unspent part of a commitment (all that is outstanding by default)."""
    check_may_keep(actor, via, commitment.fund.la_id)
    fund = _locked(commitment.fund)
    amount = _commitment(fund, commitment, amount_pence)
    return _write(
        actor=actor,
        via=via,
        fund=fund,
        kind=EntryKind.RELEASE,
        signed_pence=amount,
        dated=dated,
        reason=reason,
        description=f"Released from: {commitment.description}",
        establishment=commitment.establishment,
        ring_fence=commitment.ring_fence,
        commitment=commitment,
        **_same_purpose(commitment),
    )


@transaction.atomic
def pay(
    *,
    actor,
    via,
    fund,
    amount_pence: int,
    dated: date,
    reason: str,
    description: str,
    commitment: LedgerEntry | None = None,
    establishment=None,
    ring_fence=None,
    purpose=None,
) -> LedgerEntry:
    """Money paid out. Against a commitment it draws the commitment down (a release and the
    payment, which balance); without one it is refused if the fund has not enough left."""
    check_may_keep(actor, via, fund.la_id)
    fund = _locked(fund)
    if commitment is not None:
        amount = _commitment(fund, commitment, amount_pence)
        _write(
            actor=actor,
            via=via,
            fund=fund,
            kind=EntryKind.RELEASE,
            signed_pence=amount,
            dated=dated,
            reason=reason,
            description=f"Drawn down by a payment: {commitment.description}",
            establishment=commitment.establishment,
            ring_fence=commitment.ring_fence,
            commitment=commitment,
            **_same_purpose(commitment),
        )
        fence = commitment.ring_fence
        establishment = establishment or commitment.establishment
        purpose = purpose or commitment.purpose
    else:
        amount = _amount(amount_pence)
        fence = _fence(fund, ring_fence)
        _refuse_overspend(fund, fence, amount)
    return _write(
        actor=actor,
        via=via,
        fund=fund,
        kind=EntryKind.PAYMENT,
        signed_pence=-amount,
        dated=dated,
        reason=reason,
        description=description,
        establishment=establishment,
        ring_fence=fence,
        commitment=commitment,
        purpose=purpose,
    )


FUND_LABELS = {
    "name": "Name",
    "owner_name": "Who holds the fund",
    "owner_kind": "Kind of owner",
    "source": "Where the money comes from",
    "source_note": "Note on the source",
}


@transaction.atomic
def update_fund(
    *,
    actor,
    via,
    fund: Fund,
    name: str,
    owner_name: str,
    owner_kind: str,
    source: str,
    source_note: str = "",
    version: int,
    reason: str,
) -> Fund:
    """Change what a fund is called, who holds it and where its money comes from (its year
    and ledger are not changed here). Refused if someone changed it first."""
    check_may_keep(actor, via, fund.la_id)
    current = _locked(fund)
    if current.version != version:
        raise StaleVersion()
    if owner_kind not in OwnerKind.values:
        raise Refused(f"Choose who owns the fund (not {owner_kind!r})")
    if source not in Source.values:
        raise Refused(f"Choose where the money comes from (not {source!r})")
    wanted = {
        "name": _required(name, "the fund's name", 160),
        "owner_name": _required(owner_name, "who holds the fund", 160),
        "owner_kind": owner_kind,
        "source": source,
        "source_note": _within((source_note or "").strip(), "the note on the source", 300),
    }
    changes = {}
    for field, value in wanted.items():
        before = getattr(current, field)
        if before != value:
            changes[FUND_LABELS[field]] = [before, value]
            setattr(current, field, value)
    if not changes:
        raise Refused("Change something before saving")
    current.version += 1
    try:
        with transaction.atomic():
            current.save()
    except IntegrityError:
        raise Conflict(f"{current.la.name} already has a fund called {current}") from None
    record_event(
        actor=actor,
        via=via,
        action="fund.changed",
        obj=current,
        la=current.la,
        changes=changes,
        reason=_required(reason, "the reason for the change"),
    )
    return current
