"""Template filters for plain words (built in: no {% load %} needed).

{{ user|person }}        a person's full name, never their login name
{{ value|or_not_recorded }}  "Not recorded" instead of None or blank
"""

from django import template

from uplift.core import words

register = template.Library()


@register.filter
def person(user, nobody: str = "a former user") -> str:
    return words.person_name(user or None, nobody=nobody)


@register.filter
def or_not_recorded(value) -> str:
    return words.or_not_recorded(value)


@register.filter
def date_parts(value) -> list:
    """A date field's value as [day, month, year] for GOV.UK's date input, whether it is the
    initial date (today, say) or the boxes as typed."""
    if hasattr(value, "year") and hasattr(value, "day"):
        return [value.day, value.month, value.year]
    if isinstance(value, list | tuple):
        return list(value) + [None] * (3 - len(value))
    return [None, None, None]


@register.filter
def category_heading(label: str) -> str:
    """A heading for a category label: "Category 2 (Good)" as it is, "A" as "Category A"."""
    label = (label or "").strip()
    if not label:
        return "Category not recorded"
    if label.lower().startswith(("category", "not enough")):
        return label
    return f"Category {label}"


@register.filter
def school_name(school) -> str:
    """A school's name, or, for a school no imported file has named yet, its URN, type and
    LA ("Unnamed school (URN 117001, community school, Hertfordshire)")."""
    return words.school_name(school)
