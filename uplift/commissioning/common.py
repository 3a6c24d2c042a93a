"""What the commissioning services share: who may act, required text, audit events."""

from uplift.audit.services import record_event
from uplift.core.errors import Refused
from uplift.funds.services import check_may_keep

__all__ = ["check_may_keep", "event", "required", "user_or_none"]


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
