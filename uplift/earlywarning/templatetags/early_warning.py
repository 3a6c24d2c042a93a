"""Filters for showing risk: a probability as a percentage, and a school's assessment from a
dictionary by school id."""

from django import template

register = template.Library()


@register.filter
def risk_percent(risk) -> str:
    """0.4234 -> "42%"; under 1% reads "under 1%"."""
    if risk is None:
        return ""
    percent = round(float(risk) * 100)
    return "under 1%" if percent < 1 else f"{percent}%"


@register.filter
def risk_for(risks: dict, school_id):
    """The assessment of the school `school_id` in `risks`, or None."""
    return risks.get(school_id) if risks else None
