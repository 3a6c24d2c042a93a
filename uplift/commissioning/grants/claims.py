"""Conditions and claims of an award: an officer attaches conditions to an award (the
scheme's conditions are attached when it is awarded); the school's headteacher (or a finance
officer for them) claims part of the award with evidence; a finance officer approves the
claim, which pays it from the award's commitment in the fund (a release of that part of the
commitment and a payment), or does not approve it with a reason. A claim beyond what is left
of the award is refused by a registered rule (grants/rules.py)."""

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from uplift.accounts.access import own_school_id, role_of
from uplift.accounts.models import Role
from uplift.commissioning.common import check_may_keep, event, required, user_or_none
from uplift.commissioning.grants import rules
from uplift.commissioning.models import (
    ClaimStatus,
    GrantApplication,
    GrantClaim,
    GrantCondition,
)
from uplift.core.errors import Conflict, NotAllowed, Refused, StaleVersion
from uplift.funds import access as funds_access
from uplift.funds import services as funds
from uplift.funds.money import pounds
from uplift.funds.services import MAX_PENCE, TRUSTED_CHANNELS


def conditions_of(scheme) -> list[str]:
    """The scheme's conditions, one a line."""
    return [line.strip() for line in (scheme.conditions or "").splitlines() if line.strip()]


def attach_scheme_conditions(*, actor, application: GrantApplication) -> None:
    """Called inside the award: each line of the scheme's conditions becomes a condition."""
    now = timezone.now()
    GrantCondition.objects.bulk_create(
        GrantCondition(
            application=application, text=text[:300], added_at=now, added_by=user_or_none(actor)
        )
        for text in conditions_of(application.scheme)
    )


@transaction.atomic
def add_condition(*, actor, via, application: GrantApplication, text: str, reason: str):
    check_may_keep(actor, via, application.scheme.la_id)
    if application.status != "awarded":
        raise Conflict("Conditions are attached to an awarded grant")
    condition = GrantCondition.objects.create(
        application=application,
        text=required(text, "the condition", limit=300),
        added_at=timezone.now(),
        added_by=user_or_none(actor),
    )
    event(
        actor,
        via,
        "grant.condition_added",
        application,
        la=application.scheme.la,
        establishment=application.establishment,
        changes={"condition": [None, condition.text]},
        reason=required(reason, "why the condition is attached"),
    )
    return condition


def _claimed(application, statuses, excluding=None) -> int:
    claims = GrantClaim.objects.filter(application=application, status__in=statuses)
    if excluding is not None:
        claims = claims.exclude(pk=excluding.pk)
    return claims.aggregate(total=Sum("amount_pence"))["total"] or 0


def _may_claim(actor, via, application) -> None:
    if actor is None and via in TRUSTED_CHANNELS:
        return
    if funds_access.can_keep_money_of(actor, application.scheme.la_id):
        return
    is_head = role_of(actor) == Role.HEADTEACHER
    if is_head and own_school_id(actor) == application.establishment_id:
        return
    raise NotAllowed("Only the school's headteacher or a finance officer may claim the grant")


def _amount(amount_pence) -> int:
    if isinstance(amount_pence, bool) or not isinstance(amount_pence, int) or amount_pence <= 0:
        raise Refused("Enter an amount greater than £0.00")
    if amount_pence > MAX_PENCE:
        raise Refused(f"An amount may be at most {pounds(MAX_PENCE)}")
    return amount_pence


def _locked_application(application) -> GrantApplication:
    return (
        GrantApplication.objects.select_for_update(of=("self",))
        .select_related("scheme__fund__la", "establishment__la", "commitment")
        .get(pk=application.pk)
    )


@transaction.atomic
def claim(
    *,
    actor,
    via,
    application: GrantApplication,
    amount_pence: int,
    evidence: str,
    is_sample: bool = False,
) -> GrantClaim:
    """Claim part of the award with evidence; refused beyond what is left unclaimed."""
    _may_claim(actor, via, application)
    current = _locked_application(application)
    amount = _amount(amount_pence)
    rules.check(
        "claim",
        application=current,
        claimed_pence=_claimed(current, (ClaimStatus.SUBMITTED, ClaimStatus.APPROVED)),
        amount_pence=amount,
    )
    made = GrantClaim.objects.create(
        application=current,
        amount_pence=amount,
        evidence=required(evidence, "the evidence for the claim", limit=10_000),
        submitted_at=timezone.now(),
        submitted_by=user_or_none(actor),
        is_sample=is_sample,
    )
    event(
        actor,
        via,
        "grant.claimed",
        made,
        la=current.scheme.la,
        establishment=current.establishment,
        changes={"claimed": [None, pounds(amount)]},
    )
    return made


def _locked_claim(claim_, version) -> GrantClaim:
    current = GrantClaim.objects.select_for_update().get(pk=claim_.pk)
    if version is not None and current.version != version:
        raise StaleVersion()
    if current.status != ClaimStatus.SUBMITTED:
        raise Conflict(f"The claim has already been decided ({current.get_status_display()})")
    return current


@transaction.atomic
def approve(*, actor, via, claim: GrantClaim, reason: str, version: int | None = None):
    """Approve the claim and pay it from the award's commitment in the fund."""
    application = claim.application
    check_may_keep(actor, via, application.scheme.la_id)
    application = _locked_application(application)
    current = _locked_claim(claim, version)
    rules.check(
        "approve",
        application=application,
        claimed_pence=_claimed(application, (ClaimStatus.APPROVED,)),
        amount_pence=current.amount_pence,
    )
    reason = required(reason, "the reason for approving the claim")
    scheme = application.scheme
    current.payment = funds.pay(
        actor=actor,
        via=via,
        fund=scheme.fund,
        amount_pence=current.amount_pence,
        dated=timezone.localdate(),
        reason=reason,
        description=f"{scheme.name}: claim paid to {application.establishment.name}",
        commitment=application.commitment,
    )
    _decide(current, actor, ClaimStatus.APPROVED, reason)
    event(
        actor,
        via,
        "grant.claim_approved",
        current,
        la=scheme.la,
        establishment=application.establishment,
        changes={"paid": [None, pounds(current.amount_pence)]},
        reason=reason,
    )
    return current


@transaction.atomic
def refuse(*, actor, via, claim: GrantClaim, reason: str, version: int | None = None):
    application = claim.application
    check_may_keep(actor, via, application.scheme.la_id)
    current = _locked_claim(claim, version)
    reason = required(reason, "why the claim is not approved")
    _decide(current, actor, ClaimStatus.REFUSED, reason)
    event(
        actor,
        via,
        "grant.claim_refused",
        current,
        la=application.scheme.la,
        establishment=application.establishment,
        changes={"claim": [pounds(current.amount_pence), "Not approved"]},
        reason=reason,
    )
    return current


def _decide(current, actor, status, reason) -> None:
    current.status = status
    current.decided_on = timezone.localdate()
    current.decided_by = user_or_none(actor)
    current.decision_reason = reason
    current.version += 1
    current.save()
