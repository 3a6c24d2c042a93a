# ruff: noqa: F811 (the fixtures imported from letters_fixtures are test arguments)
"""Letter templates, placeholders, generating letters as tagged PDFs and logging their sending."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from weasyprint import HTML

from tests.casework.letters_fixtures import (  # noqa: F401 (fixtures)
    case,
    fast_passwords,
    make_case,
    notice,
    other_case,
    pdf_text,
    users,
    world,
)
from uplift.audit.models import AuditEvent, Via
from uplift.casework.letters import placeholders as letters
from uplift.casework.letters import services
from uplift.casework.letters.defaults import DEFAULT_TEMPLATES
from uplift.casework.letters.pdf import LetterDocument, letter_document_html
from uplift.casework.letters.rules import (
    RULES,
    CaseClosed,
    NoRecipient,
    NotAnEmailAddress,
    NotInFuture,
    SentBeforeGenerated,
    SentOnce,
    StaleTemplate,
    StrayDollar,
    TemplateOfAnotherLA,
    UnknownPlaceholder,
)
from uplift.casework.models import LetterKind, LetterTemplate, SendingMethod
from uplift.core.errors import NotAllowed

pytestmark = pytest.mark.django_db
WEB = Via.WEB


def template_of(la, kind=LetterKind.CONCERN) -> LetterTemplate:
    services.ensure_default_letter_templates(la=la)
    return LetterTemplate.objects.get(la=la, kind=kind)


def generate(users, case, kind=LetterKind.CONCERN, actor="la.officer"):
    template = template_of(case.establishment.la, kind)
    return services.generate_letter(actor=users[actor], via=WEB, case=case, template=template)


# Placeholders


def test_placeholders_found_in_order_and_unknown_ones_named():
    text = "Dear $headteacher, ${school_name} ($urn) and $school_name; $$5 and $nonsense"
    assert letters.placeholders_in(text) == ["headteacher", "school_name", "urn", "nonsense"]
    assert letters.unknown_placeholders(text) == ["nonsense"]
    assert letters.fill("$$5 for ${urn}x", {"urn": "117001"}) == "$5 for 117001x"


def test_every_default_template_uses_known_placeholders_and_states_the_law():
    for text in DEFAULT_TEMPLATES.values():
        assert not letters.unknown_placeholders(text["subject"] + text["body"])
        assert letters.stray_dollar(text["body"]) is None
    notice_text = DEFAULT_TEMPLATES[LetterKind.WARNING_NOTICE]["body"]
    for fact in ("section 60", "$notice_grounds", "$compliance_deadline", "section 64"):
        assert fact in notice_text
    assert "interim executive board" in notice_text and "suspend" in notice_text


def test_values_name_the_head_and_chair_and_take_the_latest_notice(world, users, case):
    values = letters.letter_values(case=case, officer=users["la.officer"], on=date(2026, 11, 3))
    assert values["headteacher"] == "Meera Patel" and values["chair"] == "Gareth Jones"
    assert values["officer"] == "Priya Shah" and values["date"] == "3 November 2026"
    assert values["laestab"] == "9197001" and values["la_name"] == "Hertfordshire"
    assert values["action_plan_due_on"] == "4 December 2026"
    assert values["notice_grounds"] == values["compliance_deadline"] == "(no warning notice)"
    notice(case)
    notice(
        case,
        issued_on=date(2026, 9, 10),
        grounds=["safety"],
        compliance_deadline=date(2026, 10, 1),
        powers_window_ends=date(2026, 12, 1),
    )
    values = letters.letter_values(case=case, officer=None, on=date(2026, 11, 3))
    assert values["notice_issued_on"] == "10 September 2026"
    assert values["notice_grounds"].startswith("(c) The safety of pupils or staff")
    assert values["compliance_deadline"] == "1 October 2026"
    assert values["powers_window_ends"] == "1 December 2026"


def test_without_accounts_the_letter_addresses_the_roles(world, users):
    lonely = make_case(world["neighbour"])
    values = letters.letter_values(case=lonely, officer=None, on=date(2026, 11, 3))
    assert values["chair"] == "The chair of governors"
    assert values["headteacher"] == "Nia Next"  # other.head is 117002's head
    users["other.head"].is_active = False
    users["other.head"].save()
    assert letters.school_contacts(world["neighbour"]).headteacher == "The headteacher"


# Templates


def test_defaults_are_created_once_and_audited(world, users):
    created = services.ensure_default_letter_templates(la=world["herts"])
    assert sorted(t.kind for t in created) == sorted(DEFAULT_TEMPLATES)
    assert services.ensure_default_letter_templates(la=world["herts"]) == []
    assert AuditEvent.objects.filter(action="letter_template.created").count() == 4


def test_saving_a_template_bumps_its_version_with_history_and_reason(world, users):
    template = template_of(world["herts"])
    saved = services.update_letter_template(
        actor=users["la.officer"],
        via=WEB,
        template=template,
        version=1,
        name="Concern letter",
        subject="Concerns about $school_name",
        body="Dear $chair,\n\nWe are worried.",
        reason="Shorter letter",
    )
    assert saved.version == 2 and saved.subject == "Concerns about $school_name"
    event = AuditEvent.objects.get(action="letter_template.updated")
    assert event.reason == "Shorter letter" and event.changes["version"] == [1, 2]
    assert event.la == world["herts"]
    assert saved.history.first().history_change_reason == "Shorter letter"


def test_a_template_with_an_unknown_placeholder_is_refused_naming_it(world, users):
    template = template_of(world["herts"])
    with pytest.raises(UnknownPlaceholder, match=r"\$head_name"):
        services.update_letter_template(
            actor=users["la.officer"],
            via=WEB,
            template=template,
            version=1,
            name="X",
            subject="S",
            body="Dear $head_name,",
            reason="r",
        )
    template.refresh_from_db()
    assert template.version == 1


def test_a_stray_dollar_is_refused(world, users):
    template = template_of(world["herts"])
    with pytest.raises(StrayDollar, match="Write \\$\\$"):
        services.update_letter_template(
            actor=users["la.officer"],
            via=WEB,
            template=template,
            version=1,
            name="X",
            subject="S",
            body="It costs $5.",
            reason="r",
        )


def test_a_save_from_a_stale_page_is_refused(world, users):
    template = template_of(world["herts"])
    change = {
        "actor": users["la.officer"],
        "via": WEB,
        "template": template,
        "name": "X",
        "subject": "S",
        "reason": "r",
    }
    services.update_letter_template(version=1, body="First", **change)
    with pytest.raises(StaleTemplate, match="now version 2"):
        services.update_letter_template(version=1, body="Second", **change)


@pytest.mark.parametrize("who", ["adviser", "headteacher", "essex.officer", "data.officer"])
def test_only_the_las_casework_officers_edit_its_templates(world, users, who):
    template = template_of(world["herts"])
    with pytest.raises(NotAllowed):
        services.update_letter_template(
            actor=users[who],
            via=WEB,
            template=template,
            version=1,
            name="X",
            subject="S",
            body="B",
            reason="r",
        )


# Generating


def test_a_generated_letter_keeps_its_text_version_addressees_and_pdf(world, users, case, tmp_path):
    letter = generate(users, case)
    assert letter.subject == "Our concerns about Abbots Langley Primary (URN 117001)"
    assert "Results fell sharply" in letter.body and "$" not in letter.body
    assert letter.template_version == 1 and letter.kind == LetterKind.CONCERN
    assert "Meera Patel, Headteacher" in letter.addressed_to
    assert "Gareth Jones, Chair of Governors" in letter.addressed_to
    text = " ".join(pdf_text(bytes(letter.pdf), tmp_path).split())
    today = timezone.localdate()
    for expected in (
        "Hertfordshire",
        f"{today.day} {today:%B %Y}",
        "Meera Patel",
        "Our concerns about Abbots Langley Primary",
        "Results fell sharply",
    ):
        assert expected in text
    event = AuditEvent.objects.get(action="letter.generated")
    assert event.establishment == world["ours"] and event.actor == users["la.officer"]


def test_the_letter_pdf_is_tagged_pdf_ua(world, users, case):
    document = LetterDocument(
        la_name="Hertfordshire",
        dated=date(2026, 11, 3),
        addressed_to="A\nB",
        subject="Subject",
        body="One.\n\nTwo.",
        school_name="S",
        urn=1,
    )
    html = letter_document_html(document)
    assert '<html lang="en-GB">' in html and "<title>Subject</title>" in html
    assert html.count("<p>") == 2
    raw = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=True)
    assert b"/StructTreeRoot" in raw and b"/MarkInfo" in raw


def test_a_warning_notice_letter_states_the_notice(world, users, case, tmp_path):
    notice(case)
    letter = generate(users, case, LetterKind.WARNING_NOTICE)
    assert "12 June 2026" in letter.body and "12 August 2026" in letter.body
    assert "(a) Unacceptably low standards" in letter.body
    assert "(b) Serious breakdown in management" in letter.body


@pytest.mark.parametrize("who", ["adviser", "headteacher", "essex.officer"])
def test_only_casework_officers_generate_letters(world, users, case, who):
    with pytest.raises(NotAllowed):
        generate(users, case, actor=who)


def test_a_template_of_another_la_is_refused(world, users, case):
    essex_template = template_of(world["essex"])
    with pytest.raises(TemplateOfAnotherLA, match="belongs to Essex, not to Hertfordshire"):
        services.generate_letter(actor=users["admin"], via=WEB, case=case, template=essex_template)


def test_a_closed_case_gets_no_letter(world, users):
    closed = make_case(world["ours"], stage="closed", closed_on=date(2026, 3, 2))
    with pytest.raises(CaseClosed, match="closed on 2 March 2026"):
        generate(users, closed)


# Sending


def test_sending_by_post_is_logged_once(world, users, case):
    letter = generate(users, case)
    today = timezone.localdate()
    sent = services.record_letter_sent(
        actor=users["la.officer"],
        via=WEB,
        letter=letter,
        sent_on=today,
        method=SendingMethod.POST,
        sent_to="",
    )
    assert sent.sent_on == today and sent.sent_by == users["la.officer"]
    assert sent.sent_to == letter.addressed_to and mail.outbox == []
    assert AuditEvent.objects.filter(action="letter.sent", object_id=str(letter.pk)).exists()
    with pytest.raises(SentOnce, match="already recorded \\(post"):
        services.record_letter_sent(
            actor=users["la.officer"],
            via=WEB,
            letter=letter,
            sent_on=today,
            method=SendingMethod.HAND,
            sent_to="Harriet",
        )


def test_emailing_sends_the_pdf_to_the_head_chair_and_typed_addresses(
    world, users, case, django_capture_on_commit_callbacks
):
    letter = generate(users, case)
    with django_capture_on_commit_callbacks(execute=True) as sent_after_commit:
        services.record_letter_sent(
            actor=users["la.officer"],
            via=WEB,
            letter=letter,
            sent_on=timezone.localdate(),
            method=SendingMethod.EMAIL,
            sent_to="clerk@school.invalid, meera.patel@example.org",
        )
        assert mail.outbox == []  # nothing leaves before the sending is committed
    assert len(sent_after_commit) == 1
    [message] = mail.outbox
    assert message.to == [
        "meera.patel@example.org",
        "gareth.jones@example.org",
        "clerk@school.invalid",
    ]
    assert message.subject == letter.subject
    [(name, content, mimetype)] = message.attachments
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")
    assert name == f"117001_letter-of-concern_{letter.pk}.pdf"
    letter.refresh_from_db()
    assert "clerk@school.invalid" in letter.sent_to


def test_an_email_sent_elsewhere_is_only_logged(world, users, case):
    letter = generate(users, case)
    services.record_letter_sent(
        actor=users["la.officer"],
        via=WEB,
        letter=letter,
        sent_on=timezone.localdate(),
        method=SendingMethod.EMAIL,
        sent_to="Meera Patel",
        email=False,
    )
    assert mail.outbox == []


def test_a_typed_address_must_be_an_email_address(world, users, case):
    letter = generate(users, case)
    with pytest.raises(NotAnEmailAddress, match='"not-an-address"'):
        services.record_letter_sent(
            actor=users["la.officer"],
            via=WEB,
            letter=letter,
            sent_on=timezone.localdate(),
            method=SendingMethod.EMAIL,
            sent_to="not-an-address",
        )
    letter.refresh_from_db()
    assert not letter.is_sent and mail.outbox == []


def test_an_email_needs_someone_to_go_to(world, users):
    lonely = make_case(world["neighbour"])
    users["other.head"].delete()
    letter = generate(users, lonely)
    with pytest.raises(NoRecipient):
        services.record_letter_sent(
            actor=users["la.officer"],
            via=WEB,
            letter=letter,
            sent_on=timezone.localdate(),
            method=SendingMethod.EMAIL,
            sent_to="",
        )


def test_sending_dates_are_checked(world, users, case):
    letter = generate(users, case)
    today = timezone.localdate()
    change = {"actor": users["la.officer"], "via": WEB, "letter": letter, "method": "post"}
    with pytest.raises(SentBeforeGenerated):
        services.record_letter_sent(sent_on=today - timedelta(days=1), **change)
    with pytest.raises(NotInFuture, match="cannot be after today"):
        services.record_letter_sent(sent_on=today + timedelta(days=1), **change)


def test_only_casework_officers_record_sending(world, users, case):
    letter = generate(users, case)
    with pytest.raises(NotAllowed):
        services.record_letter_sent(
            actor=users["adviser"],
            via=WEB,
            letter=letter,
            sent_on=timezone.localdate(),
            method="post",
        )


def test_every_letter_rule_is_tested_here():
    tested = {
        UnknownPlaceholder,
        StrayDollar,
        StaleTemplate,
        TemplateOfAnotherLA,
        CaseClosed,
        SentOnce,
        SentBeforeGenerated,
        NotInFuture,
        NoRecipient,
        NotAnEmailAddress,
    }
    letter_rules = {rule for rule in RULES.all() if not rule.code.startswith("meetings.")}
    assert letter_rules == tested
    for rule in RULES.all():
        assert rule.__doc__ and rule.code
