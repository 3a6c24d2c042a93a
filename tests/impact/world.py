"""The impact tests' world, shaped like the demo's data: the brokerage world (Hertfordshire,
Ryde Primary supported by Amy Ashwell) plus a register of primaries with an inspection
before 2019 and key stage 2 reading progress and absence for 2018-19 and 2023-24, as the
demo's real files give. Ryde's sample deployment ran from January 2020 to July 2022.

- SIMILAR primaries: like Ryde (300 pupils, 25% free school meals, graded requires
  improvement in 2017). Their reading progress rose by 1.0 and absence fell by 0.5.
- Ryde's reading progress rose by 3.0 (from -2.0 to 1.0), its absence fell by 1.5.
- Schools unlike Ryde (larger, richer, or graded good) whose progress rose by 5: a
  comparison that let them in would show Ryde doing worse.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from tests.brokerage.world import build_world
from uplift.audit.models import Via
from uplift.brokerage.services import deployments
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource
from uplift.performance.models import Level, Measure, Result
from uplift.schools.models import Establishment, PhaseGroup

STARTS, ENDS = date(2020, 1, 6), date(2022, 7, 22)
SIMILAR = 8


@dataclass
class ImpactWorld:
    bw: object
    deployment: object
    similar: list


def _measures():
    return {
        "ks2.READPROG": Measure.objects.create(
            code="ks2.READPROG", dataset="ks2", source_column="READPROG", label="Reading"
        ),
        "absence.PERCTOT": Measure.objects.create(
            code="absence.PERCTOT", dataset="absence", source_column="PERCTOT", label="Absence"
        ),
    }


def facts(school, measures, *, grade, reading, absence, pupils=300, fsm="25.0"):
    school.pupils, school.percent_fsm = pupils, Decimal(fsm)
    school.save(update_fields=["pupils", "percent_fsm"])
    if grade:
        Inspection.objects.create(
            establishment=school,
            framework="cif2015",
            kind=InspectionKind.GRADED,
            start_date=date(2017, 3, 1),
            overall_grade=grade,
            source=InspectionSource.MANUAL,
        )
    for code, values in (("ks2.READPROG", reading), ("absence.PERCTOT", absence)):
        for year, value in zip(("2018-19", "2023-24"), values, strict=True):
            Result.objects.create(
                measure=measures[code],
                academic_year=year,
                level=Level.SCHOOL,
                subject_key=f"urn:{school.urn}",
                establishment=school,
                value=Decimal(str(value)),
            )


def _school(urn, la, name):
    return Establishment.objects.create(
        urn=urn, la=la, name=name, status="Open", phase_group=PhaseGroup.PRIMARY
    )


def build_impact_world(similar: int = SIMILAR) -> ImpactWorld:
    bw = build_world()
    measures = _measures()
    facts(bw.ryde, measures, grade=3, reading=(-2.0, 1.0), absence=(6.0, 4.5))
    alike = []
    for i in range(similar):
        school = _school(200000 + i, bw.herts, f"Similar Primary {i + 1}")
        facts(
            school,
            measures,
            grade=3,
            reading=(-2.0 + i * 0.1, -1.0 + i * 0.1),
            absence=(6.0, 5.5),
            pupils=280 + i * 5,
            fsm="24.0",
        )
        alike.append(school)
    unlike = (("Big", 900, "25.0", 3), ("Rich", 300, "3.0", 3), ("Good", 300, "25.0", 2))
    for i, (name, pupils, fsm, grade) in enumerate(unlike):
        school = _school(300000 + i, bw.herts, f"{name} Primary")
        facts(
            school,
            measures,
            grade=grade,
            reading=(-2.0, 3.0),
            absence=(6.0, 3.0),
            pupils=pupils,
            fsm=fsm,
        )
    officer = bw.officer
    change = {"actor": officer, "via": Via.CLI}
    deployment = bw.agree(
        starts_on=STARTS,
        ends_on=ENDS,
        review_on=date(2022, 6, 1),
        school_agreed_on=STARTS,
        supporter_agreed_on=STARTS,
        la_agreed_on=STARTS,
    )
    deployments.review_deployment(
        deployment=deployment,
        reviewed_on=date(2022, 6, 1),
        impact="strong",
        summary="Leaders check the sequence themselves.",
        **change,
    )
    deployment.refresh_from_db()
    deployments.exit_deployment(
        deployment=deployment, exited_on=ENDS, summary="Termly check-ins.", **change
    )
    deployment.refresh_from_db()
    return ImpactWorld(bw, deployment, alike)


@pytest.fixture(name="iw")
def iw_fixture(db, settings) -> ImpactWorld:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build_impact_world()
