"""Asking schools for feedback and recording their answers.

`request_feedback` is called by the services of the apps above feedback, inside their own
transaction, on the event that calls for it (a visit's note finalised, a deployment
completed, a traded service used, an officer asking a commission's schools). It creates the
school's survey, with a one-time link (only its hash stored), and emails the link to the
school's headteacher when the transaction commits. `answer_survey` records the head's
ratings and comments, once."""

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from uplift.accounts.models import Role
from uplift.audit.services import record_event
from uplift.core.errors import Conflict, NotAllowed, Refused
from uplift.feedback import access
from uplift.feedback.models import Answer, Survey
from uplift.feedback.questions import SCALE, SubjectKind, questions_for
from uplift.people.services import token_hash

SURVEY_LIFETIME = timedelta(days=28)
MAX_COMMENTS = 5_000


@dataclass(frozen=True)
class Subject:
    """What the feedback is about, as the app that owns it describes it."""

    kind: str
    id: int
    label: str
    provider: str
    service: str
    happened_on: date


def headteacher_of(establishment):
    """The school's active headteacher with an email address (the first, if several)."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            role_grants__role=Role.HEADTEACHER,
            role_grants__establishment=establishment,
        )
        .exclude(email="")
        .order_by("pk")
        .first()
    )


def _label(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@transaction.atomic
def request_feedback(
    *,
    actor,
    via: str,
    subject: Subject,
    establishment,
    is_sample: bool = False,
    site_url: str | None = None,
) -> Survey:
    """The school's survey about the subject, created and emailed unless it already exists
    (a subject asks each school once). Called inside the caller's transaction."""
    if subject.kind not in SubjectKind.values:
        raise Refused(f"Feedback cannot be asked about {subject.kind!r}")
    existing = Survey.objects.filter(
        subject_kind=subject.kind, subject_id=subject.id, establishment=establishment
    ).first()
    if existing is not None:
        return existing
    token = secrets.token_urlsafe(32)
    head = headteacher_of(establishment)
    now = timezone.now()
    try:
        with transaction.atomic():
            survey = Survey.objects.create(
                la_id=establishment.la_id,
                establishment=establishment,
                subject_kind=subject.kind,
                subject_id=subject.id,
                subject_label=_label(subject.label, 300),
                provider_label=_label(subject.provider, 200),
                service_label=_label(subject.service, 200),
                happened_on=subject.happened_on,
                questions=questions_for(subject.kind),
                recipient=head,
                token_hash=token_hash(token),
                sent_at=now,
                expires_at=now + SURVEY_LIFETIME,
                is_sample=is_sample,
            )
    except IntegrityError:  # asked at the same moment by another transaction
        return Survey.objects.get(
            subject_kind=subject.kind, subject_id=subject.id, establishment=establishment
        )
    record_event(
        actor=actor,
        via=via,
        action="feedback.requested",
        obj=survey,
        establishment=establishment,
        changes={
            "subject": [None, survey.subject_label],
            "provider": [None, survey.provider_label],
        },
        reason=f"Feedback asked after: {SubjectKind(subject.kind).label.lower()}",
    )
    if head is not None:
        _email_on_commit(survey=survey, token=token, head=head, site_url=site_url)
    return survey


def _email_on_commit(*, survey: Survey, token: str, head, site_url: str | None) -> None:
    base = (site_url or settings.UPLIFT_SITE_URL).rstrip("/")
    context = {
        "survey": survey,
        "head": head,
        "link": base + reverse("feedback:answer_by_link", args=[token]),
        "home": base + reverse("feedback:index"),
        "days": SURVEY_LIFETIME.days,
    }
    body = render_to_string("feedback/survey_email.txt", context)
    subject = f"Your feedback on {survey.subject_label}"
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [head.email])
    )


def survey_for_link(token: str) -> Survey:
    """The survey this link opens, or a refusal saying why it cannot be used."""
    survey = (
        Survey.objects.select_related("establishment", "recipient")
        .filter(token_hash=token_hash(token or ""))
        .first()
    )
    if survey is None:
        raise Refused("This feedback link is not valid. Sign in to Uplift to answer the survey.")
    if survey.answered:
        raise Conflict("Thank you: this survey has already been answered.")
    if survey.expires_at <= timezone.now():
        raise Conflict("This feedback link has expired. Sign in to Uplift to answer the survey.")
    return survey


def _clean_ratings(survey: Survey, ratings: dict) -> dict[str, int]:
    allowed = {value for value, _ in SCALE}
    cleaned, missing = {}, []
    for question in survey.questions:
        value = ratings.get(question["key"])
        try:
            value = int(value)
        except (TypeError, ValueError):
            value = None
        if value not in allowed:
            missing.append(question["text"])
        else:
            cleaned[question["key"]] = value
    if missing:
        raise Refused(f"Choose how far you agree: {missing[0]}")
    return cleaned


@transaction.atomic
def answer_survey(
    *,
    actor,
    via: str,
    survey: Survey,
    ratings: dict,
    comments: str = "",
    by_link: bool = False,
) -> Survey:
    """Record the school's answers, once. By the emailed link the head needs no sign-in
    (the link was sent to them and is refused once used or expired); signed in, only the
    school's headteacher answers."""
    if by_link:
        actor = survey.recipient
    elif not access.may_answer(actor, survey):
        raise NotAllowed("Only the school's headteacher answers its feedback survey")
    if Survey.objects.filter(pk=survey.pk, answered_at__isnull=False).exists():
        raise Conflict("This survey has already been answered.")
    cleaned = _clean_ratings(survey, ratings)
    comments = (comments or "").strip()
    if len(comments) > MAX_COMMENTS:
        raise Refused(f"Keep your comments to {MAX_COMMENTS:,} characters")
    open_ = Survey.objects.filter(pk=survey.pk, answered_at__isnull=True)
    if by_link:
        open_ = open_.filter(expires_at__gt=timezone.now())
    claimed = open_.update(answered_at=timezone.now(), answered_by=actor, comments=comments)
    if not claimed:
        raise Conflict("This survey has already been answered or has expired.")
    Answer.objects.bulk_create(
        Answer(survey=survey, question=key, rating=value) for key, value in cleaned.items()
    )
    survey.refresh_from_db()
    record_event(
        actor=actor,
        via=via,
        action="feedback.answered",
        obj=survey,
        establishment=survey.establishment,
        changes={
            "ratings": [None, cleaned],
            **({"comments": [None, comments]} if comments else {}),
        },
        reason="Answered by the emailed link" if by_link else "Answered signed in",
    )
    return survey
