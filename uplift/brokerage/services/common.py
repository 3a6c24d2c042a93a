"""What the brokerage services share: who may act, required text, versions, audit events."""

from django.utils import timezone

from uplift.audit.models import Via
from uplift.audit.services import record_event, snapshot
from uplift.core.errors import NotAllowed, Refused, StaleVersion

TRUSTED_CHANNELS = {Via.CLI, Via.SYSTEM}  # run by whoever operates the server


def user_of(actor):
    return actor if actor is not None and actor.is_authenticated else None


def require(actor, via, allowed: bool, what: str) -> None:
    """Refuse (403) unless the actor may, or it is the server's own command line."""
    if actor is None and via in TRUSTED_CHANNELS:
        return
    if not allowed:
        raise NotAllowed(f"You cannot {what}.")


def required(text: str, what: str, max_length: int | None = None) -> str:
    text = (text or "").strip()
    if not text:
        raise Refused(f"Enter {what}")
    if max_length is not None and len(text) > max_length:
        raise Refused(f"{what[0].upper()}{what[1:]} must be {max_length} characters or fewer")
    return text


def locked(model, obj, version: int | None, what: str):
    """The object's row, locked; refused as stale if its version moved on."""
    current = model.objects.select_for_update(of=("self",)).get(pk=obj.pk)
    if version is not None and current.version != version:
        raise StaleVersion(
            f"Someone changed this {what} while you were looking at it. Nothing was saved: "
            "reload the page to see their change, then make yours again."
        )
    return current


def save_versioned(obj, fields: list[str], actor=None, reason: str = ""):
    obj.version += 1
    if user_of(actor) is not None:
        obj._history_user = actor
    obj._change_reason = reason
    obj.save(update_fields=[*fields, "version"])
    return obj


def audit(actor, via, action: str, obj, *, establishment=None, la=None, changes=None, reason=""):
    record_event(
        actor=actor,
        via=via,
        action=action,
        obj=obj,
        establishment=establishment,
        la=la,
        changes=changes if changes is not None else created(obj),
        reason=reason,
    )


def created(obj) -> dict:
    return {name: [None, value] for name, value in snapshot(obj).items() if value not in ("", [])}


def now():
    return timezone.now()
