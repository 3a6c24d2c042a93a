"""{% history_link obj %}: a link to the object's history, for those who may read it."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from uplift.accounts.access import can_read_history

register = template.Library()


@register.simple_tag(takes_context=True)
def history_link(context, obj, text="History of changes"):
    if not can_read_history(context["request"].user):
        return ""
    label = obj._meta.label_lower
    url = reverse("audit:object", args=[label, obj.pk])
    return format_html(
        '<p class="govuk-body"><a class="govuk-link" href="{}">{}</a></p>', url, text
    )
