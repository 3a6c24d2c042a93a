"""Monitoring board (MSP) meetings: a school's meetings, recording one with its actions, and
marking an action done. Meetings are for LA staff: a school whose meetings the caller may
not read answers 404. The same services as the pages (via "api")."""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.responses import Status

from uplift.api.calls import call
from uplift.api.errors import CHANGE_RESPONSES, ERROR_RESPONSES, error_response
from uplift.api.meetings.schemas import (
    ActionOut,
    DoneIn,
    MeetingIn,
    MeetingOut,
)
from uplift.api.pagination import Page, PageParams, paginate
from uplift.casework import access as casework_access
from uplift.casework.meetings import selectors, services
from uplift.casework.models import MeetingAction

router = Router(tags=["meetings"])


def action_out(action) -> dict:
    owner = action.owner
    return {
        "id": action.pk,
        "meeting_id": action.meeting_id,
        "description": action.description,
        "owner": owner.get_username(),
        "owner_name": owner.get_full_name().strip() or owner.get_username(),
        "due_on": action.due_on,
        "done_on": action.done_on,
        "done_note": action.done_note,
    }


def meeting_out(meeting) -> dict:
    school = meeting.establishment
    return {
        "id": meeting.pk,
        "school": {"urn": school.urn, "name": school.name},
        "case_id": meeting.case_id,
        "held_on": meeting.held_on,
        "members": list(meeting.members),
        "minutes": meeting.minutes,
        "recorded_by": meeting.recorded_by.get_username() if meeting.recorded_by else None,
        "recorded_at": meeting.recorded_at,
        "actions": [action_out(action) for action in meeting.actions.all()],
    }


def _school(request, urn: int):
    return get_object_or_404(
        casework_access.meeting_establishments(request.auth).select_related("la"), urn=urn
    )


@router.get(
    "/schools/{int:urn}/meetings",
    response={200: Page[MeetingOut], **ERROR_RESPONSES},
    summary="A school's monitoring board meetings",
)
def school_meetings(request, urn: int, page: Query[PageParams]):
    school = _school(request, urn)
    actions = MeetingAction.objects.select_related("owner").order_by("due_on", "id")
    meetings = (
        casework_access.visible_meetings(request.auth)
        .filter(establishment=school)
        .select_related("establishment", "recorded_by")
        .prefetch_related(Prefetch("actions", queryset=actions))
        .order_by("-held_on", "-id")
    )
    return paginate(request, meetings, page, present=lambda found: list(map(meeting_out, found)))


def _invalid(location: str, message: str):
    return error_response(
        422, details=[{"location": location, "message": message, "type": "value_error"}]
    )


@router.post(
    "/schools/{int:urn}/meetings",
    response={201: MeetingOut, **CHANGE_RESPONSES},
    summary="Record a monitoring board meeting with its actions",
)
def record_meeting(request, urn: int, payload: MeetingIn):
    school = _school(request, urn)
    if not casework_access.can_run_casework(request.auth, school):
        raise HttpError(403, "You cannot record this school's monitoring board meetings")
    case = None
    if payload.case_id is not None:
        case = (
            casework_access.visible_cases(request.auth)
            .filter(establishment=school, pk=payload.case_id)
            .first()
        )
        if case is None:
            return _invalid("body.payload.case_id", "Not a case of this school")
    users = get_user_model().objects.filter(
        username__in=[action.owner for action in payload.actions]
    )
    owners = {user.get_username(): user for user in users}
    actions = []
    for number, action in enumerate(payload.actions):
        if action.owner not in owners:
            return _invalid(f"body.payload.actions.{number}.owner", "No user has this username")
        actions.append(
            {
                "description": action.description,
                "owner": owners[action.owner],
                "due_on": action.due_on,
            }
        )
    meeting = call(
        services.record_meeting,
        request,
        establishment=school,
        case=case,
        held_on=payload.held_on,
        members=payload.members,
        minutes=payload.minutes,
        actions=actions,
    )
    return Status(201, meeting_out(selectors.meeting_for(user=request.auth, pk=meeting.pk)))


@router.post(
    "/meeting-actions/{int:action_id}/done",
    response={200: ActionOut, **CHANGE_RESPONSES},
    summary="Mark a monitoring board action done (its owner or an LA officer)",
)
def action_done(request, action_id: int, payload: DoneIn):
    action = selectors.action_for(user=request.auth, pk=action_id)
    if action is None:
        raise Http404
    done = call(
        services.complete_action,
        request,
        action=action,
        done_on=payload.done_on,
        note=payload.note,
    )
    done.owner = action.owner
    return action_out(done)
