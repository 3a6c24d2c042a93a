import json

import pytest

from tests.api.helpers import V1, assert_error
from tests.support.plans_world import build, make_cycle, make_objective, make_plan, past, today
from uplift.api.services import create_token
from uplift.audit.models import AuditEvent


@pytest.fixture
def w(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build()


@pytest.fixture
def call(client):
    def call(user, method, path, body=None):
        headers = {"Authorization": f"Bearer {create_token(user=user).secret}"}
        if method == "get":
            return client.get(V1 + path, headers=headers)
        return client.post(
            V1 + path, json.dumps(body or {}), content_type="application/json", headers=headers
        )

    return call


def test_a_school_s_plans_with_their_latest_ratings(w, call):
    plan = make_plan(w)
    objective = make_objective(w, plan)
    call(
        w.officer,
        "post",
        f"/objectives/{objective.pk}/reviews",
        {"reviewed_on": str(past(1)), "rag": "green", "commentary": "On track", "version": 2},
    )
    body = call(w.head, "get", f"/schools/{w.school.urn}/action-plans").json()
    assert body["count"] == 1
    [found] = body["results"]
    assert found["title"] == plan.title and found["objectives"][0]["latest_rag"] == "green"
    assert found["objectives"][0]["reviews"] is None
    detail = call(w.head, "get", f"/action-plans/{plan.pk}").json()
    assert [r["rag"] for r in detail["objectives"][0]["reviews"]] == ["green"]
    assert_error(call(w.head, "get", f"/schools/{w.same_la.urn}/action-plans"), 404, "not_found")
    assert_error(call(w.users["board.member"], "get", f"/action-plans/{plan.pk}"), 403, "forbidden")


def test_a_plan_is_built_through_the_api_and_audited_as_such(w, call):
    response = call(
        w.adviser,
        "post",
        "/action-plans",
        {"urn": w.school.urn, "title": "Reading", "starts_on": str(past(30))},
    )
    assert response.status_code == 201, response.content
    plan = response.json()
    response = call(
        w.adviser,
        "post",
        f"/action-plans/{plan['id']}/objectives",
        {"text": "Phonics", "owner_id": w.head.pk, "due_on": str(today()), "version": 1},
    )
    assert response.status_code == 201
    objective = response.json()["objectives"][0]
    response = call(
        w.adviser,
        "post",
        f"/objectives/{objective['id']}/milestones",
        {"text": "Audit", "due_on": str(today()), "version": 2},
    )
    milestone = response.json()["objectives"][0]["milestones"][0]
    response = call(
        w.adviser,
        "post",
        f"/milestones/{milestone['id']}/done",
        {"done_on": str(today()), "version": 3},
    )
    assert response.json()["objectives"][0]["milestones"][0]["done_on"] == str(today())
    response = call(
        w.adviser,
        "post",
        f"/action-plans/{plan['id']}/close",
        {"closed_on": str(today()), "reason": "Achieved", "version": 4},
    )
    assert response.json()["status"] == "closed"
    assert set(
        AuditEvent.objects.filter(action__startswith="action_plan").values_list("via", flat=True)
    ) == {"api"}


def test_a_refused_change_answers_409_with_the_rule(w, call):
    plan = make_plan(w, starts_on=past(5))
    response = call(
        w.officer,
        "post",
        f"/action-plans/{plan.pk}/objectives",
        {
            "text": "Phonics",
            "owner_id": w.users["board.member"].pk,
            "due_on": str(today()),
            "version": 1,
        },
    )
    error = assert_error(response, 409, "conflict")
    assert "cannot own an objective" in error["message"]
    assert error["details"][0]["type"] == "owner_sees_school"
    response = call(
        w.head,
        "post",
        f"/action-plans/{plan.pk}/close",
        {"closed_on": str(today()), "reason": "x", "version": 1},
    )
    assert_error(response, 403, "forbidden")
    response = call(
        w.adviser,
        "post",
        "/action-plans",
        {"urn": w.other_la.urn, "title": "x", "starts_on": str(today())},
    )
    assert_error(response, 404, "not_found")


def test_a_support_cycle_through_the_api(w, call):
    response = call(
        w.officer,
        "post",
        "/support-cycles",
        {"urn": w.school.urn, "started_on": str(past(10)), "summary": "Review"},
    )
    assert response.status_code == 201
    cycle = response.json()
    assert cycle["stage"] == "collaborative_review"
    assert cycle["next_stages"] == ["intervention_plan"]
    response = call(
        w.officer,
        "post",
        f"/support-cycles/{cycle['id']}/steps",
        {"stage": "second_review", "happened_on": str(today()), "summary": "Skip", "version": 1},
    )
    assert assert_error(response, 409, "conflict")["details"][0]["type"] == "no_skipping"
    plan = make_plan(w)
    response = call(
        w.officer,
        "post",
        f"/support-cycles/{cycle['id']}/steps",
        {
            "stage": "intervention_plan",
            "happened_on": str(today()),
            "summary": "Plan",
            "plan_id": plan.pk,
            "version": 1,
        },
    )
    assert response.json()["plan_id"] == plan.pk and len(response.json()["steps"]) == 2
    listed = call(w.users["chair"], "get", f"/schools/{w.school.urn}/support-cycles").json()
    assert [c["stage"] for c in listed["results"]] == ["intervention_plan"]
    make_cycle(w, school=w.same_la)
    response = call(
        w.officer,
        "post",
        "/support-cycles",
        {"urn": w.same_la.urn, "started_on": str(today()), "summary": "Again"},
    )
    assert assert_error(response, 409, "conflict")["details"][0]["type"] == "one_running_cycle"
