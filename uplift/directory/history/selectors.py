"""Reading the audit trail: an object's history and an LA's recent changes, in the user's
scope (the app's access module decides which objects and LAs)."""

import re
from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q, QuerySet

from uplift.accounts import access as accounts_access
from uplift.audit.models import AuditEvent
from uplift.audit.words import event_words
from uplift.core.dates import long_date
from uplift.core.words import humanise_code, looks_like_code
from uplift.directory.history import access as history_access
from uplift.schools.models import Establishment

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FIELD_LABELS = {  # where a model's own verbose name would read badly
    "la": "Local authority",
    "member": "School",
    "joined_on": "Joined",
    "left_on": "Left",
    "assigned_establishments": "Assigned schools (URNs)",
}


def find_object(user, *, label: str, pk: str):
    """The object named "app_label.model" + pk, if this user may read its history; else None."""
    app_label, _, model_name = label.partition(".")
    try:
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    except ContentType.DoesNotExist:
        return None
    if model is None:
        return None
    try:
        return history_access.history_objects(user, model).filter(pk=pk).first()
    except (ValueError, ValidationError):
        return None


def object_events(obj) -> QuerySet[AuditEvent]:
    """The events about the object, newest first; for a school, also every event that
    concerns it (a group it joined or left, an adviser it was assigned to)."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    about = Q(content_type=content_type, object_id=str(obj.pk))
    if isinstance(obj, Establishment):
        about |= Q(establishment=obj)
    return _shown(AuditEvent.objects.filter(about))


def recent_events(user) -> QuerySet[AuditEvent]:
    """Every change in the user's LA (all of them for a system administrator)."""
    if not accounts_access.can_read_history(user):
        return AuditEvent.objects.none()
    if accounts_access.is_system_admin(user):
        return _shown(AuditEvent.objects.all())
    return _shown(AuditEvent.objects.filter(la_id=accounts_access.profile_of(user).la_id))


def _shown(events: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
    joined = events.select_related("content_type", "establishment", "actor")
    return joined.order_by("-occurred_at", "-id")


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class EventView:
    """An event as a page shows it: what happened, and each field's before and after."""

    event: AuditEvent
    action: str
    changes: list[Change]

    @property
    def object_label(self) -> str:
        """The object's kind as the history page's address names it: app_label.model."""
        content_type = self.event.content_type
        return f"{content_type.app_label}.{content_type.model}"


def describe(events) -> list[EventView]:
    """Readable events (no queries: the content types come with the events). Any key of any
    event renders: a value that is not a [before, after] pair is shown as the value after."""
    return [
        EventView(event=event, action=event_words(event.action), changes=_changes(event))
        for event in events
    ]


def _changes(event: AuditEvent) -> list[Change]:
    changes = event.changes if isinstance(event.changes, dict) else {"change": event.changes}
    shown = []
    for name, value in sorted(changes.items(), key=lambda item: str(item[0])):
        if isinstance(value, list | tuple) and len(value) == 2:
            before, after = value
        else:
            before, after = None, value
        shown.append(Change(_field_label(event, str(name)), _text(before), _text(after)))
    return shown


def _field_label(event: AuditEvent, name: str) -> str:
    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    model = event.content_type.model_class()
    try:
        field = model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        field = None
    # a reverse relation (a meeting's "actions") has no verbose name of its own
    label = str(getattr(field, "verbose_name", "") or "") or name.replace("_", " ")
    return _sentence(label)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _text(value) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list | tuple):
        return ", ".join(filter(None, (_text(v) for v in value)))
    if isinstance(value, dict):
        parts = (f"{_sentence(str(k).replace('_', ' '))}: {_text(v)}" for k, v in value.items())
        return "; ".join(parts)
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return long_date(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, str) and looks_like_code(value):
        return humanise_code(value)  # a stored code, e.g. a status: "awaiting_comment"
    return str(value)
