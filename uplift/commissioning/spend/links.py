"""The deployment and case pages' "Pay from a fund" link (or "Paid from <fund>" when a
commitment already pays for the item), for officers who keep the school's LA's money;
registered with uplift.core.payment_links when the app is ready."""

from django.urls import reverse

from uplift.commissioning.spend.services import KINDS, funding_of, school_of
from uplift.core.payment_links import PaymentLink
from uplift.funds.access import can_keep_money_of
from uplift.funds.selectors import outstanding_pence


def pay_link(*, user, item) -> PaymentLink | None:
    kind = next((k for k, model in KINDS.items() if isinstance(item, model)), None)
    if kind is None or not can_keep_money_of(user, school_of(item).la_id):
        return None
    paying = [e for e in funding_of(item) if outstanding_pence(commitment=e) > 0]
    if paying:
        return PaymentLink("Paid from " + ", ".join(str(e.fund) for e in paying))
    return PaymentLink("Pay from a fund", reverse("commissioning:spend_draw", args=(kind, item.pk)))
