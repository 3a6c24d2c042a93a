"""/api/v1 school-to-school support: issue 12's done-when through the API, refusals, scoping
and bounded queries."""

import json
from datetime import date, timedelta

from django.utils import timezone

from tests.api.helpers import V1, assert_error
from tests.brokerage.world import AGREED, SESSION_DAYS, bw_fixture  # noqa: F401
from uplift.api.services import create_token
from uplift.audit.models import AuditEvent


def _headers(user):
    return {"Authorization": f"Bearer {create_token(user=user).secret}"}


def _post(client, user, path, body):
    return client.post(
        V1 + path,
        json.dumps(body, default=str),
        content_type="application/json",
        headers=_headers(user),
    )


def _get(client, user, path, params=None):
    return client.get(V1 + path, params or {}, headers=_headers(user))


def _agree_body(leader_id, version):
    return {
        "leader_id": leader_id,
        "days_planned": 10,
        "starts_on": AGREED,
        "ends_on": AGREED + timedelta(days=150),
        "review_on": AGREED + timedelta(days=90),
        "school_agreed_on": AGREED,
        "supporter_agreed_on": AGREED,
        "la_agreed_on": AGREED,
        "objectives": [{"text": "A sequenced curriculum in every subject"}],
        "version": version,
    }


def test_request_to_ledger_through_the_api(client, bw):
    officer, head, amy = bw.officer, bw["headteacher"], bw["amy"]
    _post(
        client,
        officer,
        f"/credits/{bw.ryde.urn}",
        {"credits": 100, "occurred_on": "2026-10-01", "reason": "Allocation"},
    )
    made = _post(
        client,
        officer,
        "/support-requests",
        {
            "urn": bw.ryde.urn,
            "raised_from": "case",
            "case_id": bw.case.pk,
            "areas": ["curriculum_teaching", "leadership_governance"],
            "days": 10,
            "needed_by": timezone.localdate() + timedelta(days=30),
            "funding": "credits",
        },
    )
    assert made.status_code == 201, made.content
    body = made.json()
    assert [p["leader"] for p in body["proposals"]] == ["Amy Ashwell", "Cara Cotton"]
    ben = next(e for e in body["exclusions"] if e["leader"] == "Ben Barley")
    assert ben["codes"] == ["conflict_same_trust"]

    stale = _post(
        client,
        officer,
        f"/support-requests/{body['id']}/deployments",
        _agree_body(body["proposals"][0]["leader_id"], body["version"] + 5),
    )
    assert assert_error(stale, 409, "conflict")["details"][0]["type"] == "stale_version"
    agreed = _post(
        client,
        officer,
        f"/support-requests/{body['id']}/deployments",
        _agree_body(body["proposals"][0]["leader_id"], body["version"]),
    )
    assert agreed.status_code == 201, agreed.content
    deployment = agreed.json()
    assert deployment["credits"] == 100 and deployment["days_planned"] == 10

    for day in SESSION_DAYS:
        logged = _post(
            client,
            amy,
            f"/deployments/{deployment['id']}/sessions",
            {"held_on": day, "days": 1, "focus": "Sequencing", "notes": "Notes"},
        )
        assert logged.status_code == 201, logged.content
    session_id = logged.json()["id"]
    commented = _post(
        client,
        head,
        f"/deployments/{deployment['id']}/sessions/{session_id}/comment",
        {"comment": "Helpful"},
    )
    assert commented.status_code == 200 and commented.json()["school_comment"] == "Helpful"
    again = _post(
        client,
        head,
        f"/deployments/{deployment['id']}/sessions/{session_id}/comment",
        {"comment": "Again"},
    )
    assert assert_error(again, 409, "conflict")["details"][0]["type"] == "already_commented"

    earned = _get(client, amy, f"/credits/{bw.schools['ashwell'].urn}", {"year": "2026-27"})
    assert earned.json()["earned"] == 30 and earned.json()["closing"] == 30
    spent = _get(client, head, f"/credits/{bw.ryde.urn}", {"year": "2026-27"}).json()
    assert (spent["spent"], spent["closing"]) == (30, 70)
    detail = _get(client, head, f"/deployments/{deployment['id']}").json()
    assert detail["days_delivered"] == 3 and len(detail["sessions"]) == 3
    assert AuditEvent.objects.filter(via="api", action="brokerage.session_logged").count() == 3


def test_refusals(client, bw):
    head = bw["headteacher"]
    bad = _post(
        client,
        bw.officer,
        "/support-requests",
        {
            "urn": bw.ryde.urn,
            "areas": ["juggling"],
            "days": 3,
            "needed_by": timezone.localdate() + timedelta(days=3),
            "funding": "la",
        },
    )
    assert "Unknown area: juggling" in assert_error(bad, 422, "validation_error")["message"]
    forbidden = _post(client, head, "/support-organisations", {"kind": "private", "name": "X"})
    assert_error(forbidden, 403, "forbidden")
    other = _post(
        client,
        head,
        "/support-requests",
        {
            "urn": bw.schools["essex"].urn,
            "areas": ["inclusion"],
            "days": 1,
            "needed_by": timezone.localdate() + timedelta(days=3),
            "funding": "la",
        },
    )
    assert_error(other, 404, "not_found")
    below = _post(
        client,
        bw.officer,
        f"/credits/{bw.ryde.urn}",
        {"credits": -5, "occurred_on": "2026-10-01", "reason": "Fix"},
    )
    assert assert_error(below, 409, "conflict")["details"][0]["type"] == "credits_below_nought"
    assert_error(_get(client, head, f"/credits/{bw.schools['essex'].urn}"), 404, "not_found")
    assert_error(_get(client, bw["board.member"], "/support-organisations"), 403, "forbidden")


def test_head_asks_for_their_own_school(client, bw):
    made = _post(
        client,
        bw["headteacher"],
        "/support-requests",
        {
            "urn": bw.ryde.urn,
            "raised_from": "officer",
            "areas": ["send"],
            "days": 2,
            "needed_by": timezone.localdate() + timedelta(days=30),
            "funding": "school",
        },
    )
    assert made.status_code == 201, made.content
    assert made.json()["raised_from"] == "school" and made.json()["proposals"] is None


def test_lists_take_bounded_queries(client, bw, django_assert_max_num_queries):
    for _ in range(3):
        bw.session(bw.agree(), day=date(2026, 11, 9))
    headers = _headers(bw.officer)
    for path, bound in (
        ("/system-leaders", 16),
        ("/support-organisations", 8),
        ("/deployments", 8),
        ("/support-requests", 8),
    ):
        with django_assert_max_num_queries(bound):
            response = client.get(V1 + path, headers=headers)
        assert response.status_code == 200 and response.json()["count"] >= 3, path
