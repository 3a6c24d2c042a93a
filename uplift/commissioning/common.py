"""What the commissioning services share: who may act, required text, audit events."""

from datetime import date

from uplift.audit.services import record_event
from uplift.core.errors import Refused, StaleVersion
from uplift.funds.money import pounds
from uplift.funds.services import check_may_keep

__all__ = ["apply_changes", "check_may_keep", "event", "locked_at", "required", "user_or_none"]


def user_or_none(actor):
    return actor if actor is not None and actor.is_authenticated else None


def required(text: str, what: str, *, limit: int | None = None) -> str:
    text = (text or "").strip()
    if not text:
        raise Refused(f"Enter {what}")
    if limit is not None and len(text) > limit:
        raise Refused(f"Keep {what} to {limit} characters")
    return text


def event(actor, via, action, obj, *, la, changes, reason="", establishment=None):
    record_event(
        actor=actor,
        via=via,
        action=action,
        obj=obj,
        la=la,
        establishment=establishment,
        changes=changes,
        reason=reason,
    )


def locked_at(model, obj, version):
    """The record locked for an edit; StaleVersion if someone changed it since the form."""
    current = model.objects.select_for_update().get(pk=obj.pk)
    if version is None or current.version != version:
        raise StaleVersion()
    return current


def apply_changes(current, wanted: dict, labels: dict, shown=str) -> dict:
    """Set each wanted value on the record; {label: [before, after]} of what changed
    (refused when nothing did). `shown(field, value)` words a value for the history."""
    changes = {}
    for field, value in wanted.items():
        before = getattr(current, field)
        if before != value:
            changes[labels[field]] = [shown(field, before), shown(field, value)]
            setattr(current, field, value)
    if not changes:
        raise Refused("Change something before saving")
    current.version += 1
    return changes


def worded(field, value):
    """A value as the history of changes shows it."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if field.endswith("_pence"):
        return pounds(value)
    if isinstance(value, date):
        return f"{value:%-d %B %Y}"
    return value if isinstance(value, int | str | list) else str(value)
