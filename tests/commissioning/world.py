"""Builders for the commissioning tests, on top of the money world (tests/funds/world.py)."""

from datetime import date

from django.utils import timezone

from uplift.audit.models import Via
from uplift.categorisation.models import CategoryChange
from uplift.categorisation.services import create_policy_from_preset
from uplift.commissioning.commissions import services as commissions
from uplift.commissioning.grants import services as grants
from uplift.commissioning.traded import services as traded

YEAR = "2026-27"
CRITERIA = ["The school is in category 3a, 3b or 4", "The plan names measurable outcomes"]


def provider(mw, *, approved=True, name="EdisonLearning"):
    return commissions.add_provider(
        actor=None,
        via=Via.CLI,
        la=mw.herts,
        name=name,
        kind="private",
        approved=approved,
        due_diligence_on=date(2026, 3, 1) if approved else None,
        due_diligence_due=date(2027, 3, 1) if approved else None,
        reason="tests",
    )


def commission(mw, fund, *, budget=3_000_000, user=None):
    return commissions.place_commission(
        actor=mw[user] if user else None,
        via=Via.WEB if user else Via.CLI,
        provider=provider(mw),
        fund=fund,
        title="Good to Great",
        budget_pence=budget,
        starts_on=date(2026, 9, 1),
        ends_on=date(2027, 7, 31),
        schools=[mw.primary, mw.secondary],
        summary="Coaching for leaders of good schools to become outstanding",
        milestones=[("milestone", "Baseline visits done", date(2026, 10, 31))],
        reason="Agreed by the partnership's strategic group",
    )


def scheme(mw, fund, *, closes_on=date(2027, 1, 31)):
    return grants.create_scheme(
        actor=None,
        via=Via.CLI,
        fund=fund,
        name="Race to the Top bursaries",
        criteria=CRITERIA,
        max_award_pence=1_000_000,
        closes_on=closes_on,
        conditions="Spend the grant by 31 March 2027 and report on its impact.",
        reason="tests",
    )


def apply(mw, scheme_, *, school=None, pence=800_000):
    return grants.apply(
        actor=mw["headteacher"],
        via=Via.WEB,
        scheme=scheme_,
        establishment=school or mw.primary,
        requested_pence=pence,
        purpose="Phonics training for every Key Stage 1 teacher",
        statement="We are in category 3b; the plan aims for 80% passing the phonics check.",
        today=date(2026, 11, 1),
    )


def all_met(met=True):
    return [{"criterion": c, "met": met, "note": "Seen in the plan"} for c in CRITERIA]


def service(mw):
    return traded.create_service(
        actor=None,
        via=Via.CLI,
        la=mw.herts,
        name="School improvement",
        packages=[
            {"name": "Bronze", "level": 1, "price_pence": 150_000, "adviser_sessions": 1},
            {"name": "Silver", "level": 2, "price_pence": 300_000, "adviser_sessions": 3},
            {
                "name": "Gold",
                "level": 3,
                "price_pence": 550_000,
                "adviser_sessions": 6,
                "training_places": 4,
                "helpline": True,
            },
        ],
        reason="tests",
    )


def categorise(mw, school, code):
    policy = getattr(mw, "_policy", None)
    if policy is None:
        policy = create_policy_from_preset(
            actor=None,
            via=Via.CLI,
            la=mw.herts,
            preset="peterborough_2013",
            name="Peterborough-style",
            reason="tests",
        )
        mw._policy = policy
    return CategoryChange.objects.create(
        establishment=school,
        policy_version=policy,
        category=code,
        reason="tests",
        evidence="tests",
        changed_at=timezone.now(),
    )
