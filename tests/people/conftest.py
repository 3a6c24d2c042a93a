"""A small world for the people pages: two LAs, a dozen schools, an LA administrator of
each, a board, and people of several roles."""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model

from uplift.accounts.models import Profile, Role
from uplift.schools.models import Establishment, GroupKind, LocalAuthority, SchoolGroup

PASSWORD = "pw-for-tests-2026"


@dataclass
class World:
    herts: LocalAuthority
    essex: LocalAuthority
    schools: list  # twelve Hertfordshire schools
    essex_school: Establishment
    board: SchoolGroup
    admin: object  # Hertfordshire's LA administrator
    essex_admin: object
    users: dict


def _user(username, role=None, **scope):
    first, last = username.split(".")
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        first_name=first.title(),
        last_name=last.title(),
        password=PASSWORD,
    )
    if role:
        Profile.objects.create(user=user, role=role, **scope)
    return user


@pytest.fixture
def world(db) -> World:
    herts = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    essex = LocalAuthority.objects.create(code="881", name="Essex")
    schools = [
        Establishment.objects.create(
            urn=117000 + i, la=herts, name=f"{name} Primary School", status="Open"
        )
        for i, name in enumerate(
            "Ash Birch Cedar Damson Elm Fir Hazel Holly Juniper Larch Maple Oak".split()
        )
    ]
    essex_school = Establishment.objects.create(
        urn=881001, la=essex, name="Colchester Primary School", status="Open"
    )
    board = SchoolGroup.objects.create(kind=GroupKind.PARTNERSHIP, name="North Herts", la=herts)
    users = {
        "officer": _user("olu.officer", Role.LA_OFFICER, la=herts),
        "data": _user("dee.data", Role.DATA_OFFICER, la=herts),
        "adviser": _user("ada.adviser", Role.ADVISER, la=herts),
        "head": _user("hana.head", Role.HEADTEACHER, establishment=schools[0]),
        "chair": _user("carl.chair", Role.CHAIR_OF_GOVERNORS, establishment=schools[0]),
        "board": _user("bea.board", Role.BOARD_MEMBER, group=board),
        "viewer": _user("vic.viewer", Role.REGIONAL_VIEWER),
        "sysadmin": _user("sid.system", Role.SYSTEM_ADMIN),
        "none": _user("nat.nobody"),
    }
    return World(
        herts=herts,
        essex=essex,
        schools=schools,
        essex_school=essex_school,
        board=board,
        admin=_user("ann.admin", Role.LA_ADMIN, la=herts),
        essex_admin=_user("eve.essex", Role.LA_ADMIN, la=essex),
        users=users,
    )


@pytest.fixture
def signed_in(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in
