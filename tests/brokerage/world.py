"""The brokerage tests' world: Hertfordshire with a category 4 primary (Ryde Primary, the
headteacher persona's school) whose concern case is open, and schools whose leaders could
support it:

- Ashwell Primary, category 1, in the same partnership and postcode district as Ryde: Amy
  Ashwell (NLE; curriculum and teaching, leadership and governance; primary), who signs in.
- Barley Primary, category 1, in the same trust as Ryde: Ben Barley (LLE, same specialisms).
- Cotton Academy, category 2, secondary, elsewhere: Cara Cotton (SLE; curriculum and teaching).
- Dane End Primary, category 3b: Dan Dane (LLE), whose school cannot give support.
Every organisation has passed due diligence. Essex has one school, out of everyone's scope.

Test modules import the fixture: `from tests.brokerage.world import bw_fixture`.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from uplift.accounts.models import Profile, Role
from uplift.audit.models import Via
from uplift.brokerage.models import DesignationKind, Funding, OrganisationKind, RaisedFrom
from uplift.brokerage.services import deployments, register, requests
from uplift.casework.cases.services import open_case
from uplift.categorisation.models import CategoryChange
from uplift.categorisation.services import create_policy_from_preset
from uplift.demo.personas import ensure_personas
from uplift.schools.models import (
    Establishment,
    GroupKind,
    GroupMembership,
    LocalAuthority,
    PhaseGroup,
    SchoolGroup,
)

AGREED = date(2026, 11, 2)
SESSION_DAYS = (date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23))
AREAS = ["curriculum_teaching", "leadership_governance"]


@dataclass
class World:
    herts: LocalAuthority
    essex: LocalAuthority
    ryde: Establishment
    schools: dict
    orgs: dict
    leaders: dict
    users: dict
    case: object
    policy: object
    extra: dict = field(default_factory=dict)

    def __getitem__(self, username):
        return self.users[username]

    @property
    def officer(self):
        return self.users["la.officer"]

    def categorise(self, school, code):
        return CategoryChange.objects.create(
            establishment=school,
            policy_version=self.policy,
            category=code,
            reason="tests",
            evidence="tests",
            changed_at=timezone.now() - timedelta(days=30),
        )

    def request(self, **overrides):
        values = dict(
            actor=self.officer,
            via=Via.WEB,
            establishment=self.ryde,
            raised_from=RaisedFrom.CASE,
            case=self.case,
            areas=AREAS,
            days=10,
            needed_by=timezone.localdate() + timedelta(days=60),
            funding=Funding.LA,
            details="Curriculum and leadership after the inspection",
        )
        values.update(overrides)
        return requests.raise_request(**values)

    def agree(self, request=None, leader="amy", days=10, **overrides):
        request = request or self.request()
        values = dict(
            actor=self.officer,
            via=Via.WEB,
            request=request,
            leader=self.leaders[leader],
            days_planned=days,
            starts_on=AGREED,
            ends_on=AGREED + timedelta(days=150),
            review_on=AGREED + timedelta(days=90),
            school_agreed_on=AGREED,
            supporter_agreed_on=AGREED,
            la_agreed_on=AGREED,
            objectives=[{"text": "Every subject has a sequenced curriculum"}],
        )
        values.update(overrides)
        return deployments.agree_deployment(**values)

    def session(self, deployment, day=SESSION_DAYS[0], days=1, actor=None):
        return deployments.log_session(
            actor=actor or self.users["amy"],
            via=Via.WEB,
            deployment=deployment,
            held_on=day,
            days=days,
            focus="Curriculum sequencing in foundation subjects",
            notes="Walked the curriculum with subject leaders; agreed a sequencing template.",
        )


def _school(urn, la, name, phase=PhaseGroup.PRIMARY, postcode="SG1 1AA"):
    return Establishment.objects.create(
        urn=urn,
        la=la,
        name=name,
        laestab=f"{la.code}{urn % 10000:04d}",
        status="Open",
        phase_group=phase,
        postcode=postcode,
    )


def _leader(officer, org, name, kind, specialisms, phases=("primary",), user=None):
    leader = register.add_leader(
        actor=officer,
        via=Via.WEB,
        organisation=org,
        name=name,
        phases=list(phases),
        specialisms=list(specialisms),
        days_per_term=10,
        user=user,
    )
    register.designate(
        actor=officer,
        via=Via.WEB,
        leader=leader,
        kind=kind,
        designated_by="Department for Education" if kind == "nle" else "Hertfordshire",
        starts_on=date(2024, 9, 1),
    )
    return leader


def build_world() -> World:
    herts = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    essex = LocalAuthority.objects.create(code="881", name="Essex")
    ryde = _school(117101, herts, "Ryde Primary")
    schools = {
        "ashwell": _school(117102, herts, "Ashwell Primary", postcode="SG1 4ZZ"),
        "barley": _school(117103, herts, "Barley Primary", postcode="SG8 1AA"),
        "cotton": _school(117104, herts, "Cotton Academy", PhaseGroup.SECONDARY, "AL1 1AA"),
        "dane": _school(117105, herts, "Dane End Primary", postcode="SG11 1AA"),
        "essex": _school(881101, essex, "Colchester Primary", postcode="CO1 1AA"),
    }
    partnership = SchoolGroup.objects.create(
        kind=GroupKind.PARTNERSHIP, name="Stevenage Partnership", la=herts
    )
    trust = SchoolGroup.objects.create(kind=GroupKind.TRUST, name="Chalk Hills Trust")
    for school in (ryde, schools["ashwell"]):
        GroupMembership.objects.create(group=partnership, establishment=school)
    for school in (ryde, schools["barley"]):
        GroupMembership.objects.create(group=trust, establishment=school)
    users = ensure_personas(la=herts, establishment=ryde, group=partnership, adviser_schools=[ryde])
    user_model = get_user_model()
    amy = user_model.objects.create_user(username="amy", first_name="Amy", last_name="Ashwell")
    Profile.objects.create(user=amy, role=Role.HEADTEACHER, establishment=schools["ashwell"])
    users["amy"] = amy
    essex_officer = user_model.objects.create_user(username="essex.officer")
    Profile.objects.create(user=essex_officer, role=Role.LA_OFFICER, la=essex)
    users["essex.officer"] = essex_officer
    policy = create_policy_from_preset(
        actor=None, via=Via.CLI, la=herts, preset="peterborough_2013", name="P", reason="tests"
    )
    officer = users["la.officer"]
    world = World(herts, essex, ryde, schools, {}, {}, users, None, policy)
    for key, code in (("ashwell", "1"), ("barley", "1"), ("cotton", "2"), ("dane", "3b")):
        world.categorise(schools[key], code)
    world.categorise(ryde, "4")
    world.case = open_case(
        actor=officer,
        via=Via.WEB,
        establishment=ryde,
        opened_on=date(2026, 10, 1),
        reason="Category 4 after an inadequate inspection",
    )
    for key in ("ashwell", "barley", "cotton", "dane"):
        org = register.add_organisation(
            actor=officer,
            via=Via.WEB,
            la=herts,
            kind=OrganisationKind.SCHOOL,
            name="",
            urn=schools[key].urn,
        )
        register.record_check(
            actor=officer,
            via=Via.WEB,
            organisation=org,
            checked_on=date(2026, 10, 1),
            what="Safeguarding, finances and capacity",
            outcome="passed",
        )
        world.orgs[key] = org
    both = AREAS
    world.leaders["amy"] = _leader(
        officer, world.orgs["ashwell"], "Amy Ashwell", "nle", both, user=amy
    )
    world.leaders["ben"] = _leader(officer, world.orgs["barley"], "Ben Barley", "lle", both)
    world.leaders["cara"] = _leader(
        officer,
        world.orgs["cotton"],
        "Cara Cotton",
        DesignationKind.SLE,
        ["curriculum_teaching"],
        phases=("secondary",),
    )
    world.leaders["dan"] = _leader(officer, world.orgs["dane"], "Dan Dane", "lle", both)
    return world


@pytest.fixture(name="bw")
def bw_fixture(db, settings) -> World:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build_world()
