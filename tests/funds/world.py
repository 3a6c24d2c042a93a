"""The money tests' world: Hertfordshire with a primary and a secondary school, Essex with
one school, the demo personas (la.officer given the finance capability), an LA officer
without it ("plain.officer") and an Essex finance officer.

Test modules import the fixture: `from tests.funds.world import money_world_fixture`.
"""

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from uplift.accounts.models import Profile, Role
from uplift.audit.models import Via
from uplift.demo.personas import ensure_personas
from uplift.funds import services
from uplift.schools.models import Establishment, LocalAuthority, PhaseGroup

DAY = date(2026, 6, 1)


def grant_finance(user) -> None:
    user.user_permissions.add(Permission.objects.get(codename="manage_finance"))


@dataclass
class MoneyWorld:
    herts: LocalAuthority
    essex: LocalAuthority
    primary: Establishment  # the headteacher's school
    secondary: Establishment
    essex_school: Establishment
    users: dict

    def __getitem__(self, username):
        return get_user_model().objects.get(pk=self.users[username].pk)  # fresh permissions

    def fund(self, *, name="Intervention budget", pence=13_600_000, fences=(), la=None):
        fund = services.create_fund(
            actor=None,
            via=Via.CLI,
            la=la or self.herts,
            name=name,
            owner_name="Hertfordshire County Council",
            owner_kind="la",
            source="dsg_top_slice",
            source_note="Agreed by the Schools Forum",
            financial_year="2026-27",
            ring_fences=fences,
            reason="tests",
        )
        if pence and not fences:
            services.contribute(
                actor=None, via=Via.CLI, fund=fund, amount_pence=pence, dated=DAY, reason="tests"
            )
        return fund


def build_money_world() -> MoneyWorld:
    herts = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    essex = LocalAuthority.objects.create(code="881", name="Essex")

    def school(urn, la, name, phase):
        return Establishment.objects.create(
            urn=urn,
            la=la,
            name=name,
            laestab=f"{la.code}{urn % 10000:04d}",
            status="Open",
            phase_group=phase,
        )

    primary = school(117001, herts, "Abbots Langley Primary", PhaseGroup.PRIMARY)
    secondary = school(117002, herts, "Bishop's Stortford High", PhaseGroup.SECONDARY)
    essex_school = school(881001, essex, "Colchester Primary", PhaseGroup.PRIMARY)
    users = ensure_personas(la=herts, establishment=primary, group=None, adviser_schools=[primary])
    grant_finance(users["la.officer"])
    model = get_user_model()
    plain = model.objects.create_user(username="plain.officer", first_name="Pat", last_name="Plain")
    Profile.objects.create(user=plain, role=Role.LA_OFFICER, la=herts)
    users["plain.officer"] = plain
    essex_officer = model.objects.create_user(username="essex.finance", first_name="Eve")
    Profile.objects.create(user=essex_officer, role=Role.LA_OFFICER, la=essex)
    grant_finance(essex_officer)
    users["essex.finance"] = essex_officer
    return MoneyWorld(herts, essex, primary, secondary, essex_school, users)


@pytest.fixture(name="mw")
def money_world_fixture(db, settings) -> MoneyWorld:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build_money_world()
