"""A consortium of Hertfordshire made through the services: three schools it is responsible
for (and one it is not), a chair with a casting vote, three voting heads' seats, an LA
officer's seat without a vote, and a proposed categorisation round that gives the board the
role of agreeing its schools' categories."""

from dataclasses import dataclass, field
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from uplift.accounts.models import Profile, Role
from uplift.audit.models import Via
from uplift.categorisation import services as categorisation
from uplift.categorisation.models import Round
from uplift.partnerships import services
from uplift.partnerships.models import Constituency, Kind, Quorum
from uplift.schools.models import Establishment, LocalAuthority, PhaseGroup

TERM_START = date(2025, 9, 1)
MEETING_DAY = date(2026, 10, 1)


@dataclass
class World:
    herts: LocalAuthority
    essex: LocalAuthority
    users: dict
    schools: list  # the consortium's three, then one of Hertfordshire outside it
    essex_school: Establishment
    partnership: object = None
    seats: dict = field(default_factory=dict)
    round: Round | None = None

    def __getitem__(self, name):
        return self.users[name]

    def rows(self):
        """The round's rows of the consortium's schools."""
        return list(
            self.round.categorisations.filter(establishment__in=self.schools[:3])
            .select_related("establishment")
            .order_by("establishment__urn")
        )


def _user(username, role=None, **scope):
    user = get_user_model().objects.create_user(
        username=username, first_name=username.split(".")[0].title(), last_name="Person"
    )
    if role:
        Profile.objects.create(user=user, role=role, **scope)
    return user


@pytest.fixture
def pw(db):
    herts = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    essex = LocalAuthority.objects.create(code="881", name="Essex")
    users = {
        "admin": _user("admin", Role.SYSTEM_ADMIN),
        "officer": _user("herts.officer", Role.LA_OFFICER, la=herts),
        "essex_officer": _user("essex.officer", Role.LA_OFFICER, la=essex),
        "adviser": _user("adviser", Role.ADVISER, la=herts),
        "viewer": _user("viewer", Role.REGIONAL_VIEWER),
        "chair": _user("chair.person", Role.BOARD_MEMBER),
        "head_a": _user("head.a", Role.BOARD_MEMBER),
        "head_b": _user("head.b", Role.BOARD_MEMBER),
        "head_c": _user("head.c", Role.BOARD_MEMBER),
        "former": _user("former.member", Role.BOARD_MEMBER),
        "outsider": _user("outside.member", Role.BOARD_MEMBER),
    }
    schools = [
        Establishment.objects.create(
            urn=urn,
            la=herts,
            name=name,
            phase_group=PhaseGroup.PRIMARY,
            status="Open",
            laestab=f"919{urn % 10000:04d}",
        )
        for urn, name in (
            (117001, "Abbots Langley Primary"),
            (117002, "Baldock Primary"),
            (117003, "Chorleywood Primary"),
            (117009, "Watford Primary"),
        )
    ]
    essex_school = Establishment.objects.create(
        urn=881001, la=essex, name="Colchester Primary", status="Open", laestab="8811001"
    )
    world = World(herts, essex, users, schools, essex_school)
    officer = users["officer"]
    change = {"actor": officer, "via": Via.WEB}
    world.partnership = services.create_partnership(
        la=herts,
        kind=Kind.CONSORTIUM,
        name="North Herts Consortium",
        terms_of_reference="Agrees the categories of its schools.",
        quorum=Quorum.MAJORITY,
        chair_has_casting_vote=True,
        **change,
    )
    services.take_responsibility(
        partnership=world.partnership,
        establishments=schools[:3],
        starts_on=TERM_START,
        reason="Founding schools",
        **change,
    )
    for key, name, constituency, voting, chairs in (
        ("chair", "Independent chair", Constituency.INDEPENDENT_CHAIR, True, True),
        ("head_a", "Primary heads, north", Constituency.CLUSTER, True, False),
        ("head_b", "Primary heads, south", Constituency.CLUSTER, True, False),
        ("head_c", "Primary heads, east", Constituency.CLUSTER, True, False),
        ("officer", "LA school improvement officer", Constituency.OFFICER, False, False),
    ):
        seat = services.add_seat(
            partnership=world.partnership,
            name=name,
            constituency=constituency,
            voting=voting,
            chairs=chairs,
            **change,
        )
        world.seats[key] = seat
        services.appoint(
            seat=seat,
            person=users[key].get_full_name(),
            user=users[key],
            starts_on=TERM_START,
            **change,
        )
    west = services.add_seat(
        partnership=world.partnership,
        name="Primary heads, west",
        constituency=Constituency.CLUSTER,
        voting=True,
        **change,
    )
    world.seats["west"] = west
    services.appoint(
        seat=west,
        person="Former Person",
        user=users["former"],
        starts_on=date(2022, 9, 1),
        ends_on=date(2025, 8, 31),
        **change,
    )
    return world


@pytest.fixture
def with_round(pw):
    """A proposed autumn round of Hertfordshire, giving the consortium its role."""
    draft = categorisation.create_policy_from_preset(
        actor=None, via=Via.CLI, la=pw.herts, preset="risk_a_to_d", name="Risk", reason="test"
    )
    version = categorisation.activate_version(actor=None, via=Via.CLI, version=draft, reason="t")
    categorisation.propose_round(
        actor=None, via=Via.CLI, la=pw.herts, code="2026-autumn", policy_version=version, reason="t"
    )
    pw.round = Round.objects.get(la=pw.herts, code="2026-autumn")
    services.give_round_role(
        actor=pw["officer"],
        via=Via.WEB,
        round=pw.round,
        partnership=pw.partnership,
        reason="The consortium agrees its schools' categories",
    )
    return pw
