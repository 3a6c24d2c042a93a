"""Hertfordshire with three schools and Essex with one; an officer of each LA, an adviser, a
regional viewer, the head of the first school and the chair of the second; a governing body
of twelve places for the first school with a chair whose term has expired."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from uplift.accounts.models import Profile, Role
from uplift.audit.models import Via
from uplift.governors import services
from uplift.governors.models import BodyKind, Category, GovernorRole
from uplift.schools.models import Establishment, LocalAuthority

TODAY = date(2026, 12, 7)


@dataclass
class World:
    herts: LocalAuthority
    essex: LocalAuthority
    users: dict
    schools: list
    essex_school: Establishment

    def __getitem__(self, name):
        return self.users[name]


def _user(username, role, **scope):
    user = get_user_model().objects.create_user(
        username=username, first_name=username.split(".")[0].title(), last_name="Person"
    )
    Profile.objects.create(user=user, role=role, **scope)
    return user


def _school(urn, la, name):
    return Establishment.objects.create(
        urn=urn, la=la, name=name, status="Open", laestab=f"{la.code}{urn % 10000:04d}"
    )


@pytest.fixture
def gw(db):
    herts = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    essex = LocalAuthority.objects.create(code="881", name="Essex")
    schools = [
        _school(117001, herts, "Abbots Langley Primary"),
        _school(117002, herts, "Baldock Primary"),
        _school(117003, herts, "Chorleywood Primary"),
    ]
    essex_school = _school(881001, essex, "Colchester Primary")
    users = {
        "admin": _user("admin", Role.SYSTEM_ADMIN),
        "officer": _user("herts.officer", Role.LA_OFFICER, la=herts),
        "essex_officer": _user("essex.officer", Role.LA_OFFICER, la=essex),
        "adviser": _user("adviser", Role.ADVISER, la=herts),
        "viewer": _user("viewer", Role.REGIONAL_VIEWER),
        "head": _user("head", Role.HEADTEACHER, establishment=schools[0]),
        "chair": _user("chair", Role.CHAIR_OF_GOVERNORS, establishment=schools[1]),
        "board": _user("board.member", Role.BOARD_MEMBER),
    }
    return World(herts, essex, users, schools, essex_school)


def make_body(actor, school, places, governors=()):
    """A governing body with `places` ({category: n}) and governors given as (name,
    category, role, starts_on, term_ends_on)."""
    change = {"actor": actor, "via": Via.CLI}
    body = services.set_up_body(
        establishment=school,
        kind=BodyKind.GOVERNING_BODY,
        places=places,
        clerk="Pat Clerk",
        **change,
    )
    for name, category, role, starts_on, ends_on in governors:
        services.appoint_governor(
            body=body,
            name=name,
            category=category,
            role=role,
            appointed_by="The parents",
            starts_on=starts_on,
            term_ends_on=ends_on,
            **change,
        )
    return body


@pytest.fixture
def bodies(gw):
    """School 1: 10 places, 9 filled, the chair's term expired. School 2: 10 places, 8
    filled (exactly 20% vacant), chair in term. School 3: 5 places, 3 filled (40%)."""
    officer = gw["officer"]
    start, ends, expired = date(2023, 9, 1), date(2030, 8, 31), date(2026, 8, 31)
    places = {Category.PARENT: 4, Category.STAFF: 1, Category.LA: 1, Category.CO_OPTED: 4}
    first = make_body(
        officer,
        gw.schools[0],
        places,
        [("Chris Chair", Category.CO_OPTED, GovernorRole.CHAIR, start, expired)]
        + [(f"Parent {n}", Category.PARENT, GovernorRole.MEMBER, start, ends) for n in range(4)]
        + [("Sam Staff", Category.STAFF, GovernorRole.MEMBER, start, ends)]
        + [("Lee Authority", Category.LA, GovernorRole.MEMBER, start, ends)]
        + [
            (f"Co-opted {n}", Category.CO_OPTED, GovernorRole.MEMBER, start, ends) for n in range(2)
        ],
    )
    second = make_body(
        officer,
        gw.schools[1],
        places,
        [("Dana Chair", Category.CO_OPTED, GovernorRole.CHAIR, start, ends)]
        + [(f"Parent {n}", Category.PARENT, GovernorRole.MEMBER, start, ends) for n in range(4)]
        + [("Sam Staff", Category.STAFF, GovernorRole.MEMBER, start, ends)]
        + [
            (f"Co-opted {n}", Category.CO_OPTED, GovernorRole.MEMBER, start, ends) for n in range(2)
        ],
    )
    third = make_body(
        officer,
        gw.schools[2],
        {Category.PARENT: 2, Category.CO_OPTED: 3},
        [("Eve Chair", Category.CO_OPTED, GovernorRole.CHAIR, start, ends)]
        + [(f"Parent {n}", Category.PARENT, GovernorRole.MEMBER, start, ends) for n in range(2)],
    )
    return first, second, third
