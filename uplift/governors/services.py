"""Changes to governing bodies: setting one up or changing its constitution and clerk (with
a version: a stale save is refused), appointing a governor, a governor leaving, recording a
training session's attendance and a governance review. Each runs in one transaction with its
audit event."""

from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from uplift.audit.services import record_event
from uplift.core.errors import NotAllowed, Refused, StaleVersion
from uplift.governors import access
from uplift.governors.models import (
    STATUTORY,
    BodyKind,
    Category,
    GoverningBody,
    Governor,
    GovernorRole,
    Place,
    Rating,
    Review,
    ReviewKind,
    TrainingKind,
    TrainingSession,
)


def _required(text: str, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise Refused(f"Enter {what}")
    return text


def _check_keeper(actor, establishment) -> None:
    if not access.can_keep(actor, establishment):
        raise NotAllowed("You cannot change this school's governing body")


def _places(places: dict) -> dict[str, int]:
    clean = {}
    for category, number in (places or {}).items():
        if category not in Category.values or category in STATUTORY:
            raise Refused("Places are for the categories of the constitution")
        if number is None or number < 0:
            raise Refused("Enter the number of places as 0 or more")
        if number:
            clean[category] = int(number)
    return clean


def set_up_body(
    *,
    actor,
    via: str,
    establishment,
    kind: str,
    places: dict,
    clerk: str = "",
    clerked_by_la: bool = False,
    instrument_dated: date | None = None,
    version: int | None = None,
    is_sample: bool = False,
    reason: str = "",
) -> GoverningBody:
    """Record the school's governing body, or change it: its kind, constitution (places per
    category), clerk. Changing an existing body needs the `version` the user saw."""
    _check_keeper(actor, establishment)
    if kind not in BodyKind.values:
        raise Refused("Choose the kind of governing body")
    places = _places(places)
    fields = {
        "kind": kind,
        "clerk": (clerk or "").strip(),
        "clerked_by_la": bool(clerked_by_la),
        "instrument_dated": instrument_dated,
    }
    with transaction.atomic():
        body = GoverningBody.objects.filter(establishment=establishment).first()
        if body is None:
            body = GoverningBody.objects.create(
                establishment=establishment,
                is_sample=is_sample,
                created_at=timezone.now(),
                **fields,
            )
            before = {}
            action = "governors.body_set_up"
        else:
            reason = _required(reason, "the reason for the change")
            saved = GoverningBody.objects.filter(pk=body.pk, version=version).update(
                version=F("version") + 1, **fields
            )
            if not saved:
                raise StaleVersion(
                    "Someone changed the governing body while you were looking at it. "
                    "Check it and make your change again."
                )
            before = {
                **{key: getattr(body, key) for key in fields},
                "places": dict(body.places.values_list("category", "number")),
            }
            body.refresh_from_db()
            action = "governors.body_changed"
        body.places.all().delete()
        Place.objects.bulk_create(
            Place(body=body, category=category, number=number)
            for category, number in sorted(places.items())
        )
        after = {**{key: getattr(body, key) for key in fields}, "places": places}
        changes = {
            key: [_plain(before.get(key)), _plain(value)]
            for key, value in after.items()
            if before.get(key) != value
        }
        record_event(
            actor=actor,
            via=via,
            action=action,
            obj=body,
            establishment=establishment,
            changes=changes,
            reason=reason or "Governing body recorded",
        )
    return body


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value


def appoint_governor(
    *,
    actor,
    via: str,
    body: GoverningBody,
    name: str,
    category: str,
    appointed_by: str,
    starts_on: date,
    term_ends_on: date,
    role: str = GovernorRole.MEMBER,
    dbs_checked_on: date | None = None,
    appointment: str = "",
    reason: str = "",
) -> Governor:
    """A governor joins the body for a term. Additional governors (s.64) and IEB members
    (s.65) are appointed by the LA's officers only, with the appointment's details."""
    establishment = body.establishment
    _check_keeper(actor, establishment)
    name = _required(name, "the governor's name")
    appointed_by = _required(appointed_by, "who appointed the governor")
    if category not in Category.values:
        raise Refused("Choose the governor's category")
    if role not in GovernorRole.values:
        raise Refused("Choose the governor's role")
    if starts_on is None or term_ends_on is None:
        raise Refused("Enter the dates the term starts and ends")
    if term_ends_on < starts_on:
        raise Refused("The term must end on or after the day it starts")
    if category in STATUTORY:
        if not access.is_governor_services(actor, establishment.la_id):
            raise NotAllowed("Only the LA appoints governors under its intervention powers")
        appointment = _required(appointment, f"the {STATUTORY[category]} appointment's details")
    with transaction.atomic():
        if role != GovernorRole.MEMBER:
            _step_down(body, role, starts_on)
        governor = Governor.objects.create(
            body=body,
            name=name,
            category=category,
            role=role,
            appointed_by=appointed_by,
            starts_on=starts_on,
            term_ends_on=term_ends_on,
            dbs_checked_on=dbs_checked_on,
            appointment=(appointment or "").strip(),
            recorded_at=timezone.now(),
        )
        record_event(
            actor=actor,
            via=via,
            action="governors.appointed",
            obj=governor,
            establishment=establishment,
            changes={
                "governor": [None, name],
                "category": [None, category],
                "role": [None, role],
                "term": [None, f"{starts_on.isoformat()} to {term_ends_on.isoformat()}"],
            },
            reason=reason or "Governor appointed",
        )
    return governor


def _step_down(body, role, day) -> None:
    """A new chair or vice-chair replaces the serving one, who stays a governor."""
    body.governors.filter(role=role, left_on__isnull=True).update(role=GovernorRole.MEMBER)


def governor_leaves(*, actor, via: str, governor: Governor, left_on: date, reason: str) -> Governor:
    establishment = governor.body.establishment
    _check_keeper(actor, establishment)
    reason = _required(reason, "the reason the governor left")
    if left_on is None or left_on < governor.starts_on:
        raise Refused("Enter a date on or after the day the term started")
    if governor.left_on is not None:
        raise Refused(f"{governor.name} has already left")
    with transaction.atomic():
        governor.left_on = left_on
        governor.save(update_fields=["left_on"])
        record_event(
            actor=actor,
            via=via,
            action="governors.left",
            obj=governor,
            establishment=establishment,
            changes={"left_on": [None, left_on.isoformat()]},
            reason=reason,
        )
    return governor


def record_training(
    *,
    actor,
    via: str,
    la,
    title: str,
    kind: str,
    held_on: date,
    governors,
    is_sample: bool = False,
    reason: str = "",
) -> TrainingSession:
    """The governors who attended a training session (the session is recorded once per LA,
    title and date; attendance adds to it)."""
    title = _required(title, "the session's title")
    if kind not in TrainingKind.values:
        raise Refused("Choose the kind of training")
    if held_on is None:
        raise Refused("Enter the date of the session")
    governors = list(governors)
    if not governors:
        raise Refused("Choose who attended")
    for governor in governors:
        if governor.body.establishment.la_id != la.pk:
            raise Refused(f"{governor.name} is not a governor of {la.name}'s schools")
        _check_keeper(actor, governor.body.establishment)
    with transaction.atomic():
        session, _ = TrainingSession.objects.get_or_create(
            la=la,
            title=title,
            held_on=held_on,
            defaults={"kind": kind, "is_sample": is_sample},
        )
        session.attendees.add(*governors)
        record_event(
            actor=actor,
            via=via,
            action="governors.training_recorded",
            obj=session,
            la=la,
            changes={"attended": [None, sorted(g.name for g in governors)]},
            reason=reason or "Training attendance recorded",
        )
    return session


def record_review(
    *,
    actor,
    via: str,
    body: GoverningBody,
    kind: str,
    reviewed_on: date,
    evidence: str,
    rating: str = Rating.NONE,
    reason: str = "",
) -> Review:
    """A governance review. The LA's rating is recorded by the LA's governor services only,
    and always with its evidence."""
    establishment = body.establishment
    _check_keeper(actor, establishment)
    if kind not in ReviewKind.values:
        raise Refused("Choose the kind of review")
    if rating not in Rating.values:
        raise Refused("Choose a rating")
    if kind == ReviewKind.LA_RATING:
        if not access.is_governor_services(actor, establishment.la_id):
            raise NotAllowed("Only the LA's governor services rate a school's governance")
        if not rating:
            raise Refused("Choose the LA's rating")
    if reviewed_on is None:
        raise Refused("Enter the date of the review")
    evidence = _required(evidence, "the evidence or notes of the review")
    with transaction.atomic():
        review = Review.objects.create(
            body=body,
            kind=kind,
            reviewed_on=reviewed_on,
            rating=rating,
            evidence=evidence,
            recorded_by=actor if actor is not None and actor.is_authenticated else None,
            recorded_at=timezone.now(),
        )
        record_event(
            actor=actor,
            via=via,
            action="governors.reviewed",
            obj=body,
            establishment=establishment,
            changes={"review": [None, kind], "rating": [None, rating]},
            reason=reason or "Governance review recorded",
        )
    return review
