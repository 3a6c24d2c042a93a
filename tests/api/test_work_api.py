"""GET /api/v1/me/work and GET /api/v1/schools/{urn}/timeline."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.api.helpers import assert_error
from uplift.casework.models import ConcernCase, Letter, MeetingAction, MonitoringMeeting
from uplift.support.models import Visit


def make_case(school, lead, opened_on=date(2026, 1, 12), **values):
    return ConcernCase.objects.create(
        establishment=school,
        opened_on=opened_on,
        opened_by="officer",
        opening_reason="Falling standards",
        stage_changed_on=opened_on,
        lead_officer=lead,
        recorded_at=timezone.now(),
        **values,
    )


@pytest.fixture
def casework(world, personas):
    """The head's school (117002) has a case with a sent letter and a monitoring board;
    the adviser has an overdue note to write there and owns an overdue action."""
    school = world["schools"]["herts_head"]
    officer, adviser = personas["la.officer"], personas["adviser"]
    case = make_case(school, officer, stage="pre_warning", action_plan_due_on=date(2026, 2, 1))
    Letter.objects.create(
        case=case,
        kind="concern",
        addressed_to="The head",
        subject="Letter of concern",
        body="Dear head",
        pdf=b"%PDF",
        generated_at=timezone.make_aware(timezone.datetime(2026, 1, 13, 10)),
        sent_on=date(2026, 1, 14),
        sent_method="post",
    )
    meeting = MonitoringMeeting.objects.create(
        establishment=school, held_on=date(2026, 2, 20), minutes="m", recorded_at=timezone.now()
    )
    yesterday = timezone.localdate() - timedelta(days=1)
    MeetingAction.objects.create(
        meeting=meeting, owner=adviser, due_on=yesterday, description="Chase the plan"
    )
    Visit.objects.create(
        establishment=world["schools"]["herts_a"],
        adviser=adviser,
        scheduled_for=yesterday,
        academic_year="2026-27",
        purpose="Reading review",
        recorded_at=timezone.now(),
    )
    return case


@pytest.mark.django_db
def test_my_work_as_json(api_get, personas, casework):
    body = api_get(personas["adviser"], "/me/work").json()

    assert body["overdue_count"] == 2
    [action] = body["actions"]
    assert action["title"] == "Chase the plan" and action["overdue"] is True
    assert action["school"] == {"urn": 117002, "name": "Bishop's Stortford High"}
    assert action["url"] == ""  # the board of a school not assigned to the adviser
    [note] = body["notes"]
    assert note["kind"] == "note_to_write" and note["url"].startswith("/support/visits/")
    assert body["cases"] == [] and body["visits"] == []

    officer = api_get(personas["la.officer"], "/me/work").json()
    [case] = officer["cases"]
    assert case["id"] == casework.pk and case["stage"] == "pre_warning"
    assert case["deadlines"][0] == {
        "label": "School's action plan due",
        "due_on": "2026-02-01",
        "overdue": True,
        "approaching": False,
    }


@pytest.mark.django_db
def test_my_work_is_empty_for_a_board_member_and_refused_without_credentials(
    client, api_get, personas
):
    body = api_get(personas["board.member"], "/me/work").json()
    assert [body[key] for key in ("visits", "notes", "actions", "objectives", "cases")] == [[]] * 5
    assert_error(client.get("/api/v1/me/work"), 401, "not_authenticated")


@pytest.mark.django_db
def test_the_timeline_as_each_role_may_see_it(api_get, personas, casework):
    officer = api_get(personas["la.officer"], "/schools/117002/timeline").json()
    kinds = {entry["kind"] for entry in officer["results"]}
    assert kinds == {"case", "letter", "meeting"}
    assert officer["count"] == len(officer["results"])

    head = api_get(personas["headteacher"], "/schools/117002/timeline").json()
    assert [entry["title"] for entry in head["results"]] == [
        "Letter of concern sent by post",
        "Letter of concern generated",
    ]

    letters = api_get(
        personas["la.officer"], "/schools/117002/timeline", {"kind": ["letter"], "limit": 1}
    ).json()
    assert letters["count"] == 2 and len(letters["results"]) == 1 and letters["next"]


@pytest.mark.django_db
def test_the_timeline_of_a_school_out_of_scope_or_an_unknown_kind(api_get, personas, casework):
    assert_error(api_get(personas["headteacher"], "/schools/117001/timeline"), 404, "not_found")
    assert_error(api_get(personas["la.officer"], "/schools/881001/timeline"), 404, "not_found")
    refused = api_get(personas["la.officer"], "/schools/117002/timeline", {"kind": "nonsense"})
    assert_error(refused, 422, "validation_error")
