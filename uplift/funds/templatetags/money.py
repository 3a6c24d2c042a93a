from django import template

from uplift.funds.access import can_keep_money_of, own_la
from uplift.funds.money import pounds as _pounds

register = template.Library()


@register.filter
def pounds(pence) -> str:
    """Pence as pounds: {{ 250000|pounds }} -> £2,500.00."""
    return "" if pence is None else _pounds(pence)


@register.filter
def sets_up_money(user) -> bool:
    """Whether the user may set up funds, providers, schemes and services for their LA."""
    return own_la(user) is not None


@register.filter
def keeps_money_of(user, la_id) -> bool:
    """{% if user|keeps_money_of:scheme.la_id %}: whether the user keeps that LA's money."""
    return can_keep_money_of(user, la_id)
