from django import template

from uplift.funds.money import pounds as _pounds

register = template.Library()


@register.filter
def pounds(pence) -> str:
    """Pence as pounds: {{ 250000|pounds }} -> £2,500.00."""
    return "" if pence is None else _pounds(pence)
