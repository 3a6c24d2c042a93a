"""The Learning Bank: credits a school earns for days its leaders deliver and spends on
support. A balance is the sum of the school's entries, read with the school's row locked so
two spends cannot both pass; it never goes below nought."""

from django.db import transaction
from django.db.models import Sum

from uplift.brokerage import access
from uplift.brokerage.models import CreditEntry, CreditKind
from uplift.brokerage.rules import SPEND, registry
from uplift.brokerage.services.common import audit, now, require, required, user_of
from uplift.brokerage.terms import academic_year_of
from uplift.core.errors import Refused
from uplift.schools.models import Establishment


def balance_of(establishment) -> int:
    found = CreditEntry.objects.filter(establishment=establishment).aggregate(t=Sum("credits"))
    return found["t"] or 0


def write_entry(
    *,
    actor,
    via,
    establishment,
    kind,
    credits,
    occurred_on,
    description,
    session=None,
    deployment=None,
) -> CreditEntry:
    """Write one entry inside the caller's transaction; spending is checked against the
    balance with the school locked."""
    if kind == CreditKind.SPENT:
        Establishment.objects.select_for_update().filter(pk=establishment.pk).first()
        registry.check(
            SPEND, school=establishment, balance=balance_of(establishment), credits=-credits
        )
    entry = CreditEntry.objects.create(
        establishment=establishment,
        kind=kind,
        credits=credits,
        occurred_on=occurred_on,
        academic_year=academic_year_of(occurred_on),
        description=description[:240],
        session=session,
        deployment=deployment,
        recorded_by=user_of(actor),
        recorded_at=now(),
    )
    audit(actor, via, f"brokerage.credits_{kind}", entry, establishment=establishment)
    return entry


def adjust_credits(*, actor, via, establishment, credits, occurred_on, reason) -> CreditEntry:
    """An officer adds credits to a school (an allocation, a correction) or takes them away;
    taking them away below nought is refused."""
    require(
        actor, via, access.can_manage(actor, establishment.la_id), "change this school's credits"
    )
    if not isinstance(credits, int) or credits == 0:
        raise Refused("Enter a whole number of credits other than 0")
    reason = required(reason, "the reason for the change", 240)
    with transaction.atomic():
        if credits < 0:
            Establishment.objects.select_for_update().filter(pk=establishment.pk).first()
            registry.check(
                SPEND, school=establishment, balance=balance_of(establishment), credits=-credits
            )
        entry = CreditEntry.objects.create(
            establishment=establishment,
            kind=CreditKind.ADJUSTED,
            credits=credits,
            occurred_on=occurred_on,
            academic_year=academic_year_of(occurred_on),
            description=reason,
            recorded_by=user_of(actor),
            recorded_at=now(),
        )
        audit(
            actor,
            via,
            "brokerage.credits_adjusted",
            entry,
            establishment=establishment,
            reason=reason,
        )
    return entry
