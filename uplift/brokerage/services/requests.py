"""Support requests: a need raised from a concern case, a category's support offer, by an
officer, or by a head for their own school."""

from django.db import transaction

from uplift.accounts.access import profile_of
from uplift.accounts.models import Role
from uplift.brokerage import access
from uplift.brokerage.models import Funding, RaisedFrom, RequestStatus, SupportRequest
from uplift.brokerage.services.common import (
    audit,
    locked,
    now,
    require,
    required,
    save_versioned,
    user_of,
)
from uplift.brokerage.specialisms import unknown_specialisms
from uplift.core.errors import Conflict, Refused
from uplift.partnerships import access as partnerships


def raise_request(
    *,
    actor,
    via,
    establishment,
    raised_from,
    areas,
    days,
    needed_by,
    funding,
    details="",
    case=None,
    partnership=None,
) -> SupportRequest:
    """Raise a request for support for the school. A `partnership` responsible for the school
    brokers it: the leaders proposed are those of its member schools."""
    require(
        actor,
        via,
        access.can_raise_request(actor, establishment),
        "ask for support for this school",
    )
    profile = profile_of(actor)
    if profile is not None and profile.role == Role.HEADTEACHER:
        raised_from = RaisedFrom.SCHOOL  # a head asks for their own school
    if raised_from not in RaisedFrom.values:
        raise Refused(f"{raised_from!r} is not where a request comes from")
    if raised_from == RaisedFrom.CASE:
        if case is None:
            raise Refused("Choose the concern case the request comes from")
        if case.establishment_id != establishment.pk or not case.is_open:
            raise Refused("The request must come from an open concern case of this school")
    if partnership is not None and not partnerships.is_responsible_for(partnership, establishment):
        raise Refused(f"{partnership.name} is not responsible for {establishment.name}")
    areas = _areas(areas)
    if not isinstance(days, int) or not 1 <= days <= 100:
        raise Refused("Days must be a whole number from 1 to 100")
    if needed_by is None or needed_by < now().date():
        raise Refused("Enter the date support is needed by, today or later")
    if funding not in Funding.values:
        raise Refused(f"{funding!r} is not a way of funding support")
    request = SupportRequest(
        establishment=establishment,
        raised_from=raised_from,
        case=case if raised_from == RaisedFrom.CASE else None,
        partnership=partnership,
        areas=areas,
        details=(details or "").strip(),
        days=days,
        needed_by=needed_by,
        funding=funding,
        raised_by=user_of(actor),
        raised_at=now(),
    )
    with transaction.atomic():
        request.save()
        audit(actor, via, "brokerage.request_raised", request, establishment=establishment)
    return request


def _areas(areas) -> list[str]:
    areas = list(dict.fromkeys(areas or []))
    if not areas:
        raise Refused("Choose at least one area the school needs help with")
    wrong = unknown_specialisms(areas)
    if wrong:
        raise Refused(f"Unknown area: {', '.join(wrong)}")
    return areas


def withdraw_request(*, actor, via, request, reason, version=None) -> SupportRequest:
    require(
        actor, via, access.can_raise_request(actor, request.establishment), "withdraw this request"
    )
    reason = required(reason, "why the request is withdrawn")
    with transaction.atomic():
        current = locked(SupportRequest, request, version, "request")
        if current.status != RequestStatus.OPEN:
            raise Conflict("Only an open request can be withdrawn")
        current.status = RequestStatus.WITHDRAWN
        save_versioned(current, ["status"], actor, reason)
        audit(
            actor,
            via,
            "brokerage.request_withdrawn",
            current,
            establishment=request.establishment,
            changes={"status": ["open", "withdrawn"]},
            reason=reason,
        )
    return current
