"""The letters API: a case's letters, generating one, one letter, its PDF, and its sending."""

import pytest
from django.core import mail
from django.utils import timezone

from tests.api.helpers import V1, assert_error
from uplift.audit.models import AuditEvent, Via
from uplift.casework.letters import services
from uplift.casework.models import ConcernCase, LetterKind, LetterTemplate

pytestmark = pytest.mark.django_db


def make_case(school):
    today = timezone.localdate()
    return ConcernCase.objects.create(
        establishment=school,
        opened_on=today,
        opened_by="officer",
        opening_reason="Standards fell",
        stage="concern_raised",
        stage_changed_on=today,
        recorded_at=timezone.now(),
    )


@pytest.fixture
def case(world, personas):
    return make_case(world["schools"]["herts_head"])  # 117002, the headteacher's school


@pytest.fixture
def template(herts):
    services.ensure_default_letter_templates(la=herts)
    return LetterTemplate.objects.get(la=herts, kind=LetterKind.CONCERN)


def post(client, bearer, user, path, payload):
    return client.post(V1 + path, payload, content_type="application/json", headers=bearer(user))


def test_an_officer_generates_lists_and_sends_a_letter(
    client, bearer, api_get, personas, case, template, django_capture_on_commit_callbacks
):
    officer = personas["la.officer"]
    response = post(
        client,
        bearer,
        officer,
        f"/cases/{case.pk}/letters",
        {"template_id": template.pk, "note": "API"},
    )
    assert response.status_code == 201, response.content
    letter = response.json()
    assert letter["subject"].startswith("Our concerns about Bishop's Stortford High")
    assert letter["sent"] is False and letter["template_version"] == 1
    assert letter["school"] == {"urn": 117002, "name": "Bishop's Stortford High"}
    assert AuditEvent.objects.get(action="letter.generated").via == Via.API

    listed = api_get(officer, f"/cases/{case.pk}/letters").json()
    assert listed["count"] == 1 and listed["results"][0]["body"] is None

    today = timezone.localdate().isoformat()
    sending = {"sent_on": today, "method": "email", "sent_to": "clerk@school.invalid"}
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, bearer, officer, f"/letters/{letter['id']}/sending", sending)
    assert response.status_code == 200, response.content
    assert response.json()["sent_on"] == today and response.json()["sent_method"] == "email"
    assert mail.outbox[0].to == [
        "meera.patel@example.org",
        "gareth.jones@example.org",
        "clerk@school.invalid",
    ]

    again = post(client, bearer, officer, f"/letters/{letter['id']}/sending", sending)
    assert "a letter is sent once" in assert_error(again, 409, "conflict")["message"]

    pdf = api_get(officer, f"/letters/{letter['id']}/pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert AuditEvent.objects.get(action="letter.viewed").via == Via.API


def test_the_head_reads_only_sent_letters_of_their_school(api_get, personas, world, case, template):
    letter = services.generate_letter(
        actor=personas["la.officer"], via=Via.WEB, case=case, template=template
    )
    head = personas["headteacher"]
    assert_error(api_get(head, f"/letters/{letter.pk}"), 404, "not_found")
    assert_error(api_get(head, f"/letters/{letter.pk}/pdf"), 404, "not_found")
    assert_error(api_get(head, f"/cases/{case.pk}/letters"), 404, "not_found")
    services.record_letter_sent(
        actor=personas["la.officer"],
        via=Via.WEB,
        letter=letter,
        sent_on=timezone.localdate(),
        method="post",
    )
    assert api_get(head, f"/letters/{letter.pk}").json()["sent"] is True
    other = make_case(world["schools"]["herts_a"])
    other_letter = services.generate_letter(
        actor=personas["la.officer"], via=Via.WEB, case=other, template=template
    )
    services.record_letter_sent(
        actor=personas["la.officer"],
        via=Via.WEB,
        letter=other_letter,
        sent_on=timezone.localdate(),
        method="post",
    )
    assert_error(api_get(head, f"/letters/{other_letter.pk}"), 404, "not_found")


def test_refusals(client, bearer, personas, world, case, template, essex):
    adviser, officer = personas["adviser"], personas["la.officer"]
    # The adviser is not assigned 117002: its case is not found; on their school, forbidden
    assert_error(
        post(client, bearer, adviser, f"/cases/{case.pk}/letters", {"template_id": template.pk}),
        404,
        "not_found",
    )
    assigned = make_case(world["schools"]["herts_a"])
    assert_error(
        post(
            client, bearer, adviser, f"/cases/{assigned.pk}/letters", {"template_id": template.pk}
        ),
        403,
        "forbidden",
    )
    services.ensure_default_letter_templates(la=essex)
    essex_template = LetterTemplate.objects.filter(la=essex).first()
    error = assert_error(
        post(
            client, bearer, officer, f"/cases/{case.pk}/letters", {"template_id": essex_template.pk}
        ),
        422,
        "validation_error",
    )
    assert error["details"][0]["location"] == "body.payload.template_id"
    response = post(
        client, bearer, officer, f"/cases/{case.pk}/letters", {"template_id": template.pk}
    )
    sending = {"sent_on": "2020-01-01", "method": "post"}
    refused = post(client, bearer, officer, f"/letters/{response.json()['id']}/sending", sending)
    assert "it was generated on" in assert_error(refused, 409, "conflict")["message"]
    bad = post(
        client,
        bearer,
        officer,
        f"/letters/{response.json()['id']}/sending",
        {"sent_on": "2026-01-01", "method": "pigeon"},
    )
    assert_error(bad, 422, "validation_error")
