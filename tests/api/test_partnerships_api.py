"""/api/v1/partnerships, /partnerships/{id}/meetings and /meetings/{id}/votes: in the
caller's scope (404 outside it), recording votes through the same service (a rule's refusal
answers 409 with its code)."""

import pytest

from tests.api.helpers import V1, assert_error
from tests.partnerships.conftest import MEETING_DAY
from tests.partnerships.conftest import pw as pw  # the fixture
from uplift.api.services import create_token
from uplift.audit.models import Via
from uplift.partnerships import meetings

pytestmark = pytest.mark.django_db


def headers(user):
    return {"Authorization": f"Bearer {create_token(user=user).secret}"}


@pytest.fixture
def motion(pw):
    meeting = meetings.schedule_meeting(
        actor=pw["officer"], via=Via.WEB, partnership=pw.partnership, held_on=MEETING_DAY, title="B"
    )
    meetings.record_attendance(
        actor=pw["officer"],
        via=Via.WEB,
        meeting=meeting,
        version=meeting.version,
        seats=[pw.seats[key] for key in ("chair", "head_a", "head_b", "head_c", "officer")],
    )
    return meetings.propose_motion(
        actor=pw["officer"], via=Via.WEB, meeting=meeting, text="That the board meets monthly"
    )


def test_reading_in_scope(client, pw, motion, django_assert_max_num_queries):
    p = pw.partnership.pk
    listed = client.get(f"{V1}/partnerships", headers=headers(pw["head_a"])).json()
    assert [row["name"] for row in listed["results"]] == ["North Herts Consortium"]
    with django_assert_max_num_queries(14):  # auth, scope, the partnership and its lists
        body = client.get(f"{V1}/partnerships/{p}", headers=headers(pw["head_a"])).json()
    assert body["schools"] == [117001, 117002, 117003]
    assert [s["holder"] is None for s in body["seats"]].count(True) == 1  # the west seat
    meetings_page = client.get(f"{V1}/partnerships/{p}/meetings", headers=headers(pw["chair"]))
    assert meetings_page.json()["results"][0]["id"] == motion.meeting_id
    for outsider in (pw["former"], pw["essex_officer"]):
        assert_error(
            client.get(f"{V1}/partnerships/{p}", headers=headers(outsider)), 404, "not_found"
        )
        path = f"{V1}/meetings/{motion.meeting_id}/votes"
        assert_error(client.get(path, headers=headers(outsider)), 404, "not_found")


def test_recording_votes(client, pw, motion):
    path = f"{V1}/meetings/{motion.meeting_id}/votes"
    tied = [
        {"seat_id": pw.seats["chair"].pk, "choice": "for"},
        {"seat_id": pw.seats["head_a"].pk, "choice": "against"},
    ]
    body = {"motion_id": motion.pk, "votes": tied}
    forbidden = client.post(
        path, body, content_type="application/json", headers=headers(pw["chair"])
    )
    assert_error(forbidden, 403, "forbidden")
    officer = headers(pw["officer"])
    refused = client.post(path, body, content_type="application/json", headers=officer)
    error = assert_error(refused, 409, "conflict")
    assert error["details"][0]["type"] == "tie_needs_the_casting_vote"
    decided = client.post(
        path, {**body, "casting_vote": "for"}, content_type="application/json", headers=officer
    )
    assert decided.status_code == 200
    result = decided.json()
    assert result["quorate"] and result["motions"][0]["outcome"] == "carried"
    assert result["motions"][0]["casting_vote"] == "for"
    assert client.get(path, headers=headers(pw["head_b"])).json() == result
