from datetime import date

import pytest
from django.contrib.auth import get_user_model

from uplift.accounts.models import Profile, Role
from uplift.schools.models import Establishment, LocalAuthority, PhaseGroup


@pytest.fixture
def herts(db):
    return LocalAuthority.objects.create(code="919", name="Hertfordshire")


@pytest.fixture
def essex(db):
    return LocalAuthority.objects.create(code="881", name="Essex")


@pytest.fixture
def make_school(db):
    def make(urn: int, la, name: str | None = None, **values) -> Establishment:
        defaults = {
            "name": name or f"School {urn}",
            "type_name": "Community school",
            "phase": "Primary",
            "phase_group": PhaseGroup.PRIMARY,
            "status": "Open",
            "open_date": date(1990, 9, 1),
        }
        return Establishment.objects.create(urn=urn, la=la, **{**defaults, **values})

    return make


@pytest.fixture
def make_user(db):
    def make(username: str, role: str | None = None, first_name="", last_name="", **scope):
        user = get_user_model().objects.create_user(
            username=username, password="pw-for-tests", first_name=first_name, last_name=last_name
        )
        if role:
            Profile.objects.create(user=user, role=role, **scope)
        return user

    return make


@pytest.fixture
def officer(make_user, herts):
    return make_user("officer", Role.LA_OFFICER, "Olive", "Officer", la=herts)


@pytest.fixture
def school(make_school, herts):
    return make_school(100001, herts, "Oakfield Primary")
