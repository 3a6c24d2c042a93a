"""A partnership holding a fund, and recording what its carried motions decided (a
commission, kept by a higher app, names itself by content type and id). Each change runs in
one transaction with its audit event."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction

from uplift.audit.services import record_event
from uplift.core.errors import Conflict, Refused
from uplift.funds.models import OwnerKind
from uplift.partnerships.models import FundHolding, MotionDecides, Outcome
from uplift.partnerships.services import _check_manager, _required, _user

HOLDING_KINDS = (OwnerKind.PARTNERSHIP, OwnerKind.CONSORTIUM)


def hold_fund(*, actor, via: str, partnership, fund, since: date, reason: str) -> FundHolding:
    """The partnership holds the fund from `since`: it decides what the fund pays for."""
    _check_manager(actor, partnership)
    reason = _required(reason, "the reason for the change")
    if fund.la_id != partnership.la_id:
        raise Refused("A partnership holds only its own LA's funds")
    if fund.owner_kind not in HOLDING_KINDS:
        raise Refused("The fund is recorded as the LA's own: record it as a partnership's first")
    if since is None:
        raise Refused("Enter the date the partnership holds the fund from")
    try:
        with transaction.atomic():
            holding = FundHolding.objects.create(
                partnership=partnership, fund=fund, since=since, given_by=_user(actor)
            )
            record_event(
                actor=actor,
                via=via,
                action="partnerships.fund_held",
                obj=partnership,
                la=partnership.la,
                changes={"fund": [None, str(fund)], "since": [None, since.isoformat()]},
                reason=reason,
            )
    except IntegrityError:
        raise Conflict(f"{fund} is already held by a partnership") from None
    return holding


def holds(partnership_id: int, fund_id: int) -> bool:
    return FundHolding.objects.filter(partnership_id=partnership_id, fund_id=fund_id).exists()


def record_decided(*, actor, via: str, motion, subject, description: str) -> MotionDecides:
    """Record that the carried motion decided `subject` (inside the caller's transaction)."""
    if motion.outcome != Outcome.CARRIED:
        raise Conflict("Only a carried motion decides")
    decided = MotionDecides.objects.create(
        motion=motion,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        description=description[:300],
    )
    partnership = motion.meeting.partnership
    record_event(
        actor=actor,
        via=via,
        action="partnerships.motion_decided",
        obj=partnership,
        la=partnership.la,
        changes={"decided": [None, description[:300]]},
        reason=f"Carried at the meeting of {motion.meeting.held_on.isoformat()}",
    )
    return decided


def deciding_motion(subject):
    """The motion that decided `subject`, with its meeting and partnership, or None."""
    found = (
        MotionDecides.objects.filter(
            subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
        )
        .select_related("motion__meeting__partnership")
        .first()
    )
    return found.motion if found is not None else None
