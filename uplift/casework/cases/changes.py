"""What every change to a concern case shares: the refusals (a casework rule's, a stale
page's), who may act, and the steps each service takes in its transaction: lock the case and
check its version, ask the casework rules, move it to a stage, save it with its history, and
record the audit event. Used by cases_services, notices_services and powers_services."""

from datetime import date

from django.utils import timezone

from uplift.audit.models import Via
from uplift.audit.services import record_event
from uplift.casework import access
from uplift.casework.cases.rules import base as rules
from uplift.casework.cases.rules.registry import refusals
from uplift.casework.models import ConcernCase, StageChange
from uplift.core.errors import NotAllowed, Refused, RuleRefused, StaleVersion

TRUSTED_CHANNELS = {Via.CLI, Via.SYSTEM}  # run by whoever operates the server


def acting_user(actor):
    """The signed-in user acting, or None for the command line and the system."""
    return actor if actor is not None and actor.is_authenticated else None


def actor_label(actor) -> str:
    """Who acted, as a stage change names them: a username or "system"."""
    user = acting_user(actor)
    return user.get_username() if user else "system"


def check_actor(actor, via: str, establishment) -> None:
    """Refuse (NotAllowed) an actor who may not run the school's casework; the command line
    and the system act without a user."""
    if actor is None and via in TRUSTED_CHANNELS:
        return
    if not access.can_run_casework(actor, establishment):
        raise NotAllowed("You cannot run casework for this school")


def required_text(text: str, what: str) -> str:
    """The text stripped; refused ("Enter ...") when it is blank."""
    text = (text or "").strip()
    if not text:
        raise Refused(f"Enter {what}")
    return text


def required_date(value, what: str) -> date:
    """The date; refused ("Enter ...") when it is missing."""
    if value is None:
        raise Refused(f"Enter {what}")
    return value


def enforce(attempt: rules.Attempt) -> None:
    """Raise RuleRefused with the first casework rule that refuses the attempt."""
    found = refusals(attempt)
    if found:
        raise RuleRefused(found[0].rule, found[0].message)


def locked_case(case: ConcernCase, version: int | None) -> ConcernCase:
    """The case read again and locked for the transaction; StaleVersion when a version is given
    and the case is no longer at it."""
    current = (
        ConcernCase.objects.select_for_update(of=("self",))
        .select_related("establishment__la")
        .get(pk=case.pk)
    )
    check_version(current, version)
    return current


def check_version(current: ConcernCase, version: int | None) -> None:
    """StaleVersion when a version is given and the (locked) case is no longer at it."""
    if version is not None and current.version != version:
        raise StaleVersion(
            f"Case {current.pk} changed while you were looking at it (it is now at "
            f"{current.get_stage_display().lower()}). Check its current state and try again."
        )


def save_case(case: ConcernCase, actor, reason: str, fields: list[str]) -> None:
    """Save the changed fields and bump the version (with the history's user and reason)."""
    case.version += 1  # the row is locked (select_for_update) and its version checked
    case._history_user = acting_user(actor)
    case._change_reason = reason[:100] if reason else ""
    case.save(update_fields=[*fields, "version"])


def move_stage(
    case: ConcernCase, *, to_stage: str, on: date, actor, reason: str, now
) -> StageChange:
    """Record the move to another stage and set the case's stage (the caller saves it)."""
    change = StageChange.objects.create(
        case=case,
        from_stage=case.stage,
        to_stage=to_stage,
        changed_on=on,
        reason=reason,
        actor=acting_user(actor),
        actor_label=actor_label(actor),
        recorded_at=now,
    )
    case.stage, case.stage_changed_on = to_stage, on
    return change


def case_event(*, actor, via, action, obj, case, changes, reason) -> None:
    """Record the step's audit event against the case's school."""
    record_event(
        actor=actor,
        via=via,
        action=action,
        obj=obj,
        establishment=case.establishment,
        changes=changes,
        reason=reason,
    )


def today() -> date:
    """Today in the site's time zone."""
    return timezone.localdate()
