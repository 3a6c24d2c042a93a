"""Permission-matrix rows of the monitoring board (MSP) pages and API (see
test_permission_matrix.py). Meetings are the LA staff's: heads and chairs get 404, except
that the owner of an action may mark it done."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.web.matrix_letters import open_case
from uplift.casework.models import MeetingAction, MonitoringMeeting

READERS = "in  ok  ok  404 ok  404 404 404 404"
READERS_NOT_ASSIGNED = "in  ok  ok  404 404 404 404 404 404"
RECORDERS = "in  ok  ok  404 403 404 404 404 404"
ONLY_ADMIN = "in  ok  404 404 404 404 404 404 404"
HEADS_ACTION = "in  ok  ok  404 403 ok  404 404 404"
API_READERS = "401 ok  ok  404 ok  404 404 404 404"
API_ONLY_ADMIN = "401 ok  404 404 404 404 404 404 404"
POST_ONLY = "405 405 405 405 405 405 405 405 405"


def meeting(school, owner, case=None) -> tuple[MonitoringMeeting, MeetingAction]:
    today = timezone.localdate()
    held = MonitoringMeeting.objects.create(
        establishment=school,
        case=case,
        held_on=today - timedelta(days=7),
        members=["Priya Shah, LA officer"],
        minutes="Progress reviewed.",
        recorded_at=timezone.now(),
    )
    action = MeetingAction.objects.create(
        meeting=held, description="Send the action plan", owner=owner, due_on=today
    )
    return held, action


def rows(w) -> list[tuple[str, str, str]]:
    users = get_user_model().objects
    ours, heads_action = meeting(
        w.in_scope, users.get(username="headteacher"), open_case(w.in_scope)
    )
    theirs, their_action = meeting(w.other_la, users.get(username="admin"))
    s = "casework/schools/<int:urn>/meetings/"
    m = "casework/meetings/<int:pk>/"
    done = "casework/meeting-actions/<int:pk>/done/"
    api = "api/v1/schools/<int:urn>/meetings"
    return [
        (s, "/casework/schools/117001/meetings/", READERS),
        (s, "/casework/schools/117002/meetings/", READERS_NOT_ASSIGNED),
        (s, "/casework/schools/881001/meetings/", ONLY_ADMIN),
        (f"{s}new/", "/casework/schools/117001/meetings/new/", RECORDERS),
        (f"{s}new/", "/casework/schools/881001/meetings/new/", ONLY_ADMIN),
        (m, f"/casework/meetings/{ours.pk}/", READERS),
        (m, f"/casework/meetings/{theirs.pk}/", ONLY_ADMIN),
        (f"{m}actions/new/", f"/casework/meetings/{ours.pk}/actions/new/", RECORDERS),
        (f"{m}actions/new/", f"/casework/meetings/{theirs.pk}/actions/new/", ONLY_ADMIN),
        (done, f"/casework/meeting-actions/{heads_action.pk}/done/", HEADS_ACTION),
        (done, f"/casework/meeting-actions/{their_action.pk}/done/", ONLY_ADMIN),
        (api, "/api/v1/schools/117001/meetings", API_READERS),
        (api, "/api/v1/schools/881001/meetings", API_ONLY_ADMIN),
        (
            "api/v1/meeting-actions/<int:action_id>/done",
            f"/api/v1/meeting-actions/{heads_action.pk}/done",
            POST_ONLY,
        ),
    ]
