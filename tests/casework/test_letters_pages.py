# ruff: noqa: F811 (the fixtures imported from letters_fixtures are test arguments)
"""The letter pages: templates, a new letter with its preview, the PDF, recording the sending,
and a headteacher's own school's letters (and nothing of other schools')."""

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from tests.casework.letters_fixtures import (  # noqa: F401 (fixtures)
    case,
    fast_passwords,
    make_case,
    notice,
    other_case,
    users,
    world,
)
from uplift.audit.models import AuditEvent, Via
from uplift.casework.letters import selectors, services
from uplift.casework.models import Letter, LetterKind, LetterTemplate

pytestmark = pytest.mark.django_db


def generate(users, case, kind=LetterKind.CONCERN):
    services.ensure_default_letter_templates(la=case.establishment.la)
    template = LetterTemplate.objects.get(la=case.establishment.la, kind=kind)
    return services.generate_letter(
        actor=users["la.officer"], via=Via.WEB, case=case, template=template
    )


def send(users, letter):
    return services.record_letter_sent(
        actor=users["la.officer"],
        via=Via.WEB,
        letter=letter,
        sent_on=timezone.localdate(),
        method="post",
        sent_to="By post",
    )


def as_user(client, user):
    client.force_login(user)
    return client


def test_the_standard_letters_are_set_up_by_a_post_and_each_is_linked(client, world, users):
    response = as_user(client, users["la.officer"]).get("/casework/letter-templates/")
    assert response.status_code == 200 and response.context["missing_defaults"]
    assert "Set up the standard letters" in response.content.decode()
    assert not LetterTemplate.objects.exists()  # a GET never writes
    set_up = client.post("/casework/letter-templates/", {"la": "919"})
    assert set_up.status_code == 302
    templates = LetterTemplate.objects.filter(la=world["herts"])
    assert templates.count() == 4
    event = AuditEvent.objects.filter(action="letter_template.created").first()
    assert (event.actor, event.via) == (users["la.officer"], "web")
    response = client.get("/casework/letter-templates/")
    assert not response.context["missing_defaults"]
    for template in templates:
        assert f"/casework/letter-templates/{template.pk}/edit/" in response.content.decode()


def test_the_admin_picks_an_la(client, world, users):
    services.ensure_default_letter_templates(la=world["essex"])
    response = as_user(client, users["admin"]).get("/casework/letter-templates/?la=881")
    page = response.content.decode()
    assert "Essex" in page and response.context["chosen"] == world["essex"]
    assert all(t.la == world["essex"] for t in response.context["templates"])


def test_editing_a_template_refuses_an_unknown_placeholder_in_the_error_summary(
    client, world, users
):
    services.ensure_default_letter_templates(la=world["herts"])
    template = LetterTemplate.objects.get(la=world["herts"], kind=LetterKind.CONCERN)
    url = f"/casework/letter-templates/{template.pk}/edit/"
    page = as_user(client, users["la.officer"]).get(url).content.decode()
    assert "$compliance_deadline" in page and 'name="version" value="1"' in page
    data = {"version": 1, "name": "Concern", "subject": "S", "reason": "Tidy"}
    response = client.post(url, {**data, "body": "Dear $headmaster,"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert "$headmaster" in response.content.decode()
    response = client.post(url, {**data, "body": "Dear $headteacher,"})
    assert response.status_code == 302
    template.refresh_from_db()
    assert template.version == 2 and template.body == "Dear $headteacher,"


def test_a_new_letter_is_previewed_then_generated(client, world, users, case):
    services.ensure_default_letter_templates(la=world["herts"])
    template = LetterTemplate.objects.get(la=world["herts"], kind=LetterKind.CONCERN)
    url = f"/casework/cases/{case.pk}/letters/new/"
    as_user(client, users["la.officer"])
    response = client.post(url, {"template": template.pk, "action": "preview"})
    assert response.status_code == 200 and not Letter.objects.exists()
    assert "Results fell sharply" in response.content.decode()
    response = client.post(url, {"template": template.pk, "action": "generate", "note": "Now"})
    letter = Letter.objects.get()
    assert response["Location"] == f"/casework/letters/{letter.pk}/"
    assert AuditEvent.objects.get(action="letter.generated").reason == "Now"


def test_an_essex_template_cannot_be_chosen_for_a_herts_case(client, world, users, case):
    services.ensure_default_letter_templates(la=world["essex"])
    essex = LetterTemplate.objects.filter(la=world["essex"]).first()
    response = as_user(client, users["admin"]).post(
        f"/casework/cases/{case.pk}/letters/new/", {"template": essex.pk, "action": "generate"}
    )
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    assert not Letter.objects.exists()


def test_the_pdf_is_served_and_every_reading_audited(client, world, users, case):
    letter = generate(users, case)
    as_user(client, users["la.officer"])
    for _ in range(2):
        response = client.get(f"/casework/letters/{letter.pk}/pdf/")
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("inline; filename=")
    response = client.get(f"/casework/letters/{letter.pk}/pdf/?download=1")
    assert response["Content-Disposition"] == (
        f'attachment; filename="117001_letter-of-concern_{letter.pk}.pdf"'
    )
    assert AuditEvent.objects.filter(action="letter.viewed", object_id=str(letter.pk)).count() == 3


def test_recording_the_sending_by_email_sends_it(
    client, world, users, case, django_capture_on_commit_callbacks
):
    letter = generate(users, case)
    url = f"/casework/letters/{letter.pk}/send/"
    as_user(client, users["la.officer"])
    today = timezone.localdate().isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"sent_on": today, "method": "email", "email": "on"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    page = client.get(f"/casework/letters/{letter.pk}/").content.decode()
    assert "meera.patel@example.org" in page and "Record the sending" not in page
    response = client.post(url, {"sent_on": today, "method": "post"})
    assert response.status_code == 200 and "a letter is sent once" in response.content.decode()


def test_a_headteacher_sees_only_their_schools_sent_letters(client, world, users, case):
    """The issue's permission requirement: a headteacher sees their own school's letters
    and nothing of other schools."""
    sent = send(users, generate(users, case))
    unsent = generate(users, case)
    neighbour = make_case(world["neighbour"])
    neighbours = send(users, generate(users, neighbour))
    theirs = make_case(world["theirs"])
    services.ensure_default_letter_templates(la=world["essex"])
    essex_letter = services.generate_letter(
        actor=users["admin"],
        via=Via.WEB,
        case=theirs,
        template=LetterTemplate.objects.filter(la=world["essex"]).first(),
    )
    for role in ("headteacher", "chair"):
        as_user(client, users[role])
        page = client.get("/casework/my-school/letters/")
        assert page.status_code == 200
        assert [letter.pk for letter in page.context["letters"]] == [sent.pk]
        assert client.get(f"/casework/letters/{sent.pk}/").status_code == 200
        assert client.get(f"/casework/letters/{sent.pk}/pdf/").status_code == 200
        for hidden in (unsent, neighbours, essex_letter):
            assert client.get(f"/casework/letters/{hidden.pk}/").status_code == 404
            assert client.get(f"/casework/letters/{hidden.pk}/pdf/").status_code == 404
        assert client.get(f"/casework/letters/{sent.pk}/send/").status_code == 403
        assert client.get(f"/casework/cases/{case.pk}/letters/new/").status_code == 404
    viewed = AuditEvent.objects.filter(action="letter.viewed", object_id=str(sent.pk))
    assert {event.actor.username for event in viewed} == {"headteacher", "chair"}
    as_user(client, users["other.head"])
    page = client.get("/casework/my-school/letters/")
    assert [letter.pk for letter in page.context["letters"]] == [neighbours.pk]


def test_a_head_sees_their_warning_notices_with_the_sent_notice_letter(client, world, users, case):
    letter = send(users, generate(users, case, LetterKind.WARNING_NOTICE))
    notice(case, letter=letter)
    notice(make_case(world["neighbour"]))
    page = as_user(client, users["headteacher"]).get("/casework/my-school/letters/")
    [shown] = page.context["notices"]
    assert shown.case == case and shown.grounds_labels[0].startswith("(a)")
    assert f"/casework/letters/{letter.pk}/pdf/" in page.content.decode()
    assert (
        as_user(client, users["la.officer"]).get("/casework/my-school/letters/").status_code == 404
    )


def test_the_case_page_include_lists_letters_with_a_write_link_for_officers(world, users, case):
    letter = generate(users, case)
    request = RequestFactory().get("/")
    for role, can_write in (("la.officer", True), ("adviser", False)):
        request.user = users[role]
        listed = selectors.case_letters(user=users[role], case=case)
        html = render_to_string(
            "casework/includes/letters.html",
            {"case": case, "letters": listed, "user": users[role]},
            request=request,
        )
        assert f"/casework/letters/{letter.pk}/" in html
        assert (f"/casework/cases/{case.pk}/letters/new/" in html) is can_write


def test_case_letters_take_a_constant_number_of_queries(
    world, users, case, django_assert_max_num_queries
):
    generate(users, case)
    with django_assert_max_num_queries(1):
        one = selectors.case_letters(user=users["la.officer"], case=case)
        [letter.case.establishment.la.name for letter in one]
    for _ in range(3):
        generate(users, case)
    with django_assert_max_num_queries(1):
        many = selectors.case_letters(user=users["la.officer"], case=case)
        [(letter.case.establishment.la.name, letter.generated_by) for letter in many]
    assert len(many) == 4 and all("pdf" in letter.get_deferred_fields() for letter in many)


def test_a_letter_whose_pdf_is_missing_is_made_again_from_its_text(client, world, users, case):
    """Regression: a letter restored without its PDF is still served, made from its text."""
    letter = generate(users, case)
    Letter.objects.filter(pk=letter.pk).update(pdf=b"")
    response = as_user(client, users["la.officer"]).get(f"/casework/letters/{letter.pk}/pdf/")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
