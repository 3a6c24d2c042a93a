"""A small synthetic inspection history, made with the ORM.

Half the schools hold their grade (with a rare step either way). The other half hold it for
a while, then slide: each graded inspection one step worse than the one before, down to
inadequate, where they stay. Every school is inspected every two years, on a day of its
own, so neither the grade alone nor the time since the last inspection tells which will
decline: the model has to learn it from the grade history.
"""

import random
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model

from uplift.accounts.models import Profile, Role
from uplift.inspections import frameworks
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource
from uplift.schools.models import Establishment, LocalAuthority, PhaseGroup

FIRST, LAST = date(2006, 1, 1), date(2017, 8, 1)


def grades(sliding: bool, first: int, count: int, rng: random.Random) -> list[int]:
    found, grade, holds = [], first, rng.randrange(0, 5)
    for number in range(count):
        found.append(grade)
        if sliding and number >= holds:
            grade = min(4, grade + 1)
        elif rng.random() < 0.08:
            grade = max(1, min(4, grade + rng.choice((-1, 1))))
    return found


@pytest.fixture
def history(db):
    rng = random.Random(16)
    las = [
        LocalAuthority.objects.create(code="919", name="Hertfordshire"),
        LocalAuthority.objects.create(code="881", name="Essex"),
    ]
    schools = Establishment.objects.bulk_create(
        Establishment(
            urn=100000 + n,
            la=las[n % 2],
            name=f"School {n}",
            phase_group=PhaseGroup.PRIMARY if n % 3 else PhaseGroup.SECONDARY,
            status="Open",
        )
        for n in range(360)
    )
    inspections = []
    for n, school in enumerate(schools):
        sliding = n % 2 == 0
        day = FIRST + timedelta(days=rng.randrange(0, 730))
        count = (LAST - day).days // 730 + 1
        first = rng.choice((1, 2)) if sliding else rng.choice((1, 2, 2, 2, 3))
        for grade in grades(sliding, first, count, rng):
            inspections.append(
                Inspection(
                    establishment=school,
                    framework=frameworks.framework_on(day).code,
                    kind=InspectionKind.GRADED,
                    start_date=day,
                    overall_grade=grade,
                    source=InspectionSource.HISTORY,
                )
            )
            day += timedelta(days=730)
    Inspection.objects.bulk_create(inspections)
    return {"las": las, "schools": schools}


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
