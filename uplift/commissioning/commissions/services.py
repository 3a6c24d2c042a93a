"""Approved providers and commissions: adding a provider, placing a commission (which commits
its budget from the fund, so a commission the fund cannot afford is refused with the
shortfall), milestones and deliverables, and the four-part accountability report."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from uplift.commissioning.commissions import partnership
from uplift.commissioning.common import check_may_keep, event, required, user_or_none
from uplift.commissioning.models import (
    Commission,
    Milestone,
    MilestoneKind,
    Provider,
    ProviderKind,
    Rag,
    ReportPart,
    ReportSection,
)
from uplift.core.errors import Conflict, Refused, StaleVersion
from uplift.funds import services as funds
from uplift.funds.money import pounds


@transaction.atomic
def add_provider(
    *,
    actor,
    via,
    la,
    name: str,
    kind: str,
    approved: bool,
    due_diligence_on: date | None = None,
    due_diligence_due: date | None = None,
    is_sample: bool = False,
    reason: str,
) -> Provider:
    check_may_keep(actor, via, la.pk)
    if kind not in ProviderKind.values:
        raise Refused(f"Choose what kind of provider this is (not {kind!r})")
    if approved and due_diligence_on is None:
        raise Refused("Enter when due diligence was done before approving the provider")
    provider = Provider(
        la=la,
        name=required(name, "the provider's name", limit=160),
        kind=kind,
        approved=approved,
        due_diligence_on=due_diligence_on,
        due_diligence_due=due_diligence_due,
        is_sample=is_sample,
    )
    try:
        with transaction.atomic():
            provider.save()
    except IntegrityError:
        raise Conflict(f"{la.name} already has a provider called {provider.name}") from None
    event(
        actor,
        via,
        "provider.added",
        provider,
        la=la,
        changes={"name": [None, provider.name], "approved": [None, approved]},
        reason=required(reason, "why the provider is added"),
    )
    return provider


@transaction.atomic
def place_commission(
    *,
    actor,
    via,
    provider: Provider,
    fund,
    title: str,
    budget_pence: int,
    starts_on: date,
    ends_on: date,
    schools=(),
    summary: str = "",
    milestones=(),
    is_sample: bool = False,
    reason: str,
    decided_by=None,
) -> Commission:
    """Place a commission with an approved provider and commit its budget from the fund.
    `milestones` are (kind, text, due_on). A fund a partnership holds, or schools of the
    partnership the LA's operating model says commissions, need `decided_by`, the motion
    its board carried."""
    check_may_keep(actor, via, provider.la_id)
    partnership.check_decision(fund=fund, motion=decided_by)
    if fund.la_id != provider.la_id:
        raise Refused("Pay for the commission from a fund of the same LA")
    if not provider.approved:
        raise Conflict(f"{provider.name} is not on the approved list of providers")
    if provider.due_diligence_due and provider.due_diligence_due < starts_on:
        raise Conflict(
            f"{provider.name}'s due diligence runs out before the commission starts: "
            "check it again first"
        )
    if ends_on < starts_on:
        raise Refused("The commission must end on or after the day it starts")
    schools = list(schools)
    if any(school.la_id != provider.la_id for school in schools):
        raise Refused("Every school of the commission must be in the LA")
    partnership.check_commissioner(la=provider.la, schools=schools, motion=decided_by)
    commission = Commission.objects.create(
        la_id=provider.la_id,
        title=required(title, "the commission's title", limit=160),
        provider=provider,
        fund=fund,
        budget_pence=budget_pence,
        summary=summary.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        is_sample=is_sample,
        created_at=timezone.now(),
        created_by=user_or_none(actor),
    )
    commission.schools.set(schools)
    Milestone.objects.bulk_create(
        Milestone(commission=commission, kind=kind, text=text[:300], due_on=due)
        for kind, text, due in milestones
        if kind in MilestoneKind.values and text.strip()
    )
    commission.commitment = funds.commit(
        actor=actor,
        via=via,
        fund=fund,
        amount_pence=budget_pence,
        dated=starts_on,
        reason=reason,
        description=f"Commission: {commission.title} ({provider.name})",
        purpose=commission,
    )
    commission.save(update_fields=["commitment"])
    partnership.record_decision(actor=actor, via=via, commission=commission, motion=decided_by)
    event(
        actor,
        via,
        "commission.placed",
        commission,
        la=provider.la,
        changes={
            "title": [None, commission.title],
            "provider": [None, provider.name],
            "budget": [None, pounds(budget_pence)],
            "schools": [None, [school.name for school in schools]],
        },
        reason=reason,
    )
    return commission


@transaction.atomic
def save_report_section(
    *,
    actor,
    via,
    commission: Commission,
    part: str,
    evidence: str,
    rag: str,
    version: int | None = None,
    reason: str = "",
) -> ReportSection:
    """Write one part of the accountability report: its evidence and RAG rating. `version`
    is the section's version the writer saw (None for a new one); a stale one is refused."""
    check_may_keep(actor, via, commission.la_id)
    if part not in ReportPart.values:
        raise Refused(f"Choose a part of the accountability report (not {part!r})")
    if rag not in Rag.values:
        raise Refused("Choose a RAG rating: red, amber or green")
    evidence = required(evidence, "the evidence for this part")
    section = (
        ReportSection.objects.select_for_update().filter(commission=commission, part=part).first()
    )
    before = None
    if section is None:
        section = ReportSection(commission=commission, part=part, version=0)
    else:
        if version is not None and version != section.version:
            raise StaleVersion()
        before = [section.rag, section.evidence]
    section.evidence, section.rag = evidence, rag
    section.version += 1
    section.updated_at = timezone.now()
    section.updated_by = user_or_none(actor)
    section.save()
    event(
        actor,
        via,
        "commission.report_saved",
        commission,
        la=commission.la,
        changes={ReportPart(part).label: [before, [rag, evidence]]},
        reason=reason,
    )
    return section


@transaction.atomic
def complete_milestone(*, actor, via, milestone: Milestone, done_on: date, reason: str = ""):
    commission = milestone.commission
    check_may_keep(actor, via, commission.la_id)
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
    if milestone.done_on is not None:
        raise Conflict("That milestone is already done")
    milestone.done_on = done_on
    milestone.save(update_fields=["done_on"])
    event(
        actor,
        via,
        "commission.milestone_done",
        commission,
        la=commission.la,
        changes={milestone.text: [None, done_on.isoformat()]},
        reason=reason,
    )
    return milestone
