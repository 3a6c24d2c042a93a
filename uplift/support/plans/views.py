"""Action plan and support cycle pages. LA officers (their LA's schools), advisers (their
assigned schools) and system administrators read and change them; a headteacher or chair
reads their own school's. Anyone else is refused (403); a school, plan or cycle outside the
user's scope is not found (404); a reader who may not change it is refused (403)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from uplift.audit.models import Via
from uplift.casework import access as casework_access
from uplift.core.web import REFUSED, attempt
from uplift.schools import access as schools_access
from uplift.support import access
from uplift.support.cycles import services as cycles_services
from uplift.support.plans import selectors as plans_selectors
from uplift.support.plans import services as plans_services
from uplift.support.plans.forms import (
    AchievedForm,
    ClosePlanForm,
    CycleStepForm,
    MilestoneDoneForm,
    MilestoneForm,
    ObjectiveForm,
    PlanForm,
    ReviewForm,
    StartCycleForm,
)


def _reader(request) -> None:
    if not access.reads_school_support(request.user):
        raise PermissionDenied


def _school(request, urn):
    try:
        urn = int(urn)
    except (TypeError, ValueError):
        raise Http404 from None
    return plans_selectors.support_school(user=request.user, urn=urn)


def _choose_school(request, what: str, url_name: str):
    """The school to start a plan or cycle for, when the address does not name it (?urn=):
    a page asking for its URN, for those who plan some school's support."""
    _reader(request)
    if not schools_access.editable_establishments(request.user).exists():
        raise PermissionDenied
    return render(request, "support/plans/choose_school.html", {"what": what, "url_name": url_name})


def _writer(request, school) -> None:
    if not access.can_plan_support(request.user, school):
        raise PermissionDenied


def _bind(request, form_class, version: int | None = None, **kwargs):
    """The form, bound on a POST; `version` is the plan's (or cycle's) the page shows."""
    initial = {"version": version} if version is not None else None
    form = form_class(request.POST if request.method == "POST" else None, initial=initial, **kwargs)
    form.actor = request.user
    return form


def _show_current(form, record) -> None:
    """After a refusal, carry the record's current version, so that the user, told what
    changed, may make their change again from it."""
    record.refresh_from_db(fields=["version"])
    form.data = form.data.copy()
    form.data["version"] = str(record.version)


@login_required
@require_GET
def school_plans(request, urn: int):
    school = _school(request, urn)
    plans = plans_selectors.school_plans(user=request.user, establishment=school)
    cycles = plans_selectors.school_cycles(user=request.user, establishment=school)
    return render(
        request,
        "support/plans/school.html",
        {
            "school": school,
            "plans": plans,
            "cycles": cycles,
            "can_plan": access.can_plan_support(request.user, school),
            "running_cycle": next((c for c in cycles if c.ended_on is None), None),
        },
    )


@login_required
def plan_new(request):
    if not request.GET.get("urn"):
        return _choose_school(request, "New action plan", "support:plan_new")
    school = _school(request, request.GET.get("urn"))
    _writer(request, school)
    cases = casework_access.visible_cases(request.user).filter(establishment=school, closed_on=None)
    form = _bind(request, PlanForm, cases=cases)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = attempt(
            form,
            plans_services.create_plan,
            actor=form.actor,
            via=Via.WEB,
            establishment=school,
            title=data["title"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            case=data["case"],
        )
        if plan is not REFUSED:
            messages.success(request, f"Action plan created: {plan.title}")
            return redirect("support:plan_detail", pk=plan.pk)
    return render(request, "support/plans/new.html", {"school": school, "form": form})


@login_required
@require_GET
def plan_detail(request, pk: int):
    _reader(request)
    plan = plans_selectors.plan_detail(user=request.user, pk=pk)
    return render(
        request,
        "support/plans/detail.html",
        {
            "plan": plan,
            "school": plan.establishment,
            "can_change": plan.status == "active"
            and access.can_plan_support(request.user, plan.establishment),
        },
    )


def _plan_to_change(request, pk: int):
    _reader(request)
    plan = get_object_or_404(
        access.visible_action_plans(request.user).select_related("establishment__la"), pk=pk
    )
    _writer(request, plan.establishment)
    return plan


def _objective_to_change(request, pk: int):
    _reader(request)
    objective = plans_selectors.objective_in_scope(user=request.user, pk=pk)
    _writer(request, objective.plan.establishment)
    return objective


def _done(request, plan, message: str):
    messages.success(request, message)
    return redirect("support:plan_detail", pk=plan.pk)


def _form_page(request, template: str, form, **context):
    return render(request, f"support/plans/{template}", {"form": form, **context})


@login_required
def objective_new(request, pk: int):
    plan = _plan_to_change(request, pk)
    form = _bind(request, ObjectiveForm, plan.version, establishment=plan.establishment)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        objective = attempt(
            form,
            plans_services.add_objective,
            actor=form.actor,
            via=Via.WEB,
            plan=plan,
            text=data["text"],
            success_criteria=data["success_criteria"],
            owner=data["owner"],
            due_on=data["due_on"],
            version=data["version"],
        )
        if objective is not REFUSED:
            return _done(request, plan, "Objective added")
        _show_current(form, plan)
    return _form_page(request, "objective_new.html", form, plan=plan)


@login_required
def milestone_new(request, pk: int):
    objective = _objective_to_change(request, pk)
    form = _bind(request, MilestoneForm, objective.plan.version)
    if request.method == "POST" and form.is_valid():
        milestone = attempt(
            form,
            plans_services.add_milestone,
            actor=form.actor,
            via=Via.WEB,
            objective=objective,
            text=form.cleaned_data["text"],
            due_on=form.cleaned_data["due_on"],
            version=form.cleaned_data["version"],
        )
        if milestone is not REFUSED:
            return _done(request, objective.plan, "Milestone added")
        _show_current(form, objective.plan)
    return _form_page(request, "milestone_new.html", form, objective=objective, plan=objective.plan)


@login_required
def milestone_done(request, pk: int):
    _reader(request)
    milestone = plans_selectors.milestone_in_scope(user=request.user, pk=pk)
    plan = milestone.objective.plan
    _writer(request, plan.establishment)
    form = _bind(request, MilestoneDoneForm, plan.version)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            plans_services.complete_milestone,
            actor=form.actor,
            via=Via.WEB,
            milestone=milestone,
            done_on=form.cleaned_data["done_on"],
            version=form.cleaned_data["version"],
        )
        if done is not REFUSED:
            return _done(request, plan, "Milestone marked as done")
        _show_current(form, plan)
    return _form_page(
        request,
        "milestone_done.html",
        form,
        milestone=milestone,
        objective=milestone.objective,
        plan=plan,
    )


@login_required
def review_new(request, pk: int):
    objective = _objective_to_change(request, pk)
    form = _bind(request, ReviewForm, objective.plan.version)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        review = attempt(
            form,
            plans_services.record_review,
            actor=form.actor,
            via=Via.WEB,
            objective=objective,
            reviewed_on=data["reviewed_on"],
            rag=data["rag"],
            commentary=data["commentary"],
            version=data["version"],
        )
        if review is not REFUSED:
            return _done(request, objective.plan, f"Review recorded: {review.get_rag_display()}")
        _show_current(form, objective.plan)
    return _form_page(request, "review_new.html", form, objective=objective, plan=objective.plan)


@login_required
def objective_achieved(request, pk: int):
    objective = _objective_to_change(request, pk)
    form = _bind(request, AchievedForm, objective.plan.version)
    if request.method == "POST" and form.is_valid():
        achieved = attempt(
            form,
            plans_services.mark_objective_achieved,
            actor=form.actor,
            via=Via.WEB,
            objective=objective,
            achieved_on=form.cleaned_data["achieved_on"],
            version=form.cleaned_data["version"],
        )
        if achieved is not REFUSED:
            return _done(request, objective.plan, "Objective marked as achieved")
        _show_current(form, objective.plan)
    return _form_page(request, "achieved.html", form, objective=objective, plan=objective.plan)


@login_required
def plan_close(request, pk: int):
    plan = _plan_to_change(request, pk)
    form = _bind(request, ClosePlanForm, plan.version)
    if request.method == "POST" and form.is_valid():
        closed = attempt(
            form,
            plans_services.close_plan,
            actor=form.actor,
            via=Via.WEB,
            plan=plan,
            reason=form.cleaned_data["reason"],
            closed_on=form.cleaned_data["closed_on"],
            version=form.cleaned_data["version"],
        )
        if closed is not REFUSED:
            return _done(request, plan, "Action plan closed")
        _show_current(form, plan)
    return _form_page(request, "close.html", form, plan=plan)


# Support cycles


@login_required
def cycle_new(request):
    if not request.GET.get("urn"):
        return _choose_school(request, "Start a support cycle", "support:cycle_new")
    school = _school(request, request.GET.get("urn"))
    _writer(request, school)
    form = _bind(request, StartCycleForm)
    if request.method == "POST" and form.is_valid():
        cycle = attempt(
            form,
            cycles_services.start_cycle,
            actor=form.actor,
            via=Via.WEB,
            establishment=school,
            started_on=form.cleaned_data["started_on"],
            summary=form.cleaned_data["summary"],
        )
        if cycle is not REFUSED:
            messages.success(request, "Support cycle started with its collaborative review")
            return redirect("support:cycle_detail", pk=cycle.pk)
    return render(request, "support/cycles/new.html", {"school": school, "form": form})


@login_required
@require_GET
def cycle_detail(request, pk: int):
    _reader(request)
    cycle = plans_selectors.cycle_detail(user=request.user, pk=pk)
    return render(
        request,
        "support/cycles/detail.html",
        {
            "cycle": cycle,
            "school": cycle.establishment,
            "next_stages": cycles_services.allowed_stages(cycle),
            "can_change": access.can_plan_support(request.user, cycle.establishment),
        },
    )


@login_required
def cycle_step_new(request, pk: int):
    _reader(request)
    cycle = plans_selectors.cycle_detail(user=request.user, pk=pk)
    _writer(request, cycle.establishment)
    stages = cycles_services.allowed_stages(cycle)
    form = _bind(
        request,
        CycleStepForm,
        cycle.version,
        stages=stages,
        plans=plans_selectors.plans_for_cycle(cycle=cycle),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        step = attempt(
            form,
            cycles_services.record_cycle_step,
            actor=form.actor,
            via=Via.WEB,
            cycle=cycle,
            stage=data["stage"],
            happened_on=data["happened_on"],
            summary=data["summary"],
            plan=data.get("plan"),
            version=data["version"],
        )
        if step is not REFUSED:
            messages.success(request, f"{step.get_stage_display()} recorded")
            return redirect("support:cycle_detail", pk=cycle.pk)
        _show_current(form, cycle)
    return render(
        request,
        "support/cycles/step_new.html",
        {"cycle": cycle, "school": cycle.establishment, "form": form, "stages": stages},
    )
