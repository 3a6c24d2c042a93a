"""A small two-LA world with inspections and a trust, the demo personas, and token clients."""

from datetime import date, timedelta

import pytest

from tests.api.helpers import V1
from uplift.api.services import create_token
from uplift.demo.personas import ensure_personas
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource, Judgement
from uplift.schools.models import (
    Establishment,
    GroupKind,
    GroupMembership,
    LocalAuthority,
    PhaseGroup,
    SchoolGroup,
)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def herts(db):
    return LocalAuthority.objects.create(code="919", name="Hertfordshire")


@pytest.fixture
def essex(db):
    return LocalAuthority.objects.create(code="881", name="Essex")


@pytest.fixture
def trust(herts):
    return SchoolGroup.objects.create(kind=GroupKind.TRUST, name="Herts Trust", reference="T1")


@pytest.fixture
def make_school(db):
    def make(urn: int, la, name: str = "", **values) -> Establishment:
        defaults = {
            "name": name or f"School {urn}",
            "laestab": f"{la.code}{urn % 10000:04d}",
            "type_name": "Community school",
            "phase": "Primary",
            "phase_group": PhaseGroup.PRIMARY,
            "status": "Open",
            "pupils": 100 + urn % 100,
        }
        return Establishment.objects.create(urn=urn, la=la, **{**defaults, **values})

    return make


@pytest.fixture
def inspect(db):
    """A graded EIF inspection of the school, with two judgements."""

    def inspect(school, start_date=date(2023, 5, 10), grade=2, framework="eif2019"):
        inspection = Inspection.objects.create(
            establishment=school,
            framework=framework,
            kind=InspectionKind.GRADED,
            start_date=start_date,
            overall_grade=grade,
            source=InspectionSource.OFSTED_MI,
        )
        for area in ("overall_effectiveness", "quality_of_education"):
            Judgement.objects.create(
                inspection=inspection, area=area, grade=str(grade), grade_rank=grade
            )
        return inspection

    return inspect


@pytest.fixture
def world(herts, essex, trust, make_school, inspect):
    """Three Herts schools and two Essex ones, each inspected once; a partnership of one
    school from each LA; the headteacher's school is herts_head."""
    schools = {
        "herts_a": make_school(117001, herts, "Abbots Langley Primary", trust=trust),
        "herts_head": make_school(
            117002,
            herts,
            "Bishop's Stortford High",
            phase="Secondary",
            phase_group=PhaseGroup.SECONDARY,
        ),
        "herts_c": make_school(117003, herts, "Croxley Primary", status="Closed"),
        "essex_a": make_school(881001, essex, "Essex Primary"),
        "essex_b": make_school(881002, essex, "Essex High", phase_group=PhaseGroup.SECONDARY),
    }
    partnership = SchoolGroup.objects.create(kind=GroupKind.PARTNERSHIP, name="Border Schools")
    for key in ("herts_a", "essex_a"):
        GroupMembership.objects.create(
            group=partnership, establishment=schools[key], joined_on=date.today() - timedelta(1)
        )
    for number, school in enumerate(schools.values()):
        inspect(school, start_date=date(2023, 1, 10 + number))
    return {"schools": schools, "partnership": partnership}


ALL = {117001, 117002, 117003, 881001, 881002}
HERTS = {117001, 117002, 117003}
SCOPES = {
    "admin": ALL,
    "dfe.viewer": ALL,
    "la.officer": HERTS,
    "data.officer": HERTS,
    "adviser": HERTS,
    "headteacher": {117002},
    "chair": {117002},
    "board.member": {117001, 881001},
}
IMPORTERS = {"admin", "data.officer"}


@pytest.fixture
def personas(world, herts):
    schools = world["schools"]
    return ensure_personas(
        la=herts,
        establishment=schools["herts_head"],
        group=world["partnership"],
        adviser_schools=[schools["herts_a"]],
    )


@pytest.fixture
def bearer(db):
    """Headers carrying a new token for the user."""

    def headers(user) -> dict:
        return {"Authorization": f"Bearer {create_token(user=user).secret}"}

    return headers


@pytest.fixture
def api_get(client, bearer):
    """GET an API path as the user (by token), returning the response."""

    def get(user, path: str, params: dict | None = None, headers: dict | None = None):
        return client.get(V1 + path, params or {}, headers=headers or bearer(user))

    return get
