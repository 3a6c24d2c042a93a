from django import template

register = template.Library()


@register.filter
def category_label(code: str, definition) -> str:
    """A category's label in a policy's definition (the code when the policy lacks it)."""
    return definition.label(code)
