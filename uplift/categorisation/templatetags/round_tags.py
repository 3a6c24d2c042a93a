from django import template

from uplift.categorisation.rounds.selectors import category_history

register = template.Library()


@register.simple_tag
def category_history_of(establishment):
    """The school's categories, newest first (the first is the current one)."""
    return category_history(establishment=establishment)
