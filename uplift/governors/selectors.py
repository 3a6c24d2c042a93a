"""Reads behind the governor services pages, API and CLI, in the user's scope and a bounded
number of queries: each school's body with its places filled and vacant, overdue terms and
whether the chair's term has expired; one body with its governors, training and reviews."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q
from django.utils import timezone

from uplift.governors import access
from uplift.governors.models import (
    CONCERN_RATINGS,
    STATUTORY,
    GoverningBody,
    Governor,
    GovernorRole,
    Review,
    ReviewKind,
    TrainingSession,
)

# A school needs governor services' attention above this share of vacant places.
VACANCY_THRESHOLD = 0.20


def serving(day: date) -> Q:
    return Q(starts_on__lte=day) & (Q(left_on__isnull=True) | Q(left_on__gt=day))


@dataclass
class Standing:
    """A body's state on a day, from its places and its serving governors."""

    body: GoverningBody
    day: date
    governors: list[Governor] = field(default_factory=list)

    @property
    def places(self) -> int:
        return sum(place.number for place in self.body.places.all())

    @property
    def filled(self) -> int:
        """Governors in the constitution's places (s.64 and s.65 appointments are extra)."""
        allowed = {place.category: place.number for place in self.body.places.all()}
        counted = {}
        for governor in self.governors:
            if governor.category not in STATUTORY:
                counted[governor.category] = counted.get(governor.category, 0) + 1
        return sum(min(n, allowed.get(category, 0)) for category, n in counted.items())

    @property
    def vacancies(self) -> int:
        return max(self.places - self.filled, 0)

    @property
    def vacancy_rate(self) -> float:
        return self.vacancies / self.places if self.places else 0.0

    @property
    def vacancy_percent(self) -> int:
        return round(self.vacancy_rate * 100)

    def vacancies_by_category(self) -> list[tuple[str, int, int]]:
        """(category label, places, vacant) for each category of the constitution."""
        rows = []
        for place in self.body.places.all():
            serving_now = sum(g.category == place.category for g in self.governors)
            rows.append(
                (place.get_category_display(), place.number, max(place.number - serving_now, 0))
            )
        return rows

    @property
    def chair(self) -> Governor | None:
        return next((g for g in self.governors if g.role == GovernorRole.CHAIR), None)

    @property
    def chair_term_expired(self) -> bool:
        return self.chair is not None and self.chair.term_ends_on < self.day

    @property
    def no_chair(self) -> bool:
        return self.chair is None

    @property
    def overdue(self) -> list[Governor]:
        return [g for g in self.governors if g.term_ends_on < self.day]

    @property
    def statutory(self) -> list[Governor]:
        return [g for g in self.governors if g.category in STATUTORY]

    @property
    def latest_rating(self) -> Review | None:
        return next((r for r in self.body.reviews.all() if r.kind == ReviewKind.LA_RATING), None)

    @property
    def rating_concern(self) -> bool:
        rating = self.latest_rating
        return rating is not None and rating.rating in CONCERN_RATINGS

    @property
    def needs_attention(self) -> bool:
        return self.vacancy_rate > VACANCY_THRESHOLD or self.chair_term_expired

    @property
    def reasons(self) -> list[str]:
        found = []
        if self.vacancy_rate > VACANCY_THRESHOLD:
            found.append(f"{self.vacancy_percent}% of places vacant")
        if self.chair_term_expired:
            found.append("the chair's term has expired")
        return found


def _with_serving(bodies, day):
    return bodies.select_related("establishment__la").prefetch_related(
        "places",
        Prefetch(
            "governors",
            queryset=Governor.objects.filter(serving(day)).order_by("name"),
            to_attr="serving_now",
        ),
        Prefetch("reviews", queryset=Review.objects.order_by("-reviewed_on", "-id")),
    )


def standings(user, *, la_id: int | None = None, day: date | None = None) -> list[Standing]:
    """Every governing body the user reads (optionally one LA's), with its standing."""
    day = day or timezone.localdate()
    bodies = access.visible_bodies(user)
    if la_id is not None:
        bodies = bodies.filter(establishment__la_id=la_id)
    bodies = _with_serving(bodies.order_by("establishment__name"), day)
    return [Standing(body, day, body.serving_now) for body in bodies]


def needing_attention(user, *, la_id: int | None = None, day=None) -> list[Standing]:
    """Schools with over 20% of places vacant or a chair's term expired."""
    return [s for s in standings(user, la_id=la_id, day=day) if s.needs_attention]


def standing_of(body: GoverningBody, day: date | None = None) -> Standing:
    day = day or timezone.localdate()
    body = _with_serving(GoverningBody.objects.filter(pk=body.pk), day).get()
    return Standing(body, day, body.serving_now)


def body_for_school(user, urn: int) -> GoverningBody | None:
    return (
        access.visible_bodies(user)
        .select_related("establishment__la")
        .filter(establishment__urn=urn)
        .first()
    )


def governor_history(body: GoverningBody) -> list[Governor]:
    """Every governor the body has had, serving first, with their training."""
    return list(body.governors.prefetch_related("training").order_by("left_on", "-role", "name"))


def governors_for(user, *, urn: int | None = None, day=None):
    """Serving governors the user may read (for the API), optionally of one school."""
    day = day or timezone.localdate()
    found = Governor.objects.filter(serving(day), body__in=access.visible_bodies(user))
    if urn is not None:
        found = found.filter(body__establishment__urn=urn)
    return found.select_related("body__establishment").order_by(
        "body__establishment__name", "name", "id"
    )


def body_standing_for_school(establishment, day=None) -> Standing | None:
    """The school's body and its standing, for other apps' pages (the case page)."""
    body = GoverningBody.objects.filter(establishment=establishment).first()
    return standing_of(body, day) if body is not None else None


def sessions_of(body: GoverningBody) -> list[TrainingSession]:
    """The training sessions the body's governors attended, latest first."""
    return list(
        TrainingSession.objects.filter(attendees__body=body)
        .distinct()
        .order_by("-held_on", "title")[:50]
    )


# A categorisation policy's judged criterion with this code reads the LA's latest rating of
# the school's governance when no officer has judged it (its levels are the rating's codes:
# strong, effective, developing, weak).
GOVERNANCE_CRITERION = "governance"


def latest_ratings(establishment_ids, as_at: date) -> dict[int, Review]:
    """Each school's latest LA rating of its governance made by `as_at` (one query)."""
    rows = (
        Review.objects.filter(
            body__establishment_id__in=establishment_ids,
            kind=ReviewKind.LA_RATING,
            reviewed_on__lte=as_at,
        )
        .exclude(rating="")
        .select_related("body")
        .order_by("body__establishment_id", "-reviewed_on", "-id")
    )
    found: dict[int, Review] = {}
    for review in rows:
        found.setdefault(review.body.establishment_id, review)
    return found
