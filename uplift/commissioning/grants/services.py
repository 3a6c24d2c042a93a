"""Grants and bursaries: an officer sets up a scheme (criteria, closing date, largest award,
the fund it draws on); a headteacher applies for their school; an officer assesses the
application against each criterion and awards it (which commits the money from the fund,
refused with the shortfall when the fund cannot pay) or declines it."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from uplift.accounts.access import own_school_id
from uplift.commissioning import access
from uplift.commissioning.common import check_may_keep, event, required, user_or_none
from uplift.commissioning.grants.claims import attach_scheme_conditions
from uplift.commissioning.models import ApplicationStatus, GrantApplication, GrantScheme
from uplift.core.errors import Conflict, NotAllowed, Refused, StaleVersion
from uplift.funds import services as funds
from uplift.funds.money import pounds
from uplift.funds.services import TRUSTED_CHANNELS


@transaction.atomic
def create_scheme(
    *,
    actor,
    via,
    fund,
    name: str,
    criteria: list[str],
    max_award_pence: int,
    closes_on: date,
    description: str = "",
    conditions: str = "",
    is_sample: bool = False,
    reason: str,
) -> GrantScheme:
    check_may_keep(actor, via, fund.la_id)
    criteria = [c.strip() for c in criteria if c.strip()]
    if not criteria:
        raise Refused("Give the scheme at least one criterion")
    if max_award_pence <= 0:
        raise Refused("Enter the largest award, more than £0.00")
    scheme = GrantScheme.objects.create(
        la_id=fund.la_id,
        fund=fund,
        name=required(name, "the scheme's name", limit=160),
        description=description.strip(),
        criteria=criteria,
        max_award_pence=max_award_pence,
        closes_on=closes_on,
        conditions=conditions.strip(),
        is_sample=is_sample,
    )
    event(
        actor,
        via,
        "grant_scheme.created",
        scheme,
        la=fund.la,
        changes={"name": [None, scheme.name], "criteria": [None, criteria]},
        reason=required(reason, "why the scheme is set up"),
    )
    return scheme


def _may_apply(actor, via, scheme, establishment) -> None:
    if actor is None and via in TRUSTED_CHANNELS:
        return
    if not access.can_apply_for_grant(actor, scheme) or own_school_id(actor) != establishment.pk:
        raise NotAllowed("Only the school's headteacher may apply for its grant")


@transaction.atomic
def apply(
    *,
    actor,
    via,
    scheme: GrantScheme,
    establishment,
    requested_pence: int,
    purpose: str,
    statement: str,
    today: date | None = None,
    is_sample: bool = False,
) -> GrantApplication:
    _may_apply(actor, via, scheme, establishment)
    today = today or timezone.localdate()
    if today > scheme.closes_on:
        raise Conflict(f"{scheme.name} closed to applications on {scheme.closes_on:%-d %B %Y}")
    if not 0 < requested_pence <= scheme.max_award_pence:
        raise Refused(
            f"Ask for more than £0.00 and at most {pounds(scheme.max_award_pence)}, "
            "the largest award of the scheme"
        )
    application = GrantApplication(
        scheme=scheme,
        establishment=establishment,
        requested_pence=requested_pence,
        purpose=required(purpose, "what the money is for", limit=300),
        statement=required(statement, "how the school meets the criteria", limit=10_000),
        submitted_at=timezone.now(),
        submitted_by=user_or_none(actor),
        is_sample=is_sample,
    )
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        raise Conflict(f"{establishment.name} has already applied to {scheme.name}") from None
    event(
        actor,
        via,
        "grant.applied",
        application,
        la=establishment.la,
        establishment=establishment,
        changes={"requested": [None, pounds(requested_pence)], "purpose": [None, purpose]},
    )
    return application


def _note(note, criterion: str) -> str:
    """An assessor's note on one criterion, refused (never cut) past 1,000 characters."""
    text = str(note or "").strip()
    if len(text) > 1000:
        raise Refused(f"Shorten the note on {criterion} to 1,000 characters or fewer")
    return text


def _assessment(scheme, assessment: list[dict]) -> list[dict]:
    """One {criterion, met, note} per criterion of the scheme, in its order."""
    given = {item.get("criterion"): item for item in assessment}
    missing = [c for c in scheme.criteria if c not in given]
    if missing:
        raise Refused(f"Assess the application against every criterion: {missing[0]}")
    return [
        {
            "criterion": c,
            "met": bool(given[c].get("met")),
            "note": _note(given[c].get("note", ""), c),
        }
        for c in scheme.criteria
    ]


def _locked(application, version):
    current = (
        GrantApplication.objects.select_for_update(of=("self",))
        .select_related("scheme__fund__la", "establishment__la")
        .get(pk=application.pk)
    )
    if version is not None and current.version != version:
        raise StaleVersion()
    if current.status != ApplicationStatus.SUBMITTED:
        raise Conflict(f"The application has already been decided ({current.get_status_display()})")
    return current


def _decide(current, actor, status, assessment, reason, awarded=None):
    current.status = status
    current.assessment = assessment
    current.awarded_pence = awarded
    current.decided_on = timezone.localdate()
    current.decided_by = user_or_none(actor)
    current.decision_reason = reason
    current.version += 1


@transaction.atomic
def award(
    *,
    actor,
    via,
    application: GrantApplication,
    assessment: list[dict],
    awarded_pence: int,
    reason: str,
    version: int | None = None,
) -> GrantApplication:
    """Award the grant: every criterion must be met; the award is committed from the fund."""
    check_may_keep(actor, via, application.scheme.la_id)
    current = _locked(application, version)
    scheme = current.scheme
    assessed = _assessment(scheme, assessment)
    unmet = [item["criterion"] for item in assessed if not item["met"]]
    if unmet:
        raise Conflict(f"The application does not meet every criterion: {unmet[0]}")
    if not 0 < awarded_pence <= min(current.requested_pence, scheme.max_award_pence):
        raise Refused(
            f"Award more than £0.00 and at most {pounds(current.requested_pence)}, "
            "what the school asked for"
        )
    reason = required(reason, "the reason for the award")
    current.commitment = funds.commit(
        actor=actor,
        via=via,
        fund=scheme.fund,
        amount_pence=awarded_pence,
        dated=timezone.localdate(),
        reason=reason,
        description=f"{scheme.name}: {current.establishment.name}",
        establishment=current.establishment,
        purpose=current,
    )
    _decide(current, actor, ApplicationStatus.AWARDED, assessed, reason, awarded_pence)
    current.save()
    attach_scheme_conditions(actor=actor, application=current)
    event(
        actor,
        via,
        "grant.awarded",
        current,
        la=scheme.fund.la,
        establishment=current.establishment,
        changes={"status": ["Submitted", "Awarded"], "awarded": [None, pounds(awarded_pence)]},
        reason=reason,
    )
    return current


@transaction.atomic
def decline(
    *,
    actor,
    via,
    application: GrantApplication,
    assessment: list[dict],
    reason: str,
    version: int | None = None,
) -> GrantApplication:
    check_may_keep(actor, via, application.scheme.la_id)
    current = _locked(application, version)
    assessed = _assessment(current.scheme, assessment)
    reason = required(reason, "why the application is not awarded")
    _decide(current, actor, ApplicationStatus.DECLINED, assessed, reason)
    current.save()
    event(
        actor,
        via,
        "grant.declined",
        current,
        la=current.scheme.la,
        establishment=current.establishment,
        changes={"status": ["Submitted", "Not awarded"]},
        reason=reason,
    )
    return current
