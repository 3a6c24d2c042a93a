"""Template tags of the letter and monitoring board includes."""

from django import template

from uplift.casework import access

register = template.Library()


@register.simple_tag
def runs_casework(user, establishment) -> bool:
    """Whether the user runs casework for the school (writes letters, records meetings)."""
    return access.can_run_casework(user, establishment)
