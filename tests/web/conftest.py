"""Small demo-like data made with the ORM, and users of every role."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from uplift.accounts.models import Profile, Role
from uplift.schools.models import (
    Establishment,
    GroupKind,
    GroupMembership,
    LocalAuthority,
    PhaseGroup,
    SchoolGroup,
)


@pytest.fixture
def herts(db):
    return LocalAuthority.objects.create(code="919", name="Hertfordshire", region="East of England")


@pytest.fixture
def essex(db):
    return LocalAuthority.objects.create(code="881", name="Essex", region="East of England")


@pytest.fixture
def make_school(db):
    def make(urn: int, la, name: str | None = None, **values) -> Establishment:
        defaults = {
            "name": name or f"School {urn}",
            "laestab": f"{la.code}{urn % 10000:04d}" if la else "",
            "type_name": "Community school",
            "phase": "Primary",
            "phase_group": PhaseGroup.PRIMARY,
            "status": "Open",
            "open_date": date(1990, 9, 1),
            "statutory_low_age": 4,
            "statutory_high_age": 11,
            "pupils": 200 + urn % 100,
            "percent_fsm": Decimal("12.50"),
        }
        return Establishment.objects.create(urn=urn, la=la, **{**defaults, **values})

    return make


@pytest.fixture
def make_user(db):
    def make(username: str, role: str | None = None, **scope):
        user = get_user_model().objects.create_user(username=username, password="pw-for-tests")
        if role:
            Profile.objects.create(user=user, role=role, **scope)
        return user

    return make


@pytest.fixture
def data_officer(make_user, herts):
    return make_user("data.officer", Role.DATA_OFFICER, la=herts)


@pytest.fixture
def officer_client(client, data_officer):
    client.force_login(data_officer)
    return client


@pytest.fixture
def partnership(db, herts):
    return SchoolGroup.objects.create(kind=GroupKind.PARTNERSHIP, name="North Herts", la=herts)


@pytest.fixture
def join(db):
    def join(group, school, joined_on=None, left_on=None):
        return GroupMembership.objects.create(
            group=group, establishment=school, joined_on=joined_on, left_on=left_on
        )

    return join
