"""Schools and inspections made with the ORM, and the demo personas, for the LA reports."""

from datetime import date

import pytest

from uplift.demo.personas import ensure_personas
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource, Judgement
from uplift.schools.models import (
    Establishment,
    GroupKind,
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
def make_school(db):
    def make(urn: int, la, pupils: int | None = 200, **values) -> Establishment:
        defaults = {
            "name": f"School {urn}",
            "laestab": f"{la.code}{urn % 10000:04d}",
            "type_name": "Community school",
            "phase_group": PhaseGroup.PRIMARY,
            "status": "Open",
        }
        return Establishment.objects.create(urn=urn, la=la, pupils=pupils, **{**defaults, **values})

    return make


@pytest.fixture
def inspect(db):
    """An inspection of the school: graded with an overall grade by default; `areas` adds
    judgements {area: grade code} on the framework's scale."""

    def inspect(
        school,
        start: date,
        *,
        grade: int | None = None,
        framework: str = "eif2019",
        kind: str = InspectionKind.GRADED,
        published: date | None = None,
        outcome: str = "",
        areas: dict[str, str] | None = None,
        safeguarding: str = "",
    ) -> Inspection:
        inspection = Inspection.objects.create(
            establishment=school,
            framework=framework,
            kind=kind,
            start_date=start,
            publication_date=published,
            overall_grade=grade,
            outcome=outcome,
            safeguarding=safeguarding,
            source=InspectionSource.OFSTED_MI,
        )
        scale = inspection.framework_info
        for area, code in (areas or {}).items():
            Judgement.objects.create(
                inspection=inspection, area=area, grade=code, grade_rank=scale.grade(code).rank
            )
        return inspection

    return inspect


@pytest.fixture
def personas(herts, essex, make_school):
    """The demo personas: LA staff of Hertfordshire; the headteacher's school is in Essex,
    so that it adds nothing to Hertfordshire's figures."""
    own = make_school(881999, essex, name="Headteacher's School")
    group = SchoolGroup.objects.create(kind=GroupKind.PARTNERSHIP, name="Partnership", la=herts)
    return ensure_personas(la=herts, establishment=own, group=group, adviser_schools=[own])
