"""A small LA with a categorised round: schools with inspections and results, and users."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from uplift.accounts.models import Profile
from uplift.audit.models import Via
from uplift.categorisation import services as categorisation
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource, Judgement
from uplift.performance.catalogue import sync_measures
from uplift.performance.models import Level, Result
from uplift.schools.models import Establishment, LocalAuthority, PhaseGroup, StatisticalNeighbour


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def herts(db):
    return LocalAuthority.objects.create(code="919", name="Hertfordshire")


@pytest.fixture
def essex(db):
    return LocalAuthority.objects.create(code="881", name="Essex")


def _result(measure, year, level, value, *, school=None, la=None, segment=""):
    key = f"urn:{school.urn}" if school else (f"la:{la.code}" if la else "england")
    return Result.objects.create(
        measure=measure,
        academic_year=year,
        level=level,
        subject_key=key,
        segment=segment,
        establishment=school,
        la=la,
        value=Decimal(str(value)),
    )


@pytest.fixture
def make_school(herts):
    measures = sync_measures()
    rwm = measures["ks2.PTRWM_EXP"]

    def make(urn, name=None, grade=2):
        school = Establishment.objects.create(
            urn=urn,
            la=herts,
            name=name or f"School {urn}",
            phase_group=PhaseGroup.PRIMARY,
            status="Open",
        )
        inspection = Inspection.objects.create(
            establishment=school,
            framework="eif2019",
            kind=InspectionKind.GRADED,
            start_date=date(2023, 3, 1),
            overall_grade=grade,
            inspection_number=f"{urn}01",
            source=InspectionSource.OFSTED_MI,
        )
        Judgement.objects.create(
            inspection=inspection, area="quality_of_education", grade=str(grade), grade_rank=grade
        )
        for year, value in (("2021-22", 61), ("2022-23", 64), ("2023-24", 67)):
            _result(rwm, year, Level.SCHOOL, value, school=school)
        return school

    return make


@pytest.fixture
def comparators(herts, essex):
    rwm = sync_measures()["ks2.PTRWM_EXP"]
    StatisticalNeighbour.objects.create(la=herts, neighbour=essex, rank=1, edition="2025")
    for year, la_value, england, neighbour in (
        ("2021-22", 60, 59, 51),
        ("2022-23", 62, 60, 52),
        ("2023-24", 63, 61, 53),
    ):
        _result(rwm, year, Level.LA, la_value, la=herts, segment="state-funded")
        _result(rwm, year, Level.ENGLAND, england, segment="state-funded")
        _result(rwm, year, Level.LA, neighbour, la=essex, segment="state-funded")


@pytest.fixture
def round_(herts, comparators, make_school):
    """Round 2026-autumn of Hertfordshire with two schools, proposed by Peterborough."""
    make_school(100001, "Walkern Primary School", grade=2)
    make_school(100002, "Ashwell Primary School", grade=3)
    draft = categorisation.create_policy_from_preset(
        actor=None, via=Via.CLI, la=herts, preset="peterborough_2013", name="P", reason="test"
    )
    version = categorisation.activate_version(actor=None, via=Via.CLI, version=draft, reason="t")
    refresh = categorisation.propose_round(
        actor=None,
        via=Via.CLI,
        la=herts,
        code="2026-autumn",
        policy_version=version,
        as_at=date(2026, 9, 1),
        reason="test",
    )
    return refresh.round


@pytest.fixture
def publish(round_):
    def publish():
        round_.status = "published"
        round_.updated_at = timezone.now()
        round_.save(update_fields=["status", "updated_at"])

    return publish


@pytest.fixture
def users(db, herts, essex):
    def make(username, role=None, **scope):
        user = get_user_model().objects.create_user(username=username)
        if role:
            Profile.objects.create(user=user, role=role, **scope)
        return user

    return make
