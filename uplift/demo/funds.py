"""The demo's money (sample data, labelled as such on every page): an intervention budget
like Stockton's, top-sliced from the Dedicated Schools Grant with the Schools Forum's
agreement, with £12,000 committed to a deployment; a pooled fund of an area partnership
like Northampton's AIP, with its member schools' contributions and one commission ("Good to
Great") whose accountability report is half written; a grants and bursaries scheme like
Race to the Top's with three applications (one awarded, with one claim paid and one
waiting); and a bronze/silver/gold traded offer with a subscription for each of the LA's
open schools and training places taken. The la.officer persona is given the finance
capability. Idempotent: nothing is added once the sample budget exists."""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from uplift.audit.models import Via
from uplift.categorisation.selectors import open_schools
from uplift.commissioning.commissions import services as commissions
from uplift.commissioning.grants import claims
from uplift.commissioning.grants import services as grants
from uplift.commissioning.traded import services as traded
from uplift.funds import services as funds
from uplift.funds.models import Fund

YEAR = "2026-27"
BUDGET = "Intervention budget (sample)"
CLI = {"actor": None, "via": Via.CLI}
WHY = "Demo sample data"
MEMBER_SHARE = 500_000  # each member school's contribution to the pooled fund, £5,000


def seed_money(*, la, officer_username: str = "la.officer", head_username: str = "headteacher"):
    """Create the sample money records if they are not there; say what was done."""
    officer = get_user_model().objects.get(username=officer_username)
    officer.user_permissions.add(Permission.objects.get(codename="manage_finance"))
    if Fund.objects.filter(la=la, name=BUDGET, financial_year=YEAR).exists():
        return "sample funds already there"
    head = get_user_model().objects.get(username=head_username)
    schools = list(open_schools(la=la, as_at=date(2026, 9, 1)).order_by("urn"))
    head_school = head.profile.establishment or schools[0]
    budget = _intervention_budget(la, head_school)
    pooled, members = _pooled_fund(la, schools)
    _commission(la, pooled, members)
    _grants(la, budget, head_school, [s for s in schools if s.pk != head_school.pk][:2])
    sold = _traded(la, schools)
    return (
        f"sample funds, a commission, a grant scheme with 3 applications and "
        f"{sold} traded-service subscriptions"
    )


def _fund(la, name, **values):
    return funds.create_fund(
        la=la, name=name, financial_year=YEAR, is_sample=True, reason=WHY, **values, **CLI
    )


def _intervention_budget(la, school):
    budget = _fund(
        la,
        BUDGET,
        owner_name=la.name,
        owner_kind="la",
        source="dsg_top_slice",
        source_note="Agreed by the Schools Forum in March 2026",
    )
    funds.contribute(
        fund=budget,
        amount_pence=13_600_000,
        dated=date(2026, 4, 1),
        description="DSG top-slice for school improvement",
        reason=WHY,
        **CLI,
    )
    funds.commit(
        fund=budget,
        amount_pence=1_200_000,
        dated=date(2026, 9, 14),
        description="Deployment of a national leader of education, two days a week",
        establishment=school,
        reason="Agreed at the priority schools meeting (sample)",
        **CLI,
    )
    return budget


def _pooled_fund(la, schools):
    pooled = _fund(
        la,
        "Area improvement partnership pooled fund (sample)",
        owner_name="Town area improvement partnership (sample)",
        owner_kind="partnership",
        source="pooled",
        source_note="Each member school contributes per pupil",
    )
    members = schools[:8]
    for school in members:
        funds.contribute(
            fund=pooled,
            amount_pence=MEMBER_SHARE,
            dated=date(2026, 4, 30),
            description=f"Member contribution: {school.name}",
            establishment=school,
            reason=WHY,
            **CLI,
        )
    return pooled, members


def _commission(la, pooled, members):
    provider = commissions.add_provider(
        la=la,
        name="School improvement company (sample)",
        kind="private",
        approved=True,
        due_diligence_on=date(2026, 3, 2),
        due_diligence_due=date(2027, 3, 1),
        is_sample=True,
        reason=WHY,
        **CLI,
    )
    placed = commissions.place_commission(
        provider=provider,
        fund=pooled,
        title="Good to Great",
        budget_pence=min(2_400_000, MEMBER_SHARE * len(members)),
        starts_on=date(2026, 9, 1),
        ends_on=date(2027, 7, 16),
        schools=members[:4],
        summary="Coaching and school development days to take good schools to outstanding.",
        milestones=[
            ("milestone", "Baseline reviews in each school", date(2026, 10, 23)),
            ("deliverable", "Six coaching days for each senior team", date(2027, 3, 31)),
            ("deliverable", "End-of-project report to the strategic group", date(2027, 7, 16)),
        ],
        is_sample=True,
        reason="Agreed by the partnership's strategic group (sample)",
        **CLI,
    )
    for part, rag, evidence in (
        (
            "implementation",
            "green",
            "Baseline reviews done in all four schools; 14 of 24 coaching days delivered.",
        ),
        (
            "teaching",
            "amber",
            "Lesson visits: 68% good or better, up from 57% at the baseline.",
        ),
    ):
        commissions.save_report_section(
            commission=placed, part=part, rag=rag, evidence=evidence, reason=WHY, **CLI
        )


def _grants(la, budget, head_school, others):
    scheme = grants.create_scheme(
        fund=budget,
        name="Leadership bursaries (sample)",
        description="Bursaries for leaders of schools that need to improve.",
        criteria=[
            "The school is in category 3a, 3b or 4, or below good at its last inspection",
            "The application names measurable outcomes for pupils",
            "The governing body supports the application",
        ],
        max_award_pence=1_000_000,
        closes_on=date(2027, 1, 29),
        conditions="Spend the bursary by 31 March 2027 and report its impact in July 2027.",
        is_sample=True,
        reason=WHY,
        **CLI,
    )
    applications = [
        grants.apply(
            scheme=scheme,
            establishment=school,
            requested_pence=pence,
            purpose=purpose,
            statement="Sample application: our plan, its outcomes and the governors' support.",
            today=date(2026, 11, 2),
            is_sample=True,
            **CLI,
        )
        for school, pence, purpose in zip(
            [head_school, *others],
            (800_000, 600_000, 1_000_000),
            ("Middle leadership programme", "Phonics training", "Coaching for the head"),
            strict=False,
        )
    ]
    assessed = [{"criterion": c, "met": True, "note": "Seen"} for c in scheme.criteria]
    awarded = grants.award(
        application=applications[0],
        assessment=assessed,
        awarded_pence=750_000,
        reason="Meets every criterion; agreed at the grants panel (sample)",
        **CLI,
    )
    first = claims.claim(
        application=awarded,
        amount_pence=300_000,
        evidence="Sample claim: the programme provider's invoice for the autumn term.",
        is_sample=True,
        **CLI,
    )
    claims.approve(claim=first, reason="Invoice seen (sample)", **CLI)
    claims.claim(
        application=awarded,
        amount_pence=200_000,
        evidence="Sample claim: cover for the leaders' programme days in the spring term.",
        is_sample=True,
        **CLI,
    )
    if len(applications) > 1:
        grants.decline(
            application=applications[1],
            assessment=[{**a, "met": n != 1} for n, a in enumerate(assessed)],
            reason="No measurable outcomes for pupils (sample)",
            **CLI,
        )


def _traded(la, schools) -> int:
    service = traded.create_service(
        la=la,
        name="School improvement traded offer (sample)",
        description="Adviser sessions, training and a helpline, sold to schools each year.",
        packages=[
            {
                "name": "Bronze",
                "level": 1,
                "price_pence": 120_000,
                "adviser_sessions": 1,
                "helpline": True,
            },
            {
                "name": "Silver",
                "level": 2,
                "price_pence": 260_000,
                "adviser_sessions": 3,
                "training_places": 2,
                "helpline": True,
            },
            {
                "name": "Gold",
                "level": 3,
                "price_pence": 480_000,
                "adviser_sessions": 6,
                "training_places": 5,
                "helpline": True,
                "clerking": True,
            },
        ],
        is_sample=True,
        reason=WHY,
        **CLI,
    )
    packages = {p.name: p for p in service.packages.all()}
    traded.expect_package(
        service=service,
        categories=["3b", "4"],
        package=packages["Gold"],
        reason="Schools causing concern are expected to buy gold",
        **CLI,
    )
    choices = ("declined", "Bronze", "Silver", "Gold", "Silver", "Silver", "Gold")
    for school in schools:
        choice = choices[school.urn % len(choices)]
        sub = traded.record_subscription(
            service=service,
            establishment=school,
            academic_year=YEAR,
            status="declined" if choice == "declined" else "bought",
            package=packages.get(choice),
            is_sample=True,
            reason=WHY,
            **CLI,
        )
        if choice == "Silver" and school.urn % 2 == 0:
            traded.record_training(
                service=service,
                establishment=school,
                course="Phonics for Key Stage 1 teachers (sample)",
                held_on=date(2026, 11, 12),
                places=school.urn % 3 + 1,
                is_sample=True,
                reason=WHY,
                **CLI,
            )
        if choice == "Gold" and school.urn % 3 == 0:
            traded.record_usage(
                subscription=sub,
                kind="adviser_session",
                used_on=date(2026, 10, 7),
                note="Adviser session on the school's improvement plan",
                **CLI,
            )
    return len(schools)
