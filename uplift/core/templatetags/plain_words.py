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
