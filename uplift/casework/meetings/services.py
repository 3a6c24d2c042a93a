"""Monitoring board (MSP) meetings: recording a meeting with its members, minutes and
actions, adding an action later, and marking an action done. Each change runs in one
transaction with its audit event; a refused change writes nothing."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from uplift.audit.services import record_event
from uplift.casework import access
from uplift.casework.letters.rules import NotInFuture
from uplift.casework.meetings.rules import (
    ActionAlreadyDone,
    ActionIncomplete,
    CaseOfAnotherSchool,
    DoneBeforeMeeting,
    DueBeforeMeeting,
    NoMembers,
    NoMinutes,
    OwnerCannotSeeSchool,
)
from uplift.casework.meetings.selectors import action_owners, owner_label
from uplift.casework.models import MeetingAction, MonitoringMeeting
from uplift.core.errors import NotAllowed, Refused
from uplift.schools.services import school_label


@dataclass(frozen=True)
class _Action:
    description: str
    owner: object
    due_on: date


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _save_with_history(instance, actor, reason: str) -> None:
    if _user(actor) is not None:
        instance._history_user = actor
    instance._change_reason = reason
    instance.save()


def _members(members) -> list[str]:
    cleaned = []
    for member in members or ():
        member = " ".join(str(member).split())
        if member and member not in cleaned:
            cleaned.append(member)
    return cleaned


def _action(establishment, held_on: date, description, owner, due_on) -> _Action:
    description = (description or "").strip()
    needed = (("a description", description), ("an owner", owner), ("a due date", due_on))
    missing = [what for what, value in needed if not value]
    if missing:
        raise ActionIncomplete(missing=_and_list(missing))
    if not action_owners(establishment=establishment).filter(pk=owner.pk).exists():
        raise OwnerCannotSeeSchool(owner=owner_label(owner), school=school_label(establishment))
    DueBeforeMeeting.check(due_on, held_on)
    return _Action(description, owner, due_on)


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _action_event(actor, via, action: MeetingAction, establishment, action_name: str, reason):
    record_event(
        actor=actor,
        via=via,
        action=action_name,
        obj=action,
        establishment=establishment,
        changes={
            "description": [None, action.description],
            "owner": [None, action.owner.get_username()],
            "due_on": [None, action.due_on.isoformat()],
        },
        reason=reason,
    )


def record_meeting(
    *,
    actor,
    via: str,
    establishment,
    case=None,
    held_on: date,
    members: list[str],
    minutes: str,
    actions: list[dict] = (),
) -> MonitoringMeeting:
    """Record a meeting of the school's monitoring board. `actions` are dicts with
    description, owner (a user) and due_on."""
    if not access.can_run_casework(actor, establishment):
        raise NotAllowed("You cannot record this school's monitoring board meetings")
    if held_on is None:
        raise Refused("Enter the date of the meeting")
    NotInFuture.check(held_on, timezone.localdate(), "date of the meeting")
    members = _members(members)
    NoMembers.check(members)
    NoMinutes.check(minutes)
    CaseOfAnotherSchool.check(case, establishment)
    checked = [
        _action(establishment, held_on, row.get("description"), row.get("owner"), row.get("due_on"))
        for row in actions or ()
    ]
    with transaction.atomic():
        meeting = MonitoringMeeting(
            establishment=establishment,
            case=case,
            held_on=held_on,
            members=members,
            minutes=minutes.strip(),
            recorded_by=_user(actor),
            recorded_at=timezone.now(),
        )
        reason = "Monitoring board meeting recorded"
        _save_with_history(meeting, actor, reason)
        record_event(
            actor=actor,
            via=via,
            action="meeting.recorded",
            obj=meeting,
            establishment=establishment,
            changes={
                "held_on": [None, held_on.isoformat()],
                "members": [None, members],
                "case": [None, case.pk if case else None],
                "actions": [None, len(checked)],
            },
            reason=reason,
        )
        for row in checked:
            action = MeetingAction(
                meeting=meeting, description=row.description, owner=row.owner, due_on=row.due_on
            )
            _save_with_history(action, actor, reason)
            _action_event(actor, via, action, establishment, "meeting.action_added", reason)
    return meeting


def add_meeting_action(
    *, actor, via: str, meeting: MonitoringMeeting, description: str, owner, due_on: date
) -> MeetingAction:
    establishment = meeting.establishment
    if not access.can_run_casework(actor, establishment):
        raise NotAllowed("You cannot change this school's monitoring board meetings")
    row = _action(establishment, meeting.held_on, description, owner, due_on)
    with transaction.atomic():
        action = MeetingAction(
            meeting=meeting, description=row.description, owner=row.owner, due_on=row.due_on
        )
        reason = "Action added to a monitoring board meeting"
        _save_with_history(action, actor, reason)
        _action_event(actor, via, action, establishment, "meeting.action_added", reason)
    return action


def can_complete_action(user, action: MeetingAction) -> bool:
    """The action's owner, or whoever runs the school's casework (its LA's officers)."""
    if user is None or not user.is_authenticated:
        return False
    return action.owner_id == user.pk or access.can_run_casework(user, action.meeting.establishment)


def complete_action(
    *, actor, via: str, action: MeetingAction, done_on: date, note: str = ""
) -> MeetingAction:
    """Mark the action done on `done_on`, with a note of what was done."""
    if not can_complete_action(actor, action):
        raise NotAllowed("Only the action's owner or an officer of the school's LA can do this")
    if done_on is None:
        raise Refused("Enter the date the action was done")
    NotInFuture.check(done_on, timezone.localdate(), "date the action was done")
    meeting = action.meeting
    DoneBeforeMeeting.check(done_on, meeting.held_on)
    note = (note or "").strip()
    with transaction.atomic():
        locked = MeetingAction.objects.select_for_update().get(pk=action.pk)
        ActionAlreadyDone.check(locked)
        locked.done_on, locked.done_note = done_on, note
        reason = note or "Action done"
        _save_with_history(locked, actor, reason)
        record_event(
            actor=actor,
            via=via,
            action="meeting.action_done",
            obj=locked,
            establishment=meeting.establishment,
            changes={"done_on": [None, done_on.isoformat()], "done_note": ["", note]},
            reason=reason,
        )
    return locked
