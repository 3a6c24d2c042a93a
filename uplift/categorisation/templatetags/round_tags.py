from django import template

from uplift.categorisation.judgements.selectors import missing_counts_for_round
from uplift.categorisation.rounds.selectors import category_history

register = template.Library()


@register.simple_tag
def category_history_of(establishment):
    """The school's categories, newest first (the first is the current one)."""
    return category_history(establishment=establishment)


@register.inclusion_tag("categorisation/judgements/summary.html")
def missing_judgements(round_, policy_version=None):
    """How many of the round's schools lack each judgement the policy needs, with a link."""
    return {"round": round_, "missing": missing_counts_for_round(round_, policy_version)}
