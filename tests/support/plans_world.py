"""A small world for the action plan and support cycle tests: two Hertfordshire schools and
one in Essex, the demo personas (the headteacher's and chair's school and the adviser's
assigned school is `school`), and helpers that create plans and cycles through the services."""

from datetime import date, timedelta
from types import SimpleNamespace

from django.utils import timezone

from uplift.audit.models import Via
from uplift.demo.personas import ensure_personas
from uplift.schools.models import Establishment, GroupKind, LocalAuthority, SchoolGroup
from uplift.support.cycles import services as cycles_services
from uplift.support.plans import services as plans_services

START = date(2026, 9, 1)


def build() -> SimpleNamespace:
    herts = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    essex = LocalAuthority.objects.create(code="881", name="Essex")

    def school(urn, la, name):
        return Establishment.objects.create(
            urn=urn, la=la, name=name, laestab=f"{la.code}{urn % 10000:04d}", status="Open"
        )

    own = school(117001, herts, "Abbots Langley Primary")
    same_la = school(117002, herts, "Bishop's Stortford High")
    other_la = school(881001, essex, "Colchester Primary")
    group = SchoolGroup.objects.create(kind=GroupKind.PARTNERSHIP, name="North Herts", la=herts)
    users = ensure_personas(la=herts, establishment=own, group=group, adviser_schools=[own])
    return SimpleNamespace(
        herts=herts,
        essex=essex,
        school=own,
        same_la=same_la,
        other_la=other_la,
        users=users,
        officer=users["la.officer"],
        adviser=users["adviser"],
        head=users["headteacher"],
        admin=users["admin"],
    )


def today() -> date:
    return timezone.localdate()


def past(days: int) -> date:
    return today() - timedelta(days=days)


def make_plan(w, *, school=None, actor=None, starts_on=None, **extra):
    return plans_services.create_plan(
        actor=actor or w.officer,
        via=Via.WEB,
        establishment=school or w.school,
        title=extra.pop("title", "Raising attainment in reading"),
        starts_on=starts_on or past(60),
        **extra,
    )


def make_objective(w, plan, *, owner=None, due_on=None, actor=None, text="Reading at KS2"):
    return plans_services.add_objective(
        actor=actor or w.officer,
        via=Via.WEB,
        plan=plan,
        text=text,
        success_criteria="70% reach the expected standard",
        owner=owner or w.head,
        due_on=due_on or today() + timedelta(days=120),
    )


def make_cycle(w, *, school=None, started_on=None, actor=None):
    return cycles_services.start_cycle(
        actor=actor or w.officer,
        via=Via.WEB,
        establishment=school or w.school,
        started_on=started_on or past(50),
        summary="Phonics and early reading need urgent support",
    )


def step(w, cycle, stage, happened_on, *, plan=None, actor=None):
    return cycles_services.record_cycle_step(
        actor=actor or w.officer,
        via=Via.WEB,
        cycle=cycle,
        stage=stage,
        happened_on=happened_on,
        summary=f"{stage} done",
        plan=plan,
    )
