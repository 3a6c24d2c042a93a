"""{% crumb "Label" url %}: one step of a page's breadcrumb, declared in its crumbs block."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def crumb(label, url):
    return format_html(
        '<li class="govuk-breadcrumbs__list-item">'
        '<a class="govuk-breadcrumbs__link" href="{}">{}</a></li>',
        url,
        label,
    )
