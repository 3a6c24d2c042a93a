"""Adviser visits and their notes: the adviser schedules the visit, writes the note of visit
under the headings of the LA's template, shares it with the headteacher, the headteacher
comments, and the adviser finalises it, when it counts against the school's entitlement.

Each step checks who may take it (the app's access module) and the workflow's rules
(visit_rules.py, each with the message a user reads), then writes the change and its audit
event in one transaction. Steps carry the version of the visit the user saw: a step from a
stale page is refused. LA officers keep the LA's note-of-visit templates.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from uplift.accounts.models import Role
from uplift.audit.models import Via
from uplift.audit.services import record_event
from uplift.casework import access as casework_access
from uplift.core.dates import long_date
from uplift.core.errors import Conflict, NotAllowed, Refused, StaleVersion
from uplift.support import access
from uplift.support.models import NoteTemplate, Visit, VisitStatus
from uplift.support.visits import rules as visit_rules
from uplift.support.visits.entitlement import academic_year_of
from uplift.support.visits.feedback import ask_about_visit

TRUSTED_CHANNELS = {Via.CLI, Via.SYSTEM}  # run by whoever operates the server

DEFAULT_TEMPLATE_NAME = "Note of visit"
DEFAULT_SECTIONS = (
    {
        "heading": "Purpose of the visit",
        "prompt": "Why the visit took place and what was agreed to focus on.",
    },
    {
        "heading": "Evidence seen",
        "prompt": "Lessons, work, data, documents and the people spoken with.",
    },
    {"heading": "Strengths", "prompt": "What is working well, with the evidence for it."},
    {
        "heading": "Areas for development",
        "prompt": "What needs to improve, most important first.",
    },
    {
        "heading": "Agreed actions",
        "prompt": "Who will do what, by when; how the school and the LA will know it is done.",
    },
    {"heading": "Next visit", "prompt": "When, and what it will look at."},
)
MAX_HEADING = 120
MAX_SECTION_TEXT = 20_000


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _trusted(actor, via) -> bool:
    return actor is None and via in TRUSTED_CHANNELS


def _required(text: str, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise Refused(f"Enter {what}")
    return text


def _locked(visit: Visit, version: int | None) -> Visit:
    current = (
        Visit.objects.select_for_update(of=("self",))
        .select_related("establishment__la", "adviser", "template")
        .get(pk=visit.pk)
    )
    if version is not None and current.version != version:
        raise StaleVersion(
            "Someone changed this visit while you were looking at it (it is now "
            f"{VisitStatus(current.status).label.lower()}). Check its current state and try "
            "again.",
        )
    return current


def _save(visit: Visit, fields: list[str], actor=None, reason: str = "") -> Visit:
    """Save the locked visit with its next version, telling simple-history who and why."""
    visit.version += 1  # the row is locked (select_for_update) by _locked
    if actor is not None and actor.is_authenticated:
        visit._history_user = actor
    visit._change_reason = reason
    visit.save(update_fields=[*fields, "version"])
    return visit


def _event(actor, via, action, visit, changes, reason=""):
    record_event(
        actor=actor,
        via=via,
        action=action,
        obj=visit,
        establishment=visit.establishment,
        changes=changes,
        reason=reason,
    )


# Note-of-visit templates


def ensure_default_note_template(*, la, actor=None, via: str = Via.SYSTEM) -> NoteTemplate:
    """The LA's default note-of-visit template, created with the standard headings if the LA
    has none (idempotent). Called on a change (a POST, a visit's note), never on a read."""
    existing = NoteTemplate.objects.filter(la=la, is_default=True).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        template, created = NoteTemplate.objects.get_or_create(
            la=la,
            name=DEFAULT_TEMPLATE_NAME,
            defaults={
                "sections": [dict(section) for section in DEFAULT_SECTIONS],
                "is_default": True,
                "updated_at": timezone.now(),
            },
        )
        if not template.is_default:
            template.is_default = True
            template.save(update_fields=["is_default"])
        if created:
            record_event(
                actor=actor,
                via=via,
                action="note_template.created",
                obj=template,
                la=la,
                changes={"name": [None, template.name]},
                reason="The LA's default note-of-visit template",
            )
    return template


def clean_template_sections(sections) -> list[dict]:
    """The template's sections as [{"heading", "prompt"}], each heading given once."""
    cleaned, seen = [], set()
    for section in sections or []:
        heading = " ".join(str(section.get("heading") or "").split())
        prompt = str(section.get("prompt") or "").strip()
        if not heading and not prompt:
            continue
        if not heading:
            raise Refused("Give every section of the template a heading")
        if len(heading) > MAX_HEADING:
            raise Refused(f"A heading must be {MAX_HEADING} characters or fewer")
        if heading.lower() in seen:
            raise Refused(f"The heading {heading!r} is given more than once")
        seen.add(heading.lower())
        cleaned.append({"heading": heading, "prompt": prompt})
    if not cleaned:
        raise Refused("A template needs at least one section")
    return cleaned


def save_note_template(
    *, actor, via: str, template: NoteTemplate, name: str, sections, version: int, reason: str
) -> NoteTemplate:
    """Change a note-of-visit template's name and sections (headings with their prompts).
    Notes already written keep the headings they were written under."""
    if not _trusted(actor, via) and not casework_access.casework_las(actor).filter(
        pk=template.la_id
    ):
        raise NotAllowed("You cannot change this local authority's note-of-visit templates")
    name = _required(name, "the template's name")
    reason = _required(reason, "the reason for the change")
    if len(name) > NoteTemplate._meta.get_field("name").max_length:
        raise Refused("The name must be 120 characters or fewer")
    cleaned = clean_template_sections(sections)
    with transaction.atomic():
        current = NoteTemplate.objects.select_for_update().get(pk=template.pk)
        if current.version != version:
            raise Refused(
                f"Someone saved the template {current.name} while you were editing it. Its "
                "current version is shown: make your change again."
            )
        if NoteTemplate.objects.filter(la_id=current.la_id, name__iexact=name).exclude(
            pk=current.pk
        ):
            raise Conflict(f"The LA already has a template called {name}")
        before = {"name": current.name, "sections": current.sections}
        current.name, current.sections = name, cleaned
        current.updated_at, current.updated_by = timezone.now(), _user(actor)
        current.version += 1  # the row is locked
        if _user(actor) is not None:
            current._history_user = actor
        current._change_reason = reason
        try:
            with transaction.atomic():
                current.save()
        except IntegrityError:
            raise Conflict(f"The LA already has a template called {name}") from None
        record_event(
            actor=actor,
            via=via,
            action="note_template.changed",
            obj=current,
            la=current.la,
            changes={
                key: [before[key], value]
                for key, value in (("name", name), ("sections", cleaned))
                if before[key] != value
            },
            reason=reason,
        )
    return current


# The visit's workflow


def schedule_visit(
    *,
    actor,
    via: str,
    establishment,
    adviser,
    scheduled_for,
    purpose: str,
    case=None,
    cycle=None,
) -> Visit:
    """Schedule an adviser's visit to a school, on a date in an academic year."""
    if not _trusted(actor, via) and not access.can_plan_support(actor, establishment):
        raise NotAllowed("You cannot plan visits to this school")
    purpose = _required(purpose, "the purpose of the visit")
    if len(purpose) > Visit._meta.get_field("purpose").max_length:
        raise Refused("The purpose must be 200 characters or fewer")
    if scheduled_for is None:
        raise Refused("Enter the date of the visit")
    if adviser is None:
        raise Refused("Choose the adviser who will make the visit")
    visit_rules.check("schedule", establishment=establishment, adviser=adviser)
    if case is not None and case.establishment_id != establishment.pk:
        raise Refused("The case is another school's")
    if cycle is not None and cycle.establishment_id != establishment.pk:
        raise Refused("The support cycle is another school's")
    with transaction.atomic():
        template = ensure_default_note_template(la=establishment.la)
        visit = Visit(
            establishment=establishment,
            adviser=adviser,
            scheduled_for=scheduled_for,
            academic_year=academic_year_of(scheduled_for),
            purpose=purpose,
            case=case,
            cycle=cycle,
            template=template,
            created_by=_user(actor),
            recorded_at=timezone.now(),
        )
        if _user(actor) is not None:
            visit._history_user = actor
        visit._change_reason = purpose
        visit.save()
        _event(
            actor,
            via,
            "visit.scheduled",
            visit,
            {
                "adviser": [None, adviser.get_username()],
                "scheduled_for": [None, scheduled_for.isoformat()],
                "purpose": [None, purpose],
            },
            reason=purpose,
        )
    return visit


def note_headings(visit: Visit) -> list[str]:
    """The headings the visit's note is written under: those it was first written under,
    else its template's (the LA's default template's when it has none)."""
    if visit.note:
        return [section["heading"] for section in visit.note]
    template = visit.template or ensure_default_note_template(la=visit.establishment.la)
    return [section["heading"] for section in template.sections]


def note_prompts(visit: Visit) -> dict[str, str]:
    template = visit.template or ensure_default_note_template(la=visit.establishment.la)
    return {section["heading"]: section.get("prompt", "") for section in template.sections}


def _clean_sections(sections) -> list[dict]:
    cleaned = []
    for section in sections or []:
        heading = " ".join(str(section.get("heading") or "").split())
        text = str(section.get("text") or "").strip()
        if len(text) > MAX_SECTION_TEXT:
            raise Refused(f"The section {heading!r} must be {MAX_SECTION_TEXT} characters or fewer")
        cleaned.append({"heading": heading, "text": text})
    return cleaned


def save_note(*, actor, via: str, visit: Visit, sections, version: int) -> Visit:
    """Write or change the note of visit: [{"heading", "text"}] under the template's headings
    (a heading left out is kept empty). A scheduled visit's note becomes "being written"."""
    if not _trusted(actor, via) and not access.can_write_note(actor, visit):
        raise NotAllowed("Only the visit's adviser writes its note")
    given = _clean_sections(sections)
    with transaction.atomic():
        visit = _locked(visit, version)
        if visit.template is None:
            visit.template = ensure_default_note_template(la=visit.establishment.la)
        headings = note_headings(visit)
        visit_rules.check(
            "write",
            visit=visit,
            headings=headings,
            sections=given,
            today=timezone.localdate(),
        )
        texts = {section["heading"]: section["text"] for section in given}
        before = {section["heading"]: section.get("text", "") for section in visit.note}
        note = [
            {"heading": heading, "text": texts.get(heading, before.get(heading, ""))}
            for heading in headings
        ]
        old_status = visit.status
        visit.note, visit.status = note, VisitStatus.DRAFTED
        _save(visit, ["note", "status", "template"], actor, "Note of visit saved")
        _event(
            actor,
            via,
            "visit.note_saved",
            visit,
            {
                "status": [old_status, visit.status],
                **{
                    section["heading"]: [before.get(section["heading"], ""), section["text"]]
                    for section in note
                    if before.get(section["heading"], "") != section["text"]
                },
            },
        )
    return visit


def share_note(*, actor, via: str, visit: Visit, version: int) -> Visit:
    """Share the written note with the headteacher for comment (emailed when the school's
    headteacher account has an email address)."""
    if not _trusted(actor, via) and not access.can_write_note(actor, visit):
        raise NotAllowed("Only the visit's adviser shares its note")
    with transaction.atomic():
        visit = _locked(visit, version)
        visit_rules.check("share", visit=visit)
        visit.status, visit.note_shared_at = VisitStatus.AWAITING_COMMENT, timezone.now()
        _save(visit, ["status", "note_shared_at"], actor, "Note shared for comment")
        _event(
            actor,
            via,
            "visit.note_shared",
            visit,
            {"status": [VisitStatus.DRAFTED, visit.status]},
        )
        transaction.on_commit(lambda: _tell_the_headteacher(visit))
    return visit


def headteachers_of(establishment):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        is_active=True,
        profile__role=Role.HEADTEACHER,
        profile__establishment=establishment,
    )


def _tell_the_headteacher(visit: Visit) -> None:
    addresses = [user.email for user in headteachers_of(visit.establishment) if user.email]
    if not addresses:
        return
    adviser = visit.adviser.get_full_name() or visit.adviser.get_username()
    day = visit.scheduled_for
    send_mail(
        subject=f"Note of visit to {visit.establishment.name} for your comment",
        message=(
            f"{adviser} has shared the note of their visit to {visit.establishment.name} on "
            f"{long_date(day)} ({visit.purpose}).\n\n"
            "Please read it and add your comments in Uplift: the note is finalised after "
            f"your comment.\n\nVisit reference: {visit.pk}\n"
        ),
        from_email=getattr(settings, "DEFAULT_FROM_EMAIL", None),
        recipient_list=addresses,
        fail_silently=True,
    )


def comment_on_note(*, actor, via: str, visit: Visit, comment: str, version: int) -> Visit:
    """The headteacher's comment on the shared note."""
    if not access.can_comment_on_note(actor, visit):
        raise NotAllowed("Only the school's headteacher comments on the note of visit")
    comment = _required(comment, "your comment on the note")
    with transaction.atomic():
        visit = _locked(visit, version)
        visit_rules.check("comment", visit=visit)
        visit.status, visit.head_comment = VisitStatus.COMMENTED, comment
        visit.head_commented_at, visit.head_commented_by = timezone.now(), _user(actor)
        _save(
            visit,
            ["status", "head_comment", "head_commented_at", "head_commented_by"],
            actor,
            "Headteacher commented",
        )
        _event(
            actor,
            via,
            "visit.note_commented",
            visit,
            {
                "status": [VisitStatus.AWAITING_COMMENT, visit.status],
                "head_comment": [None, comment],
            },
            reason="The headteacher's comment on the note of visit",
        )
    return visit


def finalise_note(*, actor, via: str, visit: Visit, version: int) -> Visit:
    """Finalise the note after the headteacher's comment: the visit now counts against the
    school's entitlement for its academic year."""
    if not _trusted(actor, via) and not access.can_write_note(actor, visit):
        raise NotAllowed("Only the visit's adviser finalises its note")
    with transaction.atomic():
        visit = _locked(visit, version)
        visit_rules.check("finalise", visit=visit)
        visit.status, visit.finalised_at = VisitStatus.FINALISED, timezone.now()
        visit.finalised_by = _user(actor)
        _save(visit, ["status", "finalised_at", "finalised_by"], actor, "Note finalised")
        _event(
            actor,
            via,
            "visit.note_finalised",
            visit,
            {"status": [VisitStatus.COMMENTED, visit.status]},
        )
        ask_about_visit(actor=actor, via=via, visit=visit)
    return visit


def cancel_visit(
    *, actor, via: str, visit: Visit, reason: str, version: int | None = None
) -> Visit:
    """Cancel a visit that has not been finalised, with the reason."""
    if not _trusted(actor, via) and not access.can_cancel_visit(actor, visit):
        raise NotAllowed("You cannot cancel this visit")
    reason = _required(reason, "the reason for cancelling the visit")
    with transaction.atomic():
        visit = _locked(visit, version)
        visit_rules.check("cancel", visit=visit)
        old_status = visit.status
        visit.status, visit.cancelled_reason = VisitStatus.CANCELLED, reason
        _save(visit, ["status", "cancelled_reason"], actor, reason)
        _event(
            actor,
            via,
            "visit.cancelled",
            visit,
            {"status": [old_status, visit.status]},
            reason=reason,
        )
    return visit
