"""Drawing on a fund for a school's support: a school-to-school deployment or a casework
action (a power used in a case, a structural solution) commits money from a fund, so each
school's support has a cost and a funder. Commissions and grant awards commit their own money
(commissions/services.py, grants/services.py).

The commitment names what it pays for through the ledger's generic purpose, so brokerage and
casework need know nothing of funds; this app sits above all three."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from uplift.brokerage.models import Deployment
from uplift.casework.models import PowerUse, StructuralSolution
from uplift.commissioning.common import check_may_keep, required
from uplift.core.errors import Conflict, Refused
from uplift.funds import services as funds
from uplift.funds.models import EntryKind, LedgerEntry
from uplift.funds.money import pounds
from uplift.funds.selectors import outstanding_pence

KINDS = {"deployment": Deployment, "power": PowerUse, "structural": StructuralSolution}


def school_of(purpose):
    """The school a deployment or casework action is for."""
    if isinstance(purpose, Deployment):
        return purpose.establishment
    return purpose.case.establishment


def describe(purpose) -> str:
    school = school_of(purpose).name
    if isinstance(purpose, Deployment):
        return f"School-to-school support for {school} from {purpose.organisation.name}"
    if isinstance(purpose, PowerUse):
        return f"{purpose.get_power_display()}: {school}"
    return f"{purpose.get_kind_display()}: {school}"


def funding_of(purpose) -> list[LedgerEntry]:
    """The commitments that pay for this deployment or action."""
    return list(
        LedgerEntry.objects.filter(
            kind=EntryKind.COMMITMENT,
            purpose_type=ContentType.objects.get_for_model(purpose),
            purpose_id=purpose.pk,
        ).select_related("fund")
    )


@transaction.atomic
def draw(
    *,
    actor,
    via,
    fund,
    purpose,
    amount_pence: int,
    reason: str,
    ring_fence=None,
    dated: date | None = None,
) -> LedgerEntry:
    """Commit money from the fund to a deployment or a casework action (refused with the
    shortfall when the fund cannot pay, and when a commitment already pays for it)."""
    check_may_keep(actor, via, fund.la_id)
    if not isinstance(purpose, tuple(KINDS.values())):
        raise Refused("Choose a deployment, a power used or a structural solution")
    school = school_of(purpose)
    if school.la_id != fund.la_id:
        raise Refused(f"{school.name} is not a school of {fund.la.name}")
    for existing in funding_of(purpose):
        left = outstanding_pence(commitment=existing)
        if left > 0:
            raise Conflict(
                f"{existing.fund} already pays for this ({pounds(left)} committed): "
                "release that commitment first"
            )
    return funds.commit(
        actor=actor,
        via=via,
        fund=fund,
        amount_pence=amount_pence,
        dated=dated or timezone.localdate(),
        reason=required(reason, "the reason for paying for it from the fund"),
        description=describe(purpose),
        establishment=school,
        ring_fence=ring_fence,
        purpose=purpose,
    )
