from datetime import date

from uplift.governors.models import Governor


def _client(client, user):
    client.force_login(user)
    return client


def test_a_governing_body_answers_its_vacancies_and_governors(client, gw, bodies):
    answer = _client(client, gw["officer"]).get("/api/v1/governing-bodies/117003")
    assert answer.status_code == 200
    data = answer.json()
    assert (data["places"], data["vacancies"], data["vacancy_percent"]) == (5, 2, 40)
    assert data["needs_attention"] is True
    assert {g["name"] for g in data["governors"]} == {"Eve Chair", "Parent 0", "Parent 1"}


def test_a_school_outside_scope_answers_404(client, gw, bodies):
    assert _client(client, gw["head"]).get("/api/v1/governing-bodies/117002").status_code == 404


def test_vacancies_list_the_schools_needing_attention_first(client, gw, bodies):
    data = _client(client, gw["officer"]).get("/api/v1/governor-vacancies").json()
    assert [r["urn"] for r in data["results"]] == [117003, 117001, 117002]
    attention = client.get("/api/v1/governor-vacancies?attention=true").json()
    assert [r["urn"] for r in attention["results"]] == [117003, 117001]


def test_governors_of_one_school(client, gw, bodies):
    data = _client(client, gw["chair"]).get("/api/v1/governors?urn=117002").json()
    assert data["count"] == 8
    assert _client(client, gw["chair"]).get("/api/v1/governors?urn=117001").json()["count"] == 0


def test_appointing_a_governor_through_the_api(client, gw, bodies):
    payload = {
        "name": "Api Parent",
        "category": "parent",
        "appointed_by": "The parents",
        "starts_on": "2026-09-01",
        "term_ends_on": "2030-08-31",
    }
    answer = _client(client, gw["head"]).post(
        "/api/v1/governing-bodies/117001/governors", payload, content_type="application/json"
    )
    assert answer.status_code == 201
    assert Governor.objects.get(name="Api Parent").starts_on == date(2026, 9, 1)
    refused = client.post(
        "/api/v1/governing-bodies/117001/governors",
        payload | {"category": "additional"},
        content_type="application/json",
    )
    assert refused.status_code == 403
