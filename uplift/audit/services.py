"""Writing audit events, inside the transaction of the change they describe."""

import datetime
import getpass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from uplift.audit.models import AuditEvent, Via

SYSTEM_LABEL = "system"
# The reason of an action that asks for none (a login, a setting up of defaults): stated, so
# that every event says either why or that nobody was asked.
NO_REASON_ASKED = "No reason asked"


def record_event(
    *,
    actor,
    via: str,
    action: str,
    obj,
    changes: dict | None = None,
    reason: str,
    establishment=None,
    la=None,
    actor_label: str = "",
) -> AuditEvent:
    """Record one change. Call it inside the caller's transaction, after the write, so the
    event and the change are saved together or not at all. The LA defaults to the
    establishment's, then to the object's own `la` if it has one. `reason` is required: the
    person's reason, or NO_REASON_ASKED for an action that asks for none (a blank reason is
    recorded as that). Without a user, the command line is named with the machine's user."""
    if via not in Via.values:
        raise ValueError(f"unknown channel {via!r}")
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("record_event must run inside the change's transaction")
    user = actor if actor is not None and actor.is_authenticated else None
    if la is None:
        la = getattr(establishment, "la", None) or getattr(obj, "la", None)
    return AuditEvent.objects.create(
        occurred_at=timezone.now(),
        actor=user,
        actor_label=actor_label or (user.get_username() if user else _no_user_label(via)),
        via=via,
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        establishment=establishment,
        la=la,
        changes=changes or {},
        reason=(reason or "").strip() or NO_REASON_ASKED,
    )


def record_events(
    *, actor, via: str, action: str, items, reason: str = "", actor_label: str = ""
) -> list[AuditEvent]:
    """Record one change to each of many objects in one insert, inside the caller's
    transaction (a bulk decision, an import's rows). `items` are (obj, establishment,
    changes) triples, or (obj, establishment, changes, reason) when each has its own reason;
    each event's LA is its establishment's."""
    if via not in Via.values:
        raise ValueError(f"unknown channel {via!r}")
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("record_events must run inside the change's transaction")
    user = actor if actor is not None and actor.is_authenticated else None
    label = actor_label or (user.get_username() if user else _no_user_label(via))
    now = timezone.now()
    types = {}
    events = []
    for obj, establishment, changes, *own_reason in items:
        model = type(obj)
        if model not in types:
            types[model] = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        events.append(
            AuditEvent(
                occurred_at=now,
                actor=user,
                actor_label=label,
                via=via,
                action=action,
                content_type=types[model],
                object_id=str(obj.pk),
                object_repr=str(obj)[:255],
                establishment=establishment,
                la_id=getattr(establishment, "la_id", None),
                changes=changes or {},
                reason=((own_reason[0] if own_reason else reason) or "").strip() or NO_REASON_ASKED,
            )
        )
    return AuditEvent.objects.bulk_create(events)


def _no_user_label(via: str) -> str:
    if via != Via.CLI:
        return SYSTEM_LABEL
    try:
        return f"command line ({getpass.getuser()})"
    except (KeyError, OSError):  # no name for the process's user
        return "command line"


def snapshot(instance, fields=None) -> dict:
    """The instance's concrete field values, by field name, as a person reads them:
    choices by their label, foreign keys by the related object's text, dates in ISO."""
    chosen = set(fields) if fields is not None else None
    values = {}
    for field in instance._meta.concrete_fields:
        if chosen is not None and field.name not in chosen:
            continue
        values[field.name] = _readable(instance, field)
    return values


def _readable(instance, field):
    raw = field.value_from_object(instance)
    if raw is None:
        return None
    if field.is_relation:
        return str(getattr(instance, field.name))
    if field.choices:
        return str(dict(field.flatchoices).get(raw, raw))
    return to_json_value(raw)


def diff(before: dict, after: dict) -> dict:
    """{field: [before, after]} for every field whose value differs."""
    return {
        name: [before.get(name), after.get(name)]
        for name in sorted(before.keys() | after.keys())
        if before.get(name) != after.get(name)
    }


def to_json_value(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.date):  # datetime too
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    return str(value)
