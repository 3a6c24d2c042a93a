"""The demo's governor services, sample data labelled as such on the pages: governing bodies
for the headteacher persona's school and the first of the LA's other schools, each with a
constitution, a clerk and governors; some with vacancies over 20% or a chair whose term has
expired, so that the governor services page has schools needing attention; training
sessions (an induction and a chairs' development day) with their attendance."""

from datetime import date

from django.contrib.auth import get_user_model

from uplift.accounts.models import Role
from uplift.audit.models import Via
from uplift.governors import services
from uplift.governors.models import BodyKind, Category, GoverningBody, GovernorRole
from uplift.schools.models import Establishment
from uplift.schools.selectors import open_establishments

WHY = "Demo: sample governing body"
HOW_MANY = 16
PLACES = {Category.PARENT: 2, Category.STAFF: 1, Category.HEADTEACHER: 1, Category.LA: 1}
FIRST = ("Alex", "Bea", "Cal", "Dee", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun", "Kit", "Lou")
LAST = ("Ashby", "Brook", "Carter", "Dunn", "Ellis", "Frost", "Grant", "Hale", "Irwin")


def _name(n: int) -> str:
    return f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]} (sample)"


def seed_governors(*, la) -> str:
    officer = get_user_model().objects.get(username="la.officer")
    if GoverningBody.objects.filter(establishment__la=la, is_sample=True).exists():
        return "sample governing bodies already there"
    change = {"actor": officer, "via": Via.CLI}
    schools = _schools(la)
    people = 0
    induction = []
    chairs = []
    for n, school in enumerate(schools):
        co_opted = 4 if n % 3 else 7  # every third school: a quarter of its places vacant
        body = services.set_up_body(
            establishment=school,
            kind=BodyKind.GOVERNING_BODY,
            places=PLACES | {Category.CO_OPTED: co_opted},
            clerk=_name(100 + n).replace(" (sample)", "") + " (sample clerk)",
            clerked_by_la=n % 2 == 0,
            instrument_dated=date(2023, 9, 1),
            is_sample=True,
            reason=WHY,
            **change,
        )
        chair_ends = date(2026, 8, 31) if n % 4 == 1 else date(2028, 8, 31)
        seats = [(Category.CO_OPTED, GovernorRole.CHAIR, chair_ends)]
        seats += [
            (c, GovernorRole.MEMBER, date(2028, 8, 31)) for c in PLACES for _ in range(PLACES[c])
        ]
        seats += [(Category.CO_OPTED, GovernorRole.MEMBER, date(2027, 8, 31))] * 3
        for category, role, ends in seats:
            governor = services.appoint_governor(
                body=body,
                name=_name(people),
                category=category,
                role=role,
                appointed_by=_appointer(category),
                starts_on=date(2024, 9, 1),
                term_ends_on=ends,
                dbs_checked_on=date(2024, 8, 15),
                reason=WHY,
                **change,
            )
            people += 1
            if people % 5 == 0:
                induction.append(governor)
            if role == GovernorRole.CHAIR and n % 2 == 0:
                chairs.append(governor)
    for title, kind, held_on, attendees in (
        ("New governors' induction (sample)", "induction", date(2026, 10, 3), induction),
        ("Chairs' development day (sample)", "chairs", date(2026, 11, 14), chairs),
    ):
        services.record_training(
            la=la,
            title=title,
            kind=kind,
            held_on=held_on,
            governors=attendees,
            is_sample=True,
            reason=WHY,
            **change,
        )
    return f"{len(schools)} sample governing bodies with {people} governors"


def _schools(la) -> list[Establishment]:
    own = Establishment.objects.filter(
        pk__in=get_user_model()
        .objects.filter(profile__role=Role.HEADTEACHER, profile__establishment__la=la)
        .values("profile__establishment")
    )
    others = open_establishments(Establishment.objects.filter(la=la)).exclude(pk__in=own)
    return list(own) + list(others.order_by("name")[:HOW_MANY])


def _appointer(category: str) -> str:
    return {
        Category.PARENT: "Elected by the parents",
        Category.STAFF: "Elected by the staff",
        Category.HEADTEACHER: "Ex officio",
        Category.LA: "The local authority",
    }.get(category, "The governing body")
