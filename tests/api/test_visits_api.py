"""The visits API: a school's visits and entitlement, and each step of a visit, acting for
the token's user through the same services as the pages."""

import pytest

from tests.api.helpers import V1, assert_error
from tests.support.visits_world import PAST, vw_fixture  # noqa: F401
from uplift.api.services import create_token
from uplift.audit.models import AuditEvent
from uplift.support.models import Visit, VisitStatus


@pytest.fixture
def call(client):
    def send(user, method: str, path: str, body=None):
        headers = {"Authorization": f"Bearer {create_token(user=user).secret}"}
        if method == "get":
            return client.get(V1 + path, body or {}, headers=headers)
        return getattr(client, method)(
            V1 + path, body or {}, content_type="application/json", headers=headers
        )

    return send


def test_the_whole_workflow_by_api(vw, call):
    vw.categorise(vw.school, "4")
    adviser, head = vw["adviser"], vw["headteacher"]
    created = call(
        adviser,
        "post",
        "/visits",
        {"urn": 117001, "scheduled_for": PAST.isoformat(), "purpose": "Focus visit"},
    )
    assert created.status_code == 201, created.content
    visit = created.json()
    assert visit["adviser"]["name"] == "Tom Brennan" and visit["academic_year"] == "2026-27"
    assert visit["status"] == "scheduled" and visit["note"]["sections"] == []

    path = f"/visits/{visit['id']}"
    sections = [
        {"heading": h, "text": f"About {h}"}
        for h in (
            "Purpose of the visit",
            "Evidence seen",
            "Strengths",
            "Areas for development",
            "Agreed actions",
            "Next visit",
        )
    ]
    saved = call(adviser, "put", f"{path}/note", {"sections": sections, "version": 1})
    assert saved.status_code == 200 and saved.json()["status"] == "drafted"
    shared = call(adviser, "post", f"{path}/share", {"version": saved.json()["version"]})
    assert shared.json()["status"] == "awaiting_comment"
    assert call(head, "get", path).json()["note"]["sections"][2]["text"] == "About Strengths"
    commented = call(
        head, "post", f"{path}/comment", {"comment": "Agreed", "version": shared.json()["version"]}
    )
    assert commented.status_code == 200 and commented.json()["note"]["head_comment"] == "Agreed"
    final = call(adviser, "post", f"{path}/finalise", {"version": commented.json()["version"]})
    assert final.json()["status"] == "finalised"

    found = call(adviser, "get", "/schools/117001/entitlement", {"year": "2026-27"}).json()
    assert found == {
        "urn": 117001,
        "academic_year": "2026-27",
        "category_code": "4",
        "category_label": "Category 4 (Inadequate)",
        "visits_per_year": 9,
        "visits_used": 1,
        "visits_planned": 0,
        "remaining": 8,
        "support_offer": found["support_offer"],
    }
    listed = call(head, "get", "/schools/117001/visits").json()
    assert listed["count"] == 1 and listed["results"][0]["id"] == visit["id"]
    assert set(
        AuditEvent.objects.filter(action__startswith="visit.").values_list("via", flat=True)
    ) == {"api"}


def test_a_refused_step_answers_409_with_the_rule(vw, call):
    visit = vw.visit()
    answer = call(vw["adviser"], "post", f"/visits/{visit.pk}/share", {"version": visit.version})
    error = assert_error(answer, 409, "conflict")
    assert error["details"][0]["type"] == "shared_only_once_drafted"
    assert "Only a note being written is shared" in error["message"]


def test_a_stale_version_answers_409(vw, call):
    visit = vw.write(vw.visit())
    answer = call(vw["adviser"], "post", f"/visits/{visit.pk}/share", {"version": 1})
    assert assert_error(answer, 409, "conflict")["details"][0]["type"] == "stale_version"


def test_who_may_not_take_a_step_gets_403(vw, call):
    visit = vw.through(vw.visit(), "share")
    answer = call(
        vw["chair"],
        "post",
        f"/visits/{visit.pk}/comment",
        {"comment": "x", "version": visit.version},
    )
    assert_error(answer, 403, "forbidden")
    answer = call(
        vw["headteacher"],
        "post",
        "/visits",
        {"urn": 117001, "scheduled_for": PAST.isoformat(), "purpose": "x"},
    )
    assert_error(answer, 403, "forbidden")


def test_the_note_is_hidden_from_the_head_until_shared(vw, call):
    visit = vw.write(vw.visit())
    body = call(vw["headteacher"], "get", f"/visits/{visit.pk}").json()
    assert body["note"] is None and body["status"] == "drafted"


def test_other_schools_are_not_found(vw, call):
    other = vw.visit(school=vw.same_la)
    head = vw["headteacher"]
    assert_error(call(head, "get", f"/visits/{other.pk}"), 404, "not_found")
    assert_error(call(head, "get", "/schools/117002/visits"), 404, "not_found")
    assert_error(call(head, "get", "/schools/117002/entitlement"), 404, "not_found")
    assert_error(
        call(head, "post", f"/visits/{other.pk}/comment", {"comment": "x", "version": 1}),
        404,
        "not_found",
    )
    assert_error(call(vw["dfe.viewer"], "get", "/schools/117001/visits"), 403, "forbidden")


def test_schedule_with_another_adviser_and_the_adviser_rule(vw, call):
    officer = vw["la.officer"]
    body = {"urn": 117001, "scheduled_for": PAST.isoformat(), "purpose": "Review"}
    assert_error(call(officer, "post", "/visits", body), 422, "validation_error")
    refused = call(officer, "post", "/visits", {**body, "adviser_id": vw.essex_adviser.pk})
    assert (
        assert_error(refused, 409, "conflict")["details"][0]["type"] == "adviser_of_the_schools_la"
    )
    made = call(officer, "post", "/visits", {**body, "adviser_id": vw["adviser"].pk})
    assert made.status_code == 201 and Visit.objects.get().created_by == officer


def test_cancel_and_a_bad_year(vw, call):
    visit = vw.visit()
    answer = call(
        vw["la.officer"],
        "post",
        f"/visits/{visit.pk}/cancel",
        {"reason": "Snow", "version": visit.version},
    )
    assert answer.json()["status"] == VisitStatus.CANCELLED
    assert answer.json()["cancelled_reason"] == "Snow"
    bad = call(vw["la.officer"], "get", "/schools/117001/entitlement", {"year": "2026"})
    assert "is not an academic year" in assert_error(bad, 400, "bad_request")["message"]
