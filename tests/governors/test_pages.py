"""The governor services pages as their users meet them."""

from datetime import date

from django.test import Client
from django.utils import timezone

from uplift.audit.models import AuditEvent
from uplift.casework.models import ConcernCase
from uplift.governors.models import GoverningBody, Governor


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_governor_services_page_lists_schools_needing_attention(
    gw, bodies, django_assert_max_num_queries
):
    client = _client(gw["officer"])
    with django_assert_max_num_queries(15):
        page = client.get("/governors/?show=attention")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Abbots Langley Primary" in text  # the chair's term has expired
    assert "the chair&#x27;s term has expired" in text
    assert "Chorleywood Primary" in text  # 40% vacant
    assert "40% of places vacant" in text
    assert "Baldock Primary" not in text  # exactly 20%
    assert "All governing bodies (3)" in text


def test_the_list_page_does_not_grow_its_queries_with_schools(
    gw, bodies, django_assert_max_num_queries
):
    client = _client(gw["officer"])
    with django_assert_max_num_queries(15):
        client.get("/governors/")


def test_a_head_sees_and_keeps_only_their_own_schools_body(gw, bodies):
    client = _client(gw["head"])
    page = client.get("/governors/").content.decode()
    assert "Abbots Langley Primary" in page and "Baldock Primary" not in page
    assert client.get("/governors/117001/").status_code == 200
    assert client.get("/governors/117002/").status_code == 404
    assert client.get("/governors/117002/edit/").status_code == 404
    assert client.get("/governors/117001/governors/new/").status_code == 200


def test_a_body_page_shows_governors_terms_and_vacancies(gw, bodies):
    page = _client(gw["adviser"]).get("/governors/117003/").content.decode()
    assert "Eve Chair (chair)" in page
    assert "2 vacant" in page
    assert "Add a governor" not in page  # advisers read only


def test_recording_a_body_through_the_page(gw):
    client = _client(gw["chair"])
    answer = client.post(
        "/governors/117002/edit/",
        {
            "kind": "governing_body",
            "clerk": "Pat Clerk",
            "clerked_by_la": "on",
            "places_parent": "3",
            "places_co_opted": "2",
        },
    )
    assert answer.status_code == 302
    body = GoverningBody.objects.get(establishment__urn=117002)
    assert body.clerked_by_la and body.places.count() == 2
    again = client.post(
        "/governors/117002/edit/",
        {"kind": "governing_body", "places_parent": "3", "version": "1", "reason": ""},
    )
    assert "Enter the reason for the change" in again.content.decode()


def test_adding_a_governor_and_recording_leaving(gw, bodies):
    client = _client(gw["head"])
    answer = client.post(
        "/governors/117001/governors/new/",
        {
            "name": "Pip Parent",
            "category": "parent",
            "role": "member",
            "appointed_by": "The parents",
            "starts_on_day": "1",
            "starts_on_month": "9",
            "starts_on_year": "2026",
            "term_ends_on_day": "31",
            "term_ends_on_month": "8",
            "term_ends_on_year": "2030",
        },
    )
    assert answer.status_code == 302
    pip = Governor.objects.get(name="Pip Parent")
    answer = client.post(
        f"/governors/governors/{pip.pk}/leave/",
        {"left_on_day": "1", "left_on_month": "11", "left_on_year": "2026", "reason": "Moved away"},
    )
    assert answer.status_code == 302
    pip.refresh_from_db()
    assert pip.left_on == date(2026, 11, 1)
    assert AuditEvent.objects.filter(action="governors.left", reason="Moved away").exists()


def test_a_governance_concern_on_a_case_links_to_the_governing_body(gw, bodies):
    today = timezone.localdate()
    case = ConcernCase.objects.create(
        establishment=gw.schools[0],
        opened_on=today,
        opened_by="officer",
        opening_reason="Governance",
        stage="concern_raised",
        stage_changed_on=today,
        recorded_at=timezone.now(),
    )
    page = _client(gw["officer"]).get(f"/casework/cases/{case.pk}/").content.decode()
    assert "Governance concern" in page
    assert 'href="/governors/117001/"' in page
    assert "section 60(2)(b)" in page
