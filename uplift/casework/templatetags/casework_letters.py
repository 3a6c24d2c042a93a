"""Template tags of the letter and monitoring board includes."""

from django import template

from uplift.accounts import scoping

register = template.Library()


@register.simple_tag
def runs_casework(user, establishment) -> bool:
    """Whether the user runs casework for the school (writes letters, records meetings)."""
    return scoping.can_run_casework(user, establishment)
