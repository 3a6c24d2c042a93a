"""The cases API: the list and a case for those who read cases, each step as a POST calling
the same services as the pages, refusals in the error envelope with the rule's message."""

import pytest

from tests.api.helpers import V1, assert_error
from tests.casework.cases_fixtures import (  # noqa: F401 (fixtures)
    BEFORE_BANK_HOLIDAY,
    las_fixture,
    open_case_fixture,
    schools_fixture,
    send_concern_letter,
    users_fixture,
    walk_fixture,
)
from uplift.api.services import create_token
from uplift.audit.models import AuditEvent
from uplift.casework.models import ConcernCase, Stage

pytestmark = pytest.mark.django_db


def version(case) -> int:
    """The case's version now, as a client reads it before a step."""
    return ConcernCase.objects.get(pk=case.pk).version


@pytest.fixture
def call(client):
    def call(user, method, path, body=None, **params):
        headers = {"Authorization": f"Bearer {create_token(user=user).secret}"}
        if method == "get":
            return client.get(V1 + path, params, headers=headers)
        return client.post(V1 + path, body or {}, content_type="application/json", headers=headers)

    return call


def test_the_list_is_scoped_and_filtered(call, users, open_case, schools):
    ours = open_case()
    open_case(school=schools["essex"], actor=users["admin"])
    body = call(users["officer"], "get", "/cases").json()
    assert [c["id"] for c in body["results"]] == [ours.pk]
    assert body["results"][0]["school"] == {
        "urn": 117001,
        "name": "Abbots Langley Primary",
        "la_code": "919",
        "la_name": "Hertfordshire",
    }
    assert call(users["admin"], "get", "/cases", la="881").json()["count"] == 1
    assert call(users["officer"], "get", "/cases", stage="closed").json()["count"] == 0
    assert_error(call(users["head"], "get", "/cases"), 403, "forbidden")


def test_a_case_out_of_scope_is_not_found(call, users, open_case, schools):
    theirs = open_case(school=schools["essex"], actor=users["admin"])
    assert_error(call(users["officer"], "get", f"/cases/{theirs.pk}"), 404, "not_found")
    assert_error(call(users["head"], "get", f"/cases/{theirs.pk}"), 404, "not_found")


def test_open_a_case_then_a_second_is_refused_with_the_rule(call, users):
    created = call(users["officer"], "post", "/cases", {"urn": 117001, "reason": "Results fell"})
    assert created.status_code == 201, created.content
    assert created.json()["stage"] == "concern_raised"
    again = call(users["officer"], "post", "/cases", {"urn": 117001, "reason": "Again"})
    error = assert_error(again, 409, "conflict")
    assert "already has an open case" in error["message"]
    assert_error(
        call(users["officer"], "post", "/cases", {"urn": 881001, "reason": "x"}), 404, "not_found"
    )
    assert_error(
        call(users["adviser"], "post", "/cases", {"urn": 117001, "reason": "x"}), 403, "forbidden"
    )


def test_the_warning_notice_answers_its_deadline_after_the_bank_holiday(call, users, open_case):
    case = open_case()
    response = call(
        users["officer"],
        "post",
        f"/cases/{case.pk}/warning-notices",
        {
            "grounds": ["standards"],
            "issued_on": "2026-05-22",
            "compliance_working_days": 1,
            "version": version(case),
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    # Friday 22 May 2026; Monday 25 May is the spring bank holiday.
    assert body["compliance_deadline"] == "2026-05-26"
    assert body["powers_window_ends"] == "2026-07-26"
    default = call(
        users["officer"],
        "post",
        f"/cases/{case.pk}/warning-notices",
        {"grounds": ["safety"], "issued_on": "2026-05-22", "version": version(case)},
    ).json()
    assert (default["compliance_working_days"], default["compliance_deadline"]) == (
        15,
        "2026-06-15",
    )
    assert AuditEvent.objects.filter(action="case.warning_notice_issued", via="api").count() == 2


def test_a_notice_without_grounds_is_refused_with_the_rule(call, users, open_case):
    case = open_case()
    response = call(
        users["officer"],
        "post",
        f"/cases/{case.pk}/warning-notices",
        {"issued_on": "2026-05-22", "version": version(case)},
    )
    error = assert_error(response, 409, "conflict")
    assert "at least one of the three statutory grounds" in error["message"]


def test_moves_powers_structural_and_close(call, users, open_case, walk):
    case = open_case()
    send_concern_letter(case)
    moved = call(
        users["officer"],
        "post",
        f"/cases/{case.pk}/moves",
        {
            "to_stage": "letter_of_concern",
            "on": "2026-03-02",
            "reason": "Letter sent",
            "version": version(case),
        },
    )
    assert moved.status_code == 200 and moved.json()["stage"] == "letter_of_concern"
    stale = call(
        users["officer"],
        "post",
        f"/cases/{case.pk}/moves",
        {
            "to_stage": "pre_warning",
            "on": "2026-03-10",
            "reason": "x",
            "version": 1,
            "action_plan_due_on": "2026-04-01",
        },
    )
    assert "changed while you were looking" in assert_error(stale, 409, "conflict")["message"]
    case = walk(ConcernCase.objects.get(pk=case.pk), "eligible")
    late = call(
        users["officer"],
        "post",
        f"/cases/{case.pk}/powers",
        {
            "power": "s64",
            "used_on": "2026-08-17",
            "details": "Two governors",
            "version": version(case),
        },
    )
    assert "window closed on 15 August 2026" in assert_error(late, 409, "conflict")["message"]
    used = call(
        users["officer"],
        "post",
        f"/cases/{case.pk}/powers",
        {
            "power": "s66",
            "used_on": "2026-07-01",
            "details": "Budget suspended",
            "version": version(case),
        },
    )
    assert used.status_code == 201
    refused = call(
        users["officer"],
        "post",
        f"/cases/{case.pk}/close",
        {"closed_on": "2026-09-01", "reason": "Academy opened", "version": version(case)},
    )
    assert "s.66 (used on 1 July 2026)" in assert_error(refused, 409, "conflict")["message"]
    told = call(
        users["officer"],
        "post",
        f"/powers/{used.json()['id']}/dfe-notification",
        {"notified_on": "2026-07-02"},
    )
    assert told.json()["dfe_notified_on"] == "2026-07-02"
    solution = call(
        users["officer"],
        "post",
        f"/cases/{case.pk}/structural-solutions",
        {
            "kind": "academy_order",
            "decided_on": "2026-07-10",
            "academy_order_on": "2026-07-10",
            "version": version(case),
        },
    )
    assert solution.status_code == 201
    closed = call(
        users["officer"],
        "post",
        f"/cases/{case.pk}/close",
        {"closed_on": "2026-09-01", "reason": "Academy opened", "version": version(case)},
    )
    assert closed.json()["stage"] == Stage.CLOSED
    detail = call(users["officer"], "get", f"/cases/{case.pk}").json()
    assert [c["to_stage"] for c in detail["stage_changes"]][-3:] == [
        "powers_used",
        "structural",
        "closed",
    ]
    assert detail["next_steps"] == []


def test_an_adviser_reads_but_may_not_step(call, users, open_case):
    case = open_case()
    assert call(users["adviser"], "get", f"/cases/{case.pk}").status_code == 200
    response = call(
        users["adviser"],
        "post",
        f"/cases/{case.pk}/close",
        {"closed_on": "2026-04-01", "reason": "x", "version": version(case)},
    )
    assert_error(response, 403, "forbidden")


def test_the_detail_lists_next_steps_with_their_reasons(call, users, open_case):
    case = open_case()
    steps = {
        s["code"]: s
        for s in call(users["officer"], "get", f"/cases/{case.pk}").json()["next_steps"]
    }
    assert steps["warning_notice"]["allowed"] is True
    assert steps["eligible"]["allowed"] is False
    assert steps["eligible"]["reasons"][0].startswith("The school is not eligible")
