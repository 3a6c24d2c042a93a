"""A small LA made with the ORM: schools, inspections, results and users of every role."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from uplift.accounts.models import Profile, Role
from uplift.audit.models import Via
from uplift.categorisation import services
from uplift.imports.models import ImportRun, RunStatus
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource, Judgement
from uplift.performance.catalogue import sync_measures
from uplift.performance.models import Level, Result
from uplift.schools.models import Establishment, LocalAuthority, PhaseGroup


@pytest.fixture
def herts(db):
    return LocalAuthority.objects.create(code="919", name="Hertfordshire")


@pytest.fixture
def essex(db):
    return LocalAuthority.objects.create(code="881", name="Essex")


@pytest.fixture
def users(db, herts, essex):
    def make(username, role=None, superuser=False, **scope):
        user = get_user_model().objects.create_user(username=username, is_superuser=superuser)
        if role:
            Profile.objects.create(user=user, role=role, **scope)
        return user

    return {
        "admin": make("admin", Role.SYSTEM_ADMIN),
        "officer": make("herts.officer", Role.LA_OFFICER, la=herts),
        "essex_officer": make("essex.officer", Role.LA_OFFICER, la=essex),
        "data_officer": make("data.officer", Role.DATA_OFFICER, la=herts),
        "adviser": make("adviser", Role.ADVISER, la=herts),
        "viewer": make("viewer", Role.REGIONAL_VIEWER),
        "nobody": make("nobody"),
    }


@pytest.fixture
def make_school(db):
    def make(urn, la, phase=PhaseGroup.PRIMARY, **values):
        return Establishment.objects.create(
            urn=urn,
            la=la,
            name=values.pop("name", f"School {urn}"),
            phase_group=phase,
            status=values.pop("status", "Open"),
            **values,
        )

    return make


@pytest.fixture
def measures(db):
    return sync_measures()


@pytest.fixture
def import_run(db):
    now = timezone.now()
    return ImportRun.objects.create(
        importer="performance",
        file_name="ks2_2023-24.csv",
        sha256="0" * 64,
        actor="cli",
        started_at=now,
        finished_at=now,
        status=RunStatus.APPLIED,
    )


@pytest.fixture
def add_result(measures, import_run):
    def add(school, code, year, value):
        return Result.objects.create(
            measure=measures[code],
            academic_year=year,
            level=Level.SCHOOL,
            subject_key=f"urn:{school.urn}",
            establishment=school,
            value=None if value is None else Decimal(str(value)),
            suppression="SUPP" if value is None else "",
            import_run=import_run,
        )

    return add


@pytest.fixture
def inspect(db):
    def add(
        school,
        start,
        *,
        framework="eif2019",
        grade=None,
        kind=InspectionKind.GRADED,
        concern="",
        areas=None,
        number="",
        published=None,
    ):
        inspection = Inspection.objects.create(
            establishment=school,
            framework=framework,
            kind=kind,
            start_date=start,
            publication_date=published,
            overall_grade=grade,
            category_of_concern=concern,
            inspection_number=number or f"{school.urn}{start:%y%m%d}",
            source=InspectionSource.OFSTED_MI,
        )
        for rank, (area, code) in enumerate((areas or {}).items(), start=1):
            Judgement.objects.create(inspection=inspection, area=area, grade=code, grade_rank=rank)
        return inspection

    return add


@pytest.fixture
def active_policy(herts):
    """Peterborough for Hertfordshire, active (made through the services, as the system)."""
    draft = services.create_policy_from_preset(
        actor=None,
        via=Via.CLI,
        la=herts,
        preset="peterborough_2013",
        name="Peterborough",
        reason="testing",
    )
    return services.activate_version(actor=None, via=Via.CLI, version=draft, reason="testing")


ROUND_DAY = date(2026, 9, 1)
