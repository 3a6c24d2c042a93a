"""Built-in filters: {{ event.action|event_words }}, {{ event|actor_words }}."""

from django import template

from uplift.audit import words

register = template.Library()
register.filter("event_words", words.event_words)
register.filter("actor_words", words.actor_words)
