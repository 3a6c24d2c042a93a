"""The demo's impact pages. The sample support in the other demo records is recent (2026), so
no published figures fall after it. So that the impact pages can show before and after from
the real data (results of 2018-19 and of a year after 2022), this adds a completed sample
deployment and a completed sample commission that ran between those years (January 2020 to
July 2022), both labelled as samples, and saves their findings to the track records.
Idempotent: a second run finds the sample deployment and leaves everything alone."""

from datetime import date

from django.contrib.auth import get_user_model
from django.utils import timezone

from uplift.audit.models import Via
from uplift.brokerage.models import Deployment, SystemLeader
from uplift.brokerage.services import deployments, requests
from uplift.commissioning.commissions import services as commissions
from uplift.funds import services as funds
from uplift.impact.pieces import of_commission, of_deployment
from uplift.impact.services import save_findings
from uplift.performance.models import Result
from uplift.schools.models import Establishment, PhaseGroup

DETAILS = "Sample completed support, dated so that its impact can be read from the real data"
STARTS, ENDS = date(2020, 1, 6), date(2022, 7, 22)
CLI = {"actor": None, "via": Via.CLI}


def seed_impact(*, la, officer_username: str = "la.officer") -> str:
    if Deployment.objects.filter(request__details=DETAILS, establishment__la=la).exists():
        return "sample completed support already there"
    officer = get_user_model().objects.get(username=officer_username)
    schools = _primaries_with_figures(la)
    leader = SystemLeader.objects.filter(organisation__la=la, is_sample=True).order_by("pk").first()
    if len(schools) < 5 or leader is None:
        return "no sample leader or too few schools with figures before and after"
    leader_school = leader.organisation.establishment_id
    schools = [s for s in schools if s.pk != leader_school]
    deployment = _deployment(officer, schools[0], leader)
    commission = _commission(la, schools[1:5])
    change = {"actor": officer, "via": Via.CLI, "reason": "Demo: findings of the sample support"}
    save_findings(piece=of_deployment(deployment), **change)
    save_findings(piece=of_commission(commission), **change)
    return (
        f"a completed sample deployment ({deployment.pk}) and commission ({commission.pk}) "
        "with their impact saved"
    )


def _primaries_with_figures(la) -> list[Establishment]:
    """The LA's primaries with reading progress in two years or more and an inspection before
    the support, in URN order."""
    with_both = (
        Result.objects.filter(
            measure__code="ks2.READPROG",
            establishment__la=la,
            value__isnull=False,
        )
        .values_list("establishment_id", flat=True)
        .order_by()
    )
    counts: dict[int, int] = {}
    for pk in with_both:
        counts[pk] = counts.get(pk, 0) + 1
    chosen = [pk for pk, n in counts.items() if n >= 2]
    return list(
        Establishment.objects.filter(
            pk__in=chosen, phase_group=PhaseGroup.PRIMARY, inspections__start_date__lt=STARTS
        )
        .distinct()
        .order_by("urn")[:10]
    )


def _deployment(officer, school, leader):
    change = {"actor": officer, "via": Via.CLI}
    request = requests.raise_request(
        establishment=school,
        raised_from="officer",
        areas=["reading", "curriculum_teaching"],
        days=8,
        needed_by=timezone.localdate(),  # recorded today, for support given in the past
        funding="la",
        details=DETAILS,
        **change,
    )
    deployment = deployments.agree_deployment(
        request=request,
        leader=leader,
        days_planned=8,
        starts_on=STARTS,
        ends_on=ENDS,
        review_on=date(2022, 6, 30),
        school_agreed_on=STARTS,
        supporter_agreed_on=STARTS,
        la_agreed_on=STARTS,
        objectives=[{"text": "Sample objective: pupils read fluently by the end of Year 2"}],
        **change,
    )
    deployments.review_deployment(
        deployment=deployment,
        reviewed_on=date(2022, 6, 30),
        impact="some",
        summary="Sample review: phonics taught daily and checked by the reading lead.",
        **change,
    )
    deployment.refresh_from_db()
    deployments.exit_deployment(
        deployment=deployment,
        exited_on=ENDS,
        summary="Sample exit: the reading lead coaches new staff.",
        **change,
    )
    deployment.refresh_from_db()
    return deployment


def _commission(la, schools):
    fund = funds.create_fund(
        la=la,
        name="Reading programme fund 2019-20 (sample)",
        financial_year="2019-20",
        owner_name=la.name,
        owner_kind="la",
        source="la_budget",
        source_note="Sample: the LA's school improvement budget",
        is_sample=True,
        reason="Demo sample data",
        **CLI,
    )
    funds.contribute(
        fund=fund,
        amount_pence=4_000_000,
        dated=date(2019, 11, 1),
        description="Sample allocation",
        reason="Demo sample data",
        **CLI,
    )
    provider = commissions.add_provider(
        la=la,
        name="Reading programme provider (sample)",
        kind="private",
        approved=True,
        due_diligence_on=date(2019, 10, 1),
        due_diligence_due=date(2022, 9, 30),
        is_sample=True,
        reason="Demo sample data",
        **CLI,
    )
    return commissions.place_commission(
        provider=provider,
        fund=fund,
        title="Reading programme 2020 to 2022 (sample)",
        budget_pence=3_600_000,
        starts_on=STARTS,
        ends_on=ENDS,
        schools=schools,
        summary="Sample: training and coaching for reading leads in four primaries.",
        milestones=[("deliverable", "End-of-programme report", ENDS)],
        is_sample=True,
        reason="Demo sample data",
        **CLI,
    )
