"""Reads of action plans and support cycles, scoped by the app's access module
(visible_action_plans, visible_support_cycles). Each runs a fixed number of queries
however many plans, objectives, milestones, reviews or steps there are."""

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404

from uplift.accounts import access as accounts_access
from uplift.schools import access as schools_access
from uplift.support import access
from uplift.support.models import (
    ActionPlan,
    CycleStep,
    Milestone,
    Objective,
    ProgressReview,
    Rag,
    SupportCycle,
)


def support_school(*, user, urn: int):
    """The school whose plans and cycles the user may read. PermissionDenied for a role that
    reads no school's (board members, data officers, DfE viewers); Http404 for a school
    outside the user's scope, whether or not it exists."""
    if not access.reads_school_support(user):
        raise PermissionDenied
    school = get_object_or_404(
        schools_access.visible_establishments(user).select_related("la"), urn=urn
    )
    if access.can_plan_support(user, school):
        return school
    profile = accounts_access.profile_of(user)
    if profile is not None and profile.role in accounts_access.SEE_THEIR_SCHOOL:
        if profile.establishment_id == school.pk:
            return school
    raise Http404


def _latest_review(field: str):
    latest = ProgressReview.objects.filter(objective=OuterRef("pk")).order_by("-reviewed_on", "-id")
    return Subquery(latest.values(field)[:1])


def _objectives() -> QuerySet[Objective]:
    """Objectives with their owner, milestones and the latest review's rating and date
    (`latest_rag`, `latest_reviewed_on`; None before the first review)."""
    return (
        Objective.objects.select_related("owner")
        .annotate(
            latest_rag=_latest_review("rag"), latest_reviewed_on=_latest_review("reviewed_on")
        )
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "id"))
        )
        .order_by("due_on", "id")
    )


def rag_label(rag: str | None) -> str:
    return Rag(rag).label if rag else "Not reviewed"


def school_plans(*, user, establishment) -> list[ActionPlan]:
    """The school's action plans the user may read, newest first, each with its objectives
    (owner, milestones, latest RAG). Four queries whatever their number."""
    plans = (
        access.visible_action_plans(user)
        .filter(establishment=establishment)
        .select_related("case")
        .prefetch_related(Prefetch("objectives", queryset=_objectives()))
        .order_by("-starts_on", "-id")
    )
    return list(plans)


def plan_detail(*, user, pk: int) -> ActionPlan:
    """One plan the user may read (Http404 otherwise, whether or not it exists), with its
    objectives, their milestones and every review (oldest first) with its reviewer."""
    plans = (
        access.visible_action_plans(user)
        .select_related("establishment__la", "case", "created_by")
        .prefetch_related(
            Prefetch("objectives", queryset=_objectives()),
            Prefetch(
                "objectives__reviews",
                queryset=ProgressReview.objects.select_related("reviewer").order_by(
                    "reviewed_on", "id"
                ),
            ),
            Prefetch("cycles", queryset=SupportCycle.objects.order_by("-started_on")),
        )
    )
    return get_object_or_404(plans, pk=pk)


def objective_in_scope(*, user, pk: int) -> Objective:
    """An objective of a plan the user may read, with its plan and school (Http404 otherwise)."""
    return get_object_or_404(
        Objective.objects.filter(plan__in=access.visible_action_plans(user)).select_related(
            "plan__establishment__la", "owner"
        ),
        pk=pk,
    )


def milestone_in_scope(*, user, pk: int) -> Milestone:
    return get_object_or_404(
        Milestone.objects.filter(
            objective__plan__in=access.visible_action_plans(user)
        ).select_related("objective__plan__establishment__la"),
        pk=pk,
    )


def _steps():
    return Prefetch("steps", queryset=CycleStep.objects.select_related("recorded_by"))


def school_cycles(*, user, establishment) -> list[SupportCycle]:
    """The school's support cycles the user may read, newest first, each with its steps in
    order and its linked plan. Two queries whatever their number."""
    cycles = (
        access.visible_support_cycles(user)
        .filter(establishment=establishment)
        .select_related("plan")
        .prefetch_related(_steps())
        .order_by("-started_on", "-id")
    )
    return list(cycles)


def cycle_detail(*, user, pk: int) -> SupportCycle:
    """One cycle the user may read (Http404 otherwise), with its steps, plan and school."""
    cycles = (
        access.visible_support_cycles(user)
        .select_related("establishment__la", "plan", "created_by")
        .prefetch_related(_steps())
    )
    return get_object_or_404(cycles, pk=pk)


def plans_for_cycle(*, cycle: SupportCycle) -> QuerySet[ActionPlan]:
    """The active plans of the cycle's school, which its intervention step may link."""
    return ActionPlan.objects.filter(
        establishment_id=cycle.establishment_id, status="active"
    ).order_by("-starts_on", "-id")
