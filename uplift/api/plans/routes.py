"""Action plans (objectives, milestones, RAG-rated reviews) and Stockton support cycles.

Reads follow the pages: LA officers (their LA's schools), advisers (their assigned schools)
and system administrators; a headteacher or chair reads their own school's. Other roles are
refused (403); a school, plan or cycle outside the caller's scope answers 404. Changes act
for the caller, through the same services as the pages (their audit events say "API"). A
change a rule refuses answers 409 with the rule's message, and its code in details[0].type.
Every change to an existing plan or cycle takes the `version` the caller read (a plan's
covers its objectives, milestones and reviews); a stale one answers 409 with
details[0].type "stale_version", naming who changed it first.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.responses import Status

from uplift.api.calls import call
from uplift.api.errors import CHANGE_RESPONSES, ERROR_RESPONSES
from uplift.api.pagination import Page, PageParams, paginate
from uplift.api.plans.schemas import (
    AchievedIn,
    CloseIn,
    CycleIn,
    CycleOut,
    DoneIn,
    MilestoneIn,
    ObjectiveIn,
    PlanIn,
    PlanOut,
    ReviewIn,
    StepIn,
)
from uplift.casework import access as casework_access
from uplift.core.errors import Refused
from uplift.support import access as support_access
from uplift.support.cycles import services as cycles_services
from uplift.support.plans import selectors as plans_selectors
from uplift.support.plans import services as plans_services

router = Router(tags=["action plans and support cycles"])


# Presenting


def _person(user) -> dict | None:
    if user is None:
        return None
    return {"id": user.pk, "name": user.get_full_name() or user.get_username()}


def _objective(objective, *, reviews: bool) -> dict:
    return {
        "id": objective.pk,
        "text": objective.text,
        "success_criteria": objective.success_criteria,
        "owner": _person(objective.owner),
        "due_on": objective.due_on,
        "achieved_on": objective.achieved_on,
        "latest_rag": objective.latest_rag,
        "latest_reviewed_on": objective.latest_reviewed_on,
        "milestones": [
            {"id": m.pk, "text": m.text, "due_on": m.due_on, "done_on": m.done_on}
            for m in objective.milestones.all()
        ],
        "reviews": [
            {
                "id": r.pk,
                "reviewed_on": r.reviewed_on,
                "rag": r.rag,
                "commentary": r.commentary,
                "reviewer": _person(r.reviewer),
            }
            for r in objective.reviews.all()
        ]
        if reviews
        else None,
    }


def _plan(plan, *, school, reviews: bool = False) -> dict:
    return {
        "id": plan.pk,
        "urn": school.urn,
        "school": school.name,
        "title": plan.title,
        "starts_on": plan.starts_on,
        "ends_on": plan.ends_on,
        "status": plan.status,
        "closed_on": plan.closed_on,
        "closed_reason": plan.closed_reason,
        "case_id": plan.case_id,
        "version": plan.version,
        "objectives": [_objective(o, reviews=reviews) for o in plan.objectives.all()],
    }


def _cycle(cycle, *, school) -> dict:
    return {
        "id": cycle.pk,
        "urn": school.urn,
        "school": school.name,
        "stage": cycle.stage,
        "started_on": cycle.started_on,
        "ended_on": cycle.ended_on,
        "plan_id": cycle.plan_id,
        "version": cycle.version,
        "next_stages": list(cycles_services.allowed_stages(cycle)),
        "steps": [
            {"id": s.pk, "stage": s.stage, "happened_on": s.happened_on, "summary": s.summary}
            for s in cycle.steps.all()
        ],
    }


# Scope


def _reader(request) -> None:
    if not support_access.reads_school_support(request.auth):
        raise PermissionDenied


def _school(request, urn: int):
    return plans_selectors.support_school(user=request.auth, urn=urn)


def _writer(request, school) -> None:
    if not support_access.can_plan_support(request.auth, school):
        raise PermissionDenied


def _plan_to_change(request, pk: int):
    _reader(request)
    plan = get_object_or_404(
        support_access.visible_action_plans(request.auth).select_related("establishment__la"), pk=pk
    )
    _writer(request, plan.establishment)
    return plan


def _objective_to_change(request, pk: int):
    _reader(request)
    objective = plans_selectors.objective_in_scope(user=request.auth, pk=pk)
    _writer(request, objective.plan.establishment)
    return objective


def _plan_answer(request, pk: int, status: int = 200):
    plan = plans_selectors.plan_detail(user=request.auth, pk=pk)
    return Status(status, _plan(plan, school=plan.establishment, reviews=True))


def _cycle_answer(request, pk: int, status: int = 200):
    cycle = plans_selectors.cycle_detail(user=request.auth, pk=pk)
    return Status(status, _cycle(cycle, school=cycle.establishment))


# Action plans


@router.get(
    "/schools/{int:urn}/action-plans",
    response={200: Page[PlanOut], **ERROR_RESPONSES},
    summary="A school's action plans, newest first, with objectives and latest ratings",
)
def school_action_plans(request, urn: int, page: Query[PageParams]):
    school = _school(request, urn)
    plans = plans_selectors.school_plans(user=request.auth, establishment=school)
    return paginate(
        request, plans, page, present=lambda found: [_plan(p, school=school) for p in found]
    )


@router.get(
    "/action-plans/{int:plan_id}",
    response={200: PlanOut, **ERROR_RESPONSES},
    summary="One action plan with its objectives, milestones and every review",
)
def action_plan(request, plan_id: int):
    _reader(request)
    return _plan_answer(request, plan_id)


@router.post(
    "/action-plans",
    response={201: PlanOut, **CHANGE_RESPONSES},
    summary="Create an action plan for a school",
)
def create_action_plan(request, body: PlanIn):
    school = _school(request, body.urn)
    _writer(request, school)
    case = None
    if body.case_id is not None:
        case = casework_access.visible_cases(request.auth).filter(pk=body.case_id).first()
        if case is None:
            raise Refused(f"There is no concern case {body.case_id} you can see")
    plan = call(
        plans_services.create_plan,
        request,
        establishment=school,
        title=body.title,
        starts_on=body.starts_on,
        ends_on=body.ends_on,
        case=case,
    )
    return _plan_answer(request, plan.pk, 201)


@router.post(
    "/action-plans/{int:plan_id}/objectives",
    response={201: PlanOut, **CHANGE_RESPONSES},
    summary="Add an objective to an action plan (answers the whole plan)",
)
def add_objective(request, plan_id: int, body: ObjectiveIn):
    plan = _plan_to_change(request, plan_id)
    owner = get_user_model().objects.filter(pk=body.owner_id).first()
    if owner is None:
        raise Refused(f"There is no user {body.owner_id}")
    call(
        plans_services.add_objective,
        request,
        plan=plan,
        text=body.text,
        success_criteria=body.success_criteria,
        owner=owner,
        due_on=body.due_on,
        version=body.version,
    )
    return _plan_answer(request, plan.pk, 201)


@router.post(
    "/objectives/{int:objective_id}/milestones",
    response={201: PlanOut, **CHANGE_RESPONSES},
    summary="Add a milestone to an objective (answers the whole plan)",
)
def add_milestone(request, objective_id: int, body: MilestoneIn):
    objective = _objective_to_change(request, objective_id)
    call(
        plans_services.add_milestone,
        request,
        objective=objective,
        text=body.text,
        due_on=body.due_on,
        version=body.version,
    )
    return _plan_answer(request, objective.plan_id, 201)


@router.post(
    "/objectives/{int:objective_id}/reviews",
    response={201: PlanOut, **CHANGE_RESPONSES},
    summary="Record a RAG-rated progress review of an objective (answers the whole plan)",
)
def record_review(request, objective_id: int, body: ReviewIn):
    objective = _objective_to_change(request, objective_id)
    call(
        plans_services.record_review,
        request,
        objective=objective,
        reviewed_on=body.reviewed_on,
        rag=body.rag.value,
        commentary=body.commentary,
        version=body.version,
    )
    return _plan_answer(request, objective.plan_id, 201)


@router.post(
    "/objectives/{int:objective_id}/achieved",
    response={200: PlanOut, **CHANGE_RESPONSES},
    summary="Mark an objective as achieved (answers the whole plan)",
)
def objective_achieved(request, objective_id: int, body: AchievedIn):
    objective = _objective_to_change(request, objective_id)
    call(
        plans_services.mark_objective_achieved,
        request,
        objective=objective,
        achieved_on=body.achieved_on,
        version=body.version,
    )
    return _plan_answer(request, objective.plan_id)


@router.post(
    "/milestones/{int:milestone_id}/done",
    response={200: PlanOut, **CHANGE_RESPONSES},
    summary="Mark a milestone as done (answers the whole plan)",
)
def milestone_done(request, milestone_id: int, body: DoneIn):
    _reader(request)
    milestone = plans_selectors.milestone_in_scope(user=request.auth, pk=milestone_id)
    _writer(request, milestone.objective.plan.establishment)
    call(
        plans_services.complete_milestone,
        request,
        milestone=milestone,
        done_on=body.done_on,
        version=body.version,
    )
    return _plan_answer(request, milestone.objective.plan_id)


@router.post(
    "/action-plans/{int:plan_id}/close",
    response={200: PlanOut, **CHANGE_RESPONSES},
    summary="Close an action plan, with the reason",
)
def close_action_plan(request, plan_id: int, body: CloseIn):
    plan = _plan_to_change(request, plan_id)
    call(
        plans_services.close_plan,
        request,
        plan=plan,
        reason=body.reason,
        closed_on=body.closed_on,
        version=body.version,
    )
    return _plan_answer(request, plan.pk)


# Support cycles


@router.get(
    "/schools/{int:urn}/support-cycles",
    response={200: Page[CycleOut], **ERROR_RESPONSES},
    summary="A school's support cycles, newest first, with their steps",
)
def school_support_cycles(request, urn: int, page: Query[PageParams]):
    school = _school(request, urn)
    cycles = plans_selectors.school_cycles(user=request.auth, establishment=school)
    return paginate(
        request, cycles, page, present=lambda found: [_cycle(c, school=school) for c in found]
    )


@router.get(
    "/support-cycles/{int:cycle_id}",
    response={200: CycleOut, **ERROR_RESPONSES},
    summary="One support cycle with its steps",
)
def support_cycle(request, cycle_id: int):
    _reader(request)
    return _cycle_answer(request, cycle_id)


@router.post(
    "/support-cycles",
    response={201: CycleOut, **CHANGE_RESPONSES},
    summary="Start a support cycle with its collaborative review",
)
def start_support_cycle(request, body: CycleIn):
    school = _school(request, body.urn)
    _writer(request, school)
    cycle = call(
        cycles_services.start_cycle,
        request,
        establishment=school,
        started_on=body.started_on,
        summary=body.summary,
    )
    return _cycle_answer(request, cycle.pk, 201)


@router.post(
    "/support-cycles/{int:cycle_id}/steps",
    response={201: CycleOut, **CHANGE_RESPONSES},
    summary="Record a support cycle's next step (the intervention plan links an action plan)",
)
def record_cycle_step(request, cycle_id: int, body: StepIn):
    _reader(request)
    cycle = plans_selectors.cycle_detail(user=request.auth, pk=cycle_id)
    _writer(request, cycle.establishment)
    plan = None
    if body.plan_id is not None:
        plan = support_access.visible_action_plans(request.auth).filter(pk=body.plan_id).first()
        if plan is None:
            raise Refused(f"There is no action plan {body.plan_id} you can see")
    call(
        cycles_services.record_cycle_step,
        request,
        cycle=cycle,
        stage=body.stage.value,
        happened_on=body.happened_on,
        summary=body.summary,
        plan=plan,
        version=body.version,
    )
    return _cycle_answer(request, cycle.pk, 201)
