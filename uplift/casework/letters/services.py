"""Letters: an LA's editable templates, letters generated from them for a case (text and a
tagged PDF), their sending, and every reading of a letter's PDF. Each change runs in one
transaction with its audit event; a refused change writes nothing."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from uplift.audit.models import Via
from uplift.audit.services import diff, record_event, snapshot
from uplift.casework import access
from uplift.casework.letters import placeholders as letters
from uplift.casework.letters.defaults import DEFAULT_TEMPLATES
from uplift.casework.letters.pdf import LetterDocument, letter_pdf
from uplift.casework.letters.rules import (
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
from uplift.casework.models import Letter, LetterTemplate, SendingMethod
from uplift.core.errors import Conflict, NotAllowed, Refused

TEMPLATE_FIELDS = ["name", "subject", "body"]
NAME_MAX = LetterTemplate._meta.get_field("name").max_length
SUBJECT_MAX = LetterTemplate._meta.get_field("subject").max_length


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _save_with_history(instance, actor, reason: str) -> None:
    if _user(actor) is not None:
        instance._history_user = actor
    instance._change_reason = reason
    instance.save()


# Templates


def ensure_default_letter_templates(*, la, actor=None, via: str = Via.SYSTEM) -> list:
    """Create the LA's default letter of concern, pre-warning letter, warning notice and
    notice of intention, each only if the LA has no template of that kind. Returns the
    templates created."""
    created = []
    with transaction.atomic():
        have = set(
            LetterTemplate.objects.select_for_update()
            .filter(la=la, kind__in=list(DEFAULT_TEMPLATES))
            .values_list("kind", flat=True)
        )
        for kind, text in DEFAULT_TEMPLATES.items():
            if kind in have:
                continue
            template = LetterTemplate(
                la=la, kind=kind, updated_at=timezone.now(), updated_by=_user(actor), **text
            )
            reason = "Default letter template"
            _save_with_history(template, actor, reason)
            record_event(
                actor=actor,
                via=via,
                action="letter_template.created",
                obj=template,
                changes=diff({}, snapshot(template, ["kind", "name", "subject"])),
                reason=reason,
                la=la,
            )
            created.append(template)
    return created


def update_letter_template(
    *,
    actor,
    via: str,
    template: LetterTemplate,
    version: int,
    name: str,
    subject: str,
    body: str,
    reason: str,
) -> LetterTemplate:
    """Save a template's new text. `version` is the version the user saw: a save from a stale
    page is refused, as is a placeholder Uplift does not know."""
    if not access.casework_las(actor).filter(pk=template.la_id).exists():
        raise NotAllowed("You cannot change this local authority's letter templates")
    reason = _required(reason, "Enter the reason for the change")
    name = _required(" ".join((name or "").split()), "Enter the template's name")
    subject = _required(" ".join((subject or "").split()), "Enter the letter's subject")
    body = _required((body or "").replace("\r\n", "\n").strip(), "Enter the letter's text")
    if len(name) > NAME_MAX:
        raise Refused(f"The name must be {NAME_MAX} characters or fewer")
    if len(subject) > SUBJECT_MAX:
        raise Refused(f"The subject must be {SUBJECT_MAX} characters or fewer")
    UnknownPlaceholder.check(subject, body)
    StrayDollar.check(subject, body)
    with transaction.atomic():
        locked = LetterTemplate.objects.select_for_update().get(pk=template.pk)
        StaleTemplate.check(locked, version)
        clash = LetterTemplate.objects.filter(la=locked.la_id, kind=locked.kind, name=name)
        if clash.exclude(pk=locked.pk).exists():
            raise Conflict(f"There is already a {locked.get_kind_display()} called {name}")
        before = snapshot(locked, TEMPLATE_FIELDS)
        if before == {"name": name, "subject": subject, "body": body}:
            raise Conflict("The template is the same as before: there is nothing to save")
        locked.name, locked.subject, locked.body = name, subject, body
        locked.version += 1  # the row is locked: no one else can save it meanwhile
        locked.updated_at, locked.updated_by = timezone.now(), _user(actor)
        _save_with_history(locked, actor, reason)
        changes = diff(before, snapshot(locked, TEMPLATE_FIELDS))
        changes["version"] = [version, locked.version]
        record_event(
            actor=actor,
            via=via,
            action="letter_template.updated",
            obj=locked,
            changes=changes,
            reason=reason,
            la=locked.la,
        )
    return locked


# Letters


def render_letter(*, case, template: LetterTemplate, officer, on: date) -> dict:
    """The letter's subject, body and addressees as they would be generated today (the
    preview shows this)."""
    contacts = letters.school_contacts(case.establishment)
    values = letters.letter_values(case=case, officer=officer, on=on, contacts=contacts)
    return {
        "subject": " ".join(letters.fill(template.subject, values).split()),
        "body": letters.fill(template.body, values),
        "addressed_to": letters.addressed_to(contacts, case.establishment),
        "contacts": contacts,
    }


def generate_letter(*, actor, via: str, case, template: LetterTemplate, note: str = "") -> Letter:
    """Fill in the template for the case and keep the text, the template's version, the
    addressees and the PDF. `note` is kept as the audit event's reason."""
    school = case.establishment
    if not access.can_run_casework(actor, school):
        raise NotAllowed("You cannot write letters for this school's case")
    TemplateOfAnotherLA.check(template, case)
    CaseClosed.check(case)
    now = timezone.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        template = (
            LetterTemplate.objects.select_for_update().select_related("la").get(pk=template.pk)
        )
        text = render_letter(case=case, template=template, officer=actor, on=today)
        pdf = letter_pdf(
            LetterDocument(
                la_name=school.la.name,
                dated=today,
                addressed_to=text["addressed_to"],
                subject=text["subject"],
                body=text["body"],
                school_name=school.name,
                urn=school.urn,
            )
        )
        letter = Letter.objects.create(
            case=case,
            kind=template.kind,
            template=template,
            template_version=template.version,
            addressed_to=text["addressed_to"],
            subject=text["subject"][: Letter._meta.get_field("subject").max_length],
            body=text["body"],
            pdf=pdf,
            generated_at=now,
            generated_by=_user(actor),
        )
        record_event(
            actor=actor,
            via=via,
            action="letter.generated",
            obj=letter,
            establishment=school,
            changes={
                "kind": [None, letter.get_kind_display()],
                "template": [None, f"{template.name} (version {template.version})"],
                "subject": [None, letter.subject],
            },
            reason=(note or "").strip() or f"{letter.get_kind_display()} generated",
        )
    return letter


def email_addresses(text: str) -> list[str]:
    """The addresses typed (separated by commas, semicolons, spaces or lines), each checked."""
    found = []
    for value in re.split(r"[,;\s]+", text or ""):
        if not value:
            continue
        try:
            validate_email(value)
        except ValidationError:
            raise NotAnEmailAddress(value=value) from None
        if value.lower() not in {address.lower() for address in found}:
            found.append(value)
    return found


def record_letter_sent(
    *,
    actor,
    via: str,
    letter: Letter,
    sent_on: date,
    method: str,
    sent_to: str = "",
    email: bool = True,
) -> Letter:
    """Log the letter's sending: when, how and to whom. With the method "email" and `email`
    true, Uplift emails the PDF to the school's headteacher and chair accounts and to any
    addresses typed in `sent_to`, and logs those addresses; with `email` false it only logs
    an email sent some other way. A letter is sent once."""
    case = letter.case
    school = case.establishment
    if not access.can_run_casework(actor, school):
        raise NotAllowed("You cannot record the sending of this school's letters")
    if method not in SendingMethod.values:
        raise Refused("Choose how the letter was sent")
    if sent_on is None:
        raise Refused("Enter the date the letter was sent")
    NotInFuture.check(sent_on, timezone.localdate(), "date the letter was sent")
    SentBeforeGenerated.check(sent_on, timezone.localdate(letter.generated_at))
    sent_to = (sent_to or "").strip()
    sending_email = method == SendingMethod.EMAIL and email
    recipients: list[str] = []
    if sending_email:
        recipients = letters.school_contacts(school).emails
        for address in email_addresses(sent_to):
            if address.lower() not in {known.lower() for known in recipients}:
                recipients.append(address)
        NoRecipient.check(recipients)
        sent_to = ", ".join(recipients)
    sent_to = sent_to or letter.addressed_to
    with transaction.atomic():
        locked = (
            Letter.objects.select_for_update()
            .select_related("case__establishment")
            .get(pk=letter.pk)
        )
        SentOnce.check(locked)
        locked.sent_on, locked.sent_method, locked.sent_to = sent_on, method, sent_to
        locked.sent_by, locked.sent_recorded_at = _user(actor), timezone.now()
        locked.save(
            update_fields=["sent_on", "sent_method", "sent_to", "sent_by", "sent_recorded_at"]
        )
        record_event(
            actor=actor,
            via=via,
            action="letter.sent",
            obj=locked,
            establishment=school,
            changes={
                "sent_on": [None, sent_on.isoformat()],
                "sent_method": [None, locked.get_sent_method_display()],
                "sent_to": [None, sent_to],
                "emailed_by_uplift": [None, sending_email],
            },
            reason=f"{locked.get_kind_display()} sent",
        )
        if sending_email:  # once the sending is recorded, never for a rolled-back one
            transaction.on_commit(lambda: _email_letter(locked, recipients, actor))
    return locked


def _email_letter(letter: Letter, recipients: list[str], actor) -> None:
    school = letter.case.establishment
    sender = letters.person_name(_user(actor)) or "The local authority"
    message = EmailMessage(
        subject=letter.subject,
        body=(
            f"Please find attached a letter from {school.la.name} about {school.name} "
            f"(URN {school.urn}): {letter.subject}.\n\n{sender}\n{school.la.name}\n"
        ),
        to=recipients,
    )
    message.attach(letter_filename(letter), letter_pdf_content(letter), "application/pdf")
    message.send(fail_silently=False)


def letter_pdf_content(letter: Letter) -> bytes:
    """The letter's PDF as generated; made again from its kept text when the stored one is
    missing (an empty PDF after a partial restore), never failing for want of it."""
    if letter.pdf:
        return bytes(letter.pdf)
    school = letter.case.establishment
    return letter_pdf(
        LetterDocument(
            la_name=school.la.name,
            dated=timezone.localdate(letter.generated_at),
            addressed_to=letter.addressed_to,
            subject=letter.subject,
            body=letter.body,
            school_name=school.name,
            urn=school.urn,
        )
    )


def letter_filename(letter: Letter) -> str:
    school = letter.case.establishment
    return f"{school.urn}_{slugify(letter.get_kind_display())}_{letter.pk}.pdf"


def log_letter_viewed(*, actor, via: str, letter: Letter) -> None:
    """Every reading of a letter's PDF is an audit event ("letter.viewed")."""
    with transaction.atomic():
        record_event(
            actor=actor,
            via=via,
            action="letter.viewed",
            obj=letter,
            establishment=letter.case.establishment,
            reason="Letter PDF opened",
        )


def _required(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise Refused(message)
    return value
