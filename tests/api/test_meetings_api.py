"""The monitoring board API: a school's meetings, recording one with actions, marking an
action done."""

from datetime import date

import pytest

from tests.api.helpers import V1, assert_error
from uplift.audit.models import AuditEvent, Via
from uplift.casework.models import MeetingAction

pytestmark = pytest.mark.django_db


def post(client, bearer, user, path, payload):
    return client.post(V1 + path, payload, content_type="application/json", headers=bearer(user))


MEETING = {
    "held_on": "2026-10-05",
    "members": ["Priya Shah, LA", "Gareth Jones, chair"],
    "minutes": "Reviewed progress.",
    "actions": [
        {"description": "Send the plan", "owner": "headteacher", "due_on": "2026-10-20"},
        {"description": "Visit", "owner": "adviser", "due_on": "2026-11-02"},
    ],
}


def test_an_officer_records_and_lists_meetings(client, bearer, api_get, personas):
    officer = personas["la.officer"]
    response = post(client, bearer, officer, "/schools/117002/meetings", MEETING)
    assert response.status_code == 201, response.content
    meeting = response.json()
    assert meeting["members"] == MEETING["members"]
    assert [a["owner"] for a in meeting["actions"]] == ["headteacher", "adviser"]
    assert AuditEvent.objects.get(action="meeting.recorded").via == Via.API
    listed = api_get(officer, "/schools/117002/meetings").json()
    assert listed["count"] == 1 and listed["results"][0]["actions"][0]["due_on"] == "2026-10-20"


def test_the_owner_marks_their_action_done(client, bearer, api_get, personas):
    post(client, bearer, personas["la.officer"], "/schools/117002/meetings", MEETING)
    heads = MeetingAction.objects.get(owner=personas["headteacher"])
    assert_error(api_get(personas["headteacher"], "/schools/117002/meetings"), 404, "not_found")
    done = post(
        client,
        bearer,
        personas["headteacher"],
        f"/meeting-actions/{heads.pk}/done",
        {"done_on": "2026-10-15", "note": "Sent"},
    )
    assert done.status_code == 200, done.content
    assert done.json()["done_on"] == "2026-10-15" and done.json()["owner"] == "headteacher"
    again = post(
        client,
        bearer,
        personas["la.officer"],
        f"/meeting-actions/{heads.pk}/done",
        {"done_on": "2026-10-16"},
    )
    assert "already marked done" in assert_error(again, 409, "conflict")["message"]
    advisers = MeetingAction.objects.get(owner=personas["adviser"])
    assert_error(
        post(
            client,
            bearer,
            personas["headteacher"],
            f"/meeting-actions/{advisers.pk}/done",
            {"done_on": "2026-10-15"},
        ),
        404,
        "not_found",
    )
    assert advisers.done_on is None
    assert MeetingAction.objects.get(pk=heads.pk).done_on == date(2026, 10, 15)


def test_refusals(client, bearer, personas):
    officer = personas["la.officer"]
    assert_error(
        post(client, bearer, personas["adviser"], "/schools/117001/meetings", MEETING),
        403,
        "forbidden",
    )
    assert_error(
        post(client, bearer, officer, "/schools/881001/meetings", MEETING), 404, "not_found"
    )
    unknown = {
        **MEETING,
        "actions": [{"description": "X", "owner": "nobody", "due_on": "2026-10-20"}],
    }
    error = assert_error(
        post(client, bearer, officer, "/schools/117002/meetings", unknown), 422, "validation_error"
    )
    assert error["details"][0]["location"] == "body.payload.actions.0.owner"
    no_members = {**MEETING, "members": [" "]}
    assert (
        "at least one member"
        in assert_error(
            post(client, bearer, officer, "/schools/117002/meetings", no_members), 409, "conflict"
        )["message"]
    )
    bad_case = {**MEETING, "case_id": 999}
    assert_error(
        post(client, bearer, officer, "/schools/117002/meetings", bad_case), 422, "validation_error"
    )
