"""Reads of school-to-school support, each through the user's scope (access.py) and in a
fixed number of queries."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from uplift.accounts.access import own_school_id, profile_of
from uplift.accounts.models import Role
from uplift.brokerage import access
from uplift.brokerage.eligibility import Eligibility, eligibility_of, settings_for
from uplift.brokerage.models import (
    CreditEntry,
    Deployment,
    DueDiligenceCheck,
    GoodPractice,
    ShapedSession,
    SupportRequest,
    SupportSession,
)
from uplift.brokerage.terms import academic_year_of
from uplift.schools.models import Establishment


def leaders(*, user, la=None) -> QuerySet:
    found = access.visible_leaders(user)
    if la is not None:
        found = found.filter(organisation__la=la)
    return found.select_related("organisation__establishment", "organisation__la").prefetch_related(
        "designations"
    )


def organisations(*, user, la=None) -> QuerySet:
    found = access.visible_organisations(user)
    if la is not None:
        found = found.filter(la=la)
    checks = DueDiligenceCheck.objects.select_related("checked_by").order_by("-checked_on", "-id")
    return found.select_related("establishment", "group", "la").prefetch_related(
        Prefetch("checks", queryset=checks)
    )


@dataclass
class RegisterRow:
    leader: object
    eligibility: Eligibility | None  # None for a leader outside any school
    current_designations: list


def register_rows(*, user, la=None, day: date | None = None) -> list[RegisterRow]:
    """Leaders with their current designations and their school's eligibility to support."""
    day = day or timezone.localdate()
    found = list(leaders(user=user, la=la))
    schools = {
        ld.organisation.establishment_id: ld.organisation.establishment
        for ld in found
        if ld.organisation.establishment_id
    }
    verdicts = eligibility_of(schools=schools.values())
    return [
        RegisterRow(
            leader=ld,
            eligibility=verdicts.get(ld.organisation.establishment_id),
            current_designations=[d for d in ld.designations.all() if d.is_current_on(day)],
        )
        for ld in found
    ]


def leader_in_scope(*, user, pk: int):
    found = leaders(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def organisation_in_scope(*, user, pk: int):
    found = organisations(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def requests(*, user, status: str = "") -> QuerySet:
    found = access.visible_requests(user).select_related("establishment", "case", "raised_by")
    return found.filter(status=status) if status else found


def request_in_scope(*, user, pk: int) -> SupportRequest:
    found = requests(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def deployments(*, user, establishment=None, status: str = "") -> QuerySet:
    found = (
        access.visible_deployments(user)
        .select_related("establishment", "organisation__establishment", "leader", "request")
        .annotate(delivered=Sum("sessions__days"))
    )
    if establishment is not None:
        found = found.filter(
            Q(establishment=establishment) | Q(organisation__establishment=establishment)
        )
    return found.filter(status=status) if status else found


def deployment_in_scope(*, user, pk: int) -> Deployment:
    found = (
        deployments(user=user)
        .filter(pk=pk)
        .prefetch_related(
            "objectives__plan_objective",
            Prefetch(
                "sessions",
                queryset=SupportSession.objects.select_related("commented_by", "logged_by"),
            ),
        )
        .first()
    )
    if found is None:
        raise Http404
    return found


def credit_school(*, user, urn: int):
    schools = access.credit_schools(user)
    if schools is None:
        return None
    found = schools.filter(urn=urn).first()
    if found is None:
        raise Http404
    return found


@dataclass
class Statement:
    school: object
    academic_year: str
    opening: int
    entries: list
    earned: int
    spent: int
    adjusted: int
    closing: int


def statement(*, establishment, academic_year: str) -> Statement:
    """The school's credits in an academic year: the balance it opened with, each entry with
    the balance after it, and the closing balance. Two queries."""
    entries = CreditEntry.objects.filter(establishment=establishment)
    opening = entries.filter(academic_year__lt=academic_year).aggregate(t=Sum("credits"))["t"] or 0
    rows = list(entries.filter(academic_year=academic_year).order_by("occurred_on", "id"))
    running = opening
    for row in rows:
        running += row.credits
        row.balance_after = running
    total = {kind: sum(r.credits for r in rows if r.kind == kind) for kind in ("earned", "spent")}
    adjusted = sum(r.credits for r in rows if r.kind == "adjusted")
    return Statement(
        school=establishment,
        academic_year=academic_year,
        opening=opening,
        entries=rows,
        earned=total["earned"],
        spent=-total["spent"],
        adjusted=adjusted,
        closing=running,
    )


def this_year() -> str:
    return academic_year_of(timezone.localdate())


def shaped_sessions(*, establishment, academic_year: str) -> QuerySet:
    return ShapedSession.objects.filter(establishment=establishment, academic_year=academic_year)


def good_practice(*, user, area: str = "", phase: str = "", text: str = "") -> QuerySet:
    """Good practice in the LAs whose register the user reads, by area, phase and words."""
    las = access.register_las(user)
    if las is None:
        return GoodPractice.objects.none()
    found = GoodPractice.objects.filter(establishment__la__in=las.values("pk")).select_related(
        "establishment"
    )
    if area:
        found = found.filter(area=area)
    if phase:
        found = found.filter(phase=phase)
    if text.strip():
        words = text.strip()
        found = found.filter(
            Q(title__icontains=words)
            | Q(summary__icontains=words)
            | Q(establishment__name__icontains=words)
        )
    return found


def shaped_allowance(*, establishment) -> int:
    return settings_for(la_ids=[establishment.la_id])[establishment.la_id].shaped_sessions


def practice_schools(*, user) -> QuerySet:
    """The schools a user may add good practice for: their LA's for an officer, their own
    for a headteacher."""
    from_las = Establishment.objects.filter(la__in=access.managed_las(user).values("pk"))
    school = own_school_id(user)
    profile = profile_of(user)
    if school is not None and profile is not None and profile.role == Role.HEADTEACHER:
        return from_las | Establishment.objects.filter(pk=school)
    return from_las
