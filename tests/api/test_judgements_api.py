"""/api/v1/judgements: list and record officers' judgements, with the scope of the pages and
a stale `version` refused with 409."""

import pytest

from tests.api.helpers import V1, assert_error
from uplift.audit.models import AuditEvent, Via
from uplift.categorisation import services
from uplift.categorisation.models import OfficerJudgement


@pytest.fixture
def policy(herts, personas):
    draft = services.create_policy_from_preset(
        actor=None,
        via=Via.CLI,
        la=herts,
        preset="peterborough_2013",
        name="Peterborough",
        reason="test",
    )
    return services.activate_version(actor=None, via=Via.CLI, version=draft, reason="test")


def post(client, bearer, user, body):
    return client.post(
        V1 + "/judgements", body, content_type="application/json", headers=bearer(user)
    )


def test_an_officer_records_and_lists_judgements(client, bearer, api_get, personas, policy):
    officer = personas["la.officer"]
    body = {
        "urn": 117001,
        "criterion": "self_evaluation",
        "value": "secure",
        "evidence": "SEF matches what we saw",
        "judged_on": "2026-07-14",
        "version": 0,
    }
    created = post(client, bearer, officer, body)
    assert created.status_code == 201, created.content
    data = created.json()
    assert (data["criterion_label"], data["value"], data["version"]) == (
        "Quality of school self-evaluation",
        "secure",
        1,
    )
    assert data["recorded_by"] != "la.officer"
    event = AuditEvent.objects.get(action="categorisation.judgement_recorded")
    assert event.via == Via.API
    stale = post(client, bearer, officer, body | {"value": "concern"})
    assert assert_error(stale, 409, "conflict")["details"][0]["type"] == "stale_version"
    newer = post(client, bearer, officer, body | {"value": "concern", "version": 1})
    assert newer.status_code == 201 and newer.json()["version"] == 2
    listed = api_get(officer, "/judgements", {"urn": 117001}).json()
    assert listed["count"] == 2
    assert [r["value"] for r in listed["results"]] == ["concern", "secure"]
    standing = api_get(officer, "/judgements", {"standing": "true"}).json()
    assert [r["value"] for r in standing["results"]] == ["concern"]
    off_scale = post(client, bearer, officer, body | {"value": "B", "version": 2})
    assert assert_error(off_scale, 422, "validation_error")["details"][0]["type"] == "not_on_scale"
    assert OfficerJudgement.objects.count() == 2


def test_the_api_keeps_the_pages_scope(client, bearer, api_get, personas, policy):
    body = {"urn": 881001, "criterion": "self_evaluation", "value": "secure", "evidence": "x"}
    assert post(client, bearer, personas["la.officer"], body).status_code == 404
    assert post(client, bearer, personas["headteacher"], body | {"urn": 117002}).status_code == 403
    assert api_get(personas["headteacher"], "/judgements").status_code == 403
    adviser = personas["adviser"]
    assert post(client, bearer, adviser, body | {"urn": 117002}).status_code == 404
    assert post(client, bearer, adviser, body | {"urn": 117001}).status_code == 201
