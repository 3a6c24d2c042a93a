"""`{% payment_link item as paid %}`: the registered answer to who pays for the item (see
uplift/core/payment_links.py), for the signed-in user."""

from django import template

from uplift.core import payment_links

register = template.Library()


@register.simple_tag(takes_context=True)
def payment_link(context, item):
    request = context.get("request")
    if request is None or item is None:
        return None
    return payment_links.payment_link(user=request.user, item=item)
