"""A piece of support in the terms impact needs: which schools it supported, from when to
when, who gave it, and its page. Each kind is read through its own app's scope, so a
person sees the impact of exactly the support they can see (404 otherwise)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from uplift.brokerage import selectors as brokerage
from uplift.brokerage.models import Deployment
from uplift.casework.cases.selectors import case_for
from uplift.casework.models import ConcernCase
from uplift.commissioning.access import has_finance
from uplift.commissioning.commissions.selectors import commission_for
from uplift.commissioning.grants.selectors import application_for
from uplift.commissioning.models import ApplicationStatus, Commission, GrantApplication
from uplift.impact.models import PieceKind
from uplift.support.access import visible_support_cycles
from uplift.support.models import SupportCycle

# A grant has no end date: its impact is read from a year after it was awarded.
GRANT_SPAN = timedelta(days=365)


@dataclass(frozen=True)
class Piece:
    kind: str
    pk: int
    title: str
    given_by: str
    school_ids: tuple[int, ...]
    starts_on: date
    ends_on: date | None  # None while it runs
    is_sample: bool
    page_url: str
    la_id: int | None

    @property
    def kind_label(self) -> str:
        return PieceKind(self.kind).label


def piece_for(*, user, kind: str, pk: int) -> Piece:
    """The piece of support if the user may see it (404 when not)."""
    if kind == PieceKind.DEPLOYMENT:
        return of_deployment(brokerage.deployment_in_scope(user=user, pk=pk))
    if kind == PieceKind.COMMISSION:
        if not has_finance(user):  # as the commission's own page
            raise PermissionDenied
        return of_commission(commission_for(user=user, pk=pk))
    if kind == PieceKind.CASE:
        return of_case(case_for(user=user, pk=pk))
    if kind == PieceKind.CYCLE:
        return of_cycle(get_object_or_404(visible_support_cycles(user), pk=pk))
    if kind == PieceKind.GRANT:
        application = application_for(user=user, pk=pk)
        if application.status != ApplicationStatus.AWARDED:
            raise Http404("Only an awarded grant has an impact")
        return of_grant(application)
    raise Http404("No such kind of support")


def piece_unscoped(*, kind: str, pk: int) -> Piece:
    """The piece of support for the command line and the demo, which have no user."""
    readers = {
        PieceKind.DEPLOYMENT: (Deployment, of_deployment),
        PieceKind.COMMISSION: (Commission, of_commission),
        PieceKind.CASE: (ConcernCase, of_case),
        PieceKind.CYCLE: (SupportCycle, of_cycle),
        PieceKind.GRANT: (GrantApplication, of_grant),
    }
    model, reader = readers[kind]
    return reader(model.objects.get(pk=pk))


def of_deployment(d: Deployment) -> Piece:
    return Piece(
        kind=PieceKind.DEPLOYMENT,
        pk=d.pk,
        title=f"Support for {d.establishment.name} from {d.leader.name}",
        given_by=f"{d.leader.name} ({d.organisation.name})",
        school_ids=(d.establishment_id,),
        starts_on=d.starts_on,
        ends_on=None if d.is_running else (d.exited_on or d.ends_on),
        is_sample=d.leader.is_sample,
        page_url=reverse("brokerage:deployment", args=[d.pk]),
        la_id=d.establishment.la_id,
    )


def of_commission(c: Commission) -> Piece:
    return Piece(
        kind=PieceKind.COMMISSION,
        pk=c.pk,
        title=c.title,
        given_by=c.provider.name,
        school_ids=tuple(sorted(s.pk for s in c.schools.all())),
        starts_on=c.starts_on,
        ends_on=c.ends_on,
        is_sample=c.is_sample,
        page_url=reverse("commissioning:commission_detail", args=[c.pk]),
        la_id=c.la_id,
    )


def of_case(case: ConcernCase) -> Piece:
    return Piece(
        kind=PieceKind.CASE,
        pk=case.pk,
        title=f"Concern case for {case.establishment.name}",
        given_by="The local authority",
        school_ids=(case.establishment_id,),
        starts_on=case.opened_on,
        ends_on=case.closed_on,
        is_sample=False,
        page_url=reverse("casework:case_detail", args=[case.pk]),
        la_id=case.establishment.la_id,
    )


def of_cycle(cycle: SupportCycle) -> Piece:
    return Piece(
        kind=PieceKind.CYCLE,
        pk=cycle.pk,
        title=f"Support cycle for {cycle.establishment.name}",
        given_by="The local authority",
        school_ids=(cycle.establishment_id,),
        starts_on=cycle.started_on,
        ends_on=cycle.ended_on,
        is_sample=False,
        page_url=reverse("support:cycle_detail", args=[cycle.pk]),
        la_id=cycle.establishment.la_id,
    )


def of_grant(a: GrantApplication) -> Piece:
    awarded = a.decided_on or a.submitted_at.date()
    return Piece(
        kind=PieceKind.GRANT,
        pk=a.pk,
        title=f"{a.scheme.name} grant to {a.establishment.name}",
        given_by=a.scheme.name,
        school_ids=(a.establishment_id,),
        starts_on=awarded,
        ends_on=awarded + GRANT_SPAN,
        is_sample=a.is_sample,
        page_url=reverse("commissioning:application_detail", args=[a.pk]),
        la_id=a.establishment.la_id,
    )


def supported_between(kind: str, starts_on: date, ends_on: date):
    """The schools that received support of this kind at some time between the dates, as
    a subquery: they are left out of comparison groups."""
    if kind == PieceKind.DEPLOYMENT:
        return Deployment.objects.filter(starts_on__lte=ends_on, ends_on__gte=starts_on).values(
            "establishment_id"
        )
    if kind == PieceKind.COMMISSION:
        return Commission.schools.through.objects.filter(
            commission__starts_on__lte=ends_on, commission__ends_on__gte=starts_on
        ).values("establishment_id")
    if kind == PieceKind.CASE:
        return (
            ConcernCase.objects.filter(opened_on__lte=ends_on)
            .exclude(closed_on__lt=starts_on)
            .values("establishment_id")
        )
    if kind == PieceKind.CYCLE:
        return (
            SupportCycle.objects.filter(started_on__lte=ends_on)
            .exclude(ended_on__lt=starts_on)
            .values("establishment_id")
        )
    return GrantApplication.objects.filter(
        status=ApplicationStatus.AWARDED,
        decided_on__lte=ends_on,
        decided_on__gte=starts_on - GRANT_SPAN,
    ).values("establishment_id")
