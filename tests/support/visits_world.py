"""The visit tests' world: Hertfordshire with two schools and Essex with one, the demo
personas (the headteacher's school is assigned to the adviser), an Essex adviser, and a
Peterborough-style policy to give schools a published category.

Test modules import the fixture `vw`: `from tests.support.visits_world import vw_fixture`
(imported, pytest finds it by its name).
"""

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from uplift.accounts.models import Profile, Role
from uplift.audit.models import Via
from uplift.categorisation.models import CategoryChange, PolicyVersion
from uplift.categorisation.services import create_policy_from_preset
from uplift.demo.personas import ensure_personas
from uplift.schools.models import Establishment, LocalAuthority
from uplift.support.visits import services

PAST = date(2026, 10, 5)  # a visit day in 2026-27, before "today" in the tests that write notes


@dataclass
class World:
    herts: LocalAuthority
    essex: LocalAuthority
    school: Establishment  # 117001: the headteacher's, assigned to the adviser
    same_la: Establishment  # 117002: Hertfordshire, not assigned
    other_la: Establishment  # 881001: Essex
    users: dict
    essex_adviser: object
    policy: PolicyVersion

    def __getitem__(self, username):
        return self.users[username]

    def categorise(self, school, code: str, when=None):
        return CategoryChange.objects.create(
            establishment=school,
            policy_version=self.policy,
            category=code,
            reason="tests",
            evidence="tests",
            changed_at=when or timezone.now(),
        )

    def visit(self, *, school=None, day=PAST, adviser=None, purpose="Focus visit: reading"):
        return services.schedule_visit(
            actor=self.users["la.officer"],
            via=Via.WEB,
            establishment=school or self.school,
            adviser=adviser or self.users["adviser"],
            scheduled_for=day,
            purpose=purpose,
        )

    def write(self, visit, text="Seen and discussed."):
        headings = services.note_headings(visit)
        return services.save_note(
            actor=visit.adviser,
            via=Via.WEB,
            visit=visit,
            sections=[{"heading": h, "text": f"{text} ({h})"} for h in headings],
            version=visit.version,
        )

    def through(self, visit, last: str):
        """Take the visit through the workflow up to and including the step `last`."""
        steps = ["write", "share", "comment", "finalise"]
        for step in steps[: steps.index(last) + 1]:
            if step == "write":
                visit = self.write(visit)
            elif step == "share":
                visit = services.share_note(
                    actor=visit.adviser, via=Via.WEB, visit=visit, version=visit.version
                )
            elif step == "comment":
                visit = services.comment_on_note(
                    actor=self.users["headteacher"],
                    via=Via.WEB,
                    visit=visit,
                    comment="We agree with the actions.",
                    version=visit.version,
                )
            else:
                visit = services.finalise_note(
                    actor=visit.adviser, via=Via.WEB, visit=visit, version=visit.version
                )
        return visit


def build_world() -> World:
    herts = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    essex = LocalAuthority.objects.create(code="881", name="Essex")

    def school(urn, la, name):
        return Establishment.objects.create(
            urn=urn, la=la, name=name, laestab=f"{la.code}{urn % 10000:04d}", status="Open"
        )

    in_scope = school(117001, herts, "Abbots Langley Primary")
    same_la = school(117002, herts, "Bishop's Stortford High")
    other_la = school(881001, essex, "Colchester Primary")
    users = ensure_personas(
        la=herts, establishment=in_scope, group=None, adviser_schools=[in_scope]
    )
    essex_adviser = get_user_model().objects.create_user(
        username="essex.adviser", first_name="Esme", last_name="Essex"
    )
    Profile.objects.create(user=essex_adviser, role=Role.ADVISER, la=essex)
    essex_adviser.profile.assigned_establishments.set([other_la])
    policy = create_policy_from_preset(
        actor=None,
        via=Via.CLI,
        la=herts,
        preset="peterborough_2013",
        name="Peterborough-style",
        reason="tests",
    )
    return World(herts, essex, in_scope, same_la, other_la, users, essex_adviser, policy)


@pytest.fixture(name="vw")
def vw_fixture(db, settings) -> World:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build_world()
