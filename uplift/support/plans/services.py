"""Changes to action plans: a plan for a school, its objectives (each with an owner and a
due date), milestones, RAG-rated progress reviews, achievement and closure.

Each service takes keyword arguments only, checks that the actor may plan the school's
support (uplift.accounts.access.can_plan_support), checks the rules of the change
(uplift.support.plans.rules: each refusal names the rule that blocks it), then writes the
change and its audit event in one transaction. A refused change writes nothing.

Optimistic locking: the plan carries a version that goes up with every change to it or to
its objectives, milestones and reviews. A change given the `version` its page (or API
caller) read is refused with StaleVersion, naming who changed the plan first, when the plan
has moved on since; `version=None` (the CLI, the demo) skips the check.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from uplift.audit.services import NO_REASON_ASKED, record_event
from uplift.core.dates import long_date
from uplift.core.errors import NotAllowed, Refused, StaleVersion
from uplift.core.words import person_name
from uplift.support import access
from uplift.support.models import (
    ActionPlan,
    Milestone,
    Objective,
    PlanStatus,
    ProgressReview,
    Rag,
)
from uplift.support.plans.rules import check

TITLE_MAX_LENGTH = ActionPlan._meta.get_field("title").max_length

__all__ = [
    "Refused",
    "NotAllowed",
    "add_milestone",
    "add_objective",
    "close_plan",
    "complete_milestone",
    "create_plan",
    "mark_objective_achieved",
    "record_review",
]


def _may_plan(actor, establishment) -> None:
    if not access.can_plan_support(actor, establishment):
        raise NotAllowed("You cannot plan the support of this school")


def _required(text: str, what: str, max_length: int | None = None) -> str:
    text = (text or "").strip()
    if not text:
        raise Refused(f"Enter {what}")
    if max_length is not None and len(text) > max_length:
        raise Refused(f"{what[4:].capitalize()} must be {max_length} characters or fewer")
    return text


def _date(value, what: str) -> date:
    if value is None:
        raise Refused(f"Enter {what}")
    return value


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _save(instance, actor, reason: str = "", update_fields=None) -> None:
    """Save, telling simple-history who and why (the API and CLI have no request for it)."""
    if actor is not None and actor.is_authenticated:
        instance._history_user = actor
    instance._change_reason = reason
    instance.save(update_fields=update_fields)


def _locked_plan(plan: ActionPlan, version: int | None = None) -> ActionPlan:
    """The plan read again and locked for the transaction; StaleVersion when a version is
    given and the plan has moved on from it."""
    # Who changed it is read afterwards, not joined: PostgreSQL re-reads a row it waited to
    # lock, but not the rows joined to it, so a joined changed_by would be the old one.
    current = (
        ActionPlan.objects.select_for_update(of=("self",))
        .select_related("establishment__la")
        .get(pk=plan.pk)
    )
    if version is not None and current.version != version:
        raise StaleVersion(stale_message(current))
    return current


def stale_message(plan: ActionPlan) -> str:
    """Who changed the plan first, and when, for someone whose page is out of date."""
    who = person_name(plan.changed_by, nobody="Someone")
    when = ""
    if plan.changed_at is not None:
        moment = timezone.localtime(plan.changed_at)
        when = f" on {long_date(moment.date())} at {moment:%H:%M}"
    return (
        f"{who} changed this action plan{when} while you were looking at it. Nothing was "
        "saved: reload the plan to see their change, then make yours again."
    )


def _touch(plan: ActionPlan, actor, reason: str = "", fields=()) -> None:
    """Save the locked plan's changed `fields` with its next version and who changed it."""
    plan.version += 1  # the row is locked (select_for_update) by _locked_plan
    plan.changed_by, plan.changed_at = _user(actor), timezone.now()
    _save(plan, actor, reason, update_fields=[*fields, "version", "changed_by", "changed_at"])


def create_plan(
    *,
    actor,
    via: str,
    establishment,
    title: str,
    starts_on: date,
    ends_on: date | None = None,
    case=None,
) -> ActionPlan:
    """A new active action plan for the school, optionally linked to its concern case."""
    _may_plan(actor, establishment)
    title = _required(title, "the plan's title", TITLE_MAX_LENGTH)
    starts_on = _date(starts_on, "the date the plan starts")
    check(
        "create_plan",
        today=timezone.localdate(),
        dates=[("The start date", starts_on), ("The end date", ends_on)],
        starts_on=starts_on,
        ends_on=ends_on,
        case=case,
        establishment=establishment,
    )
    with transaction.atomic():
        plan = ActionPlan(
            establishment=establishment,
            title=title,
            case=case,
            starts_on=starts_on,
            ends_on=ends_on,
            created_by=_user(actor),
            recorded_at=timezone.now(),
            changed_by=_user(actor),
            changed_at=timezone.now(),
        )
        _save(plan, actor)
        record_event(
            actor=actor,
            via=via,
            action="action_plan.created",
            obj=plan,
            establishment=establishment,
            changes={
                "title": [None, title],
                "starts_on": [None, starts_on.isoformat()],
                "ends_on": [None, ends_on.isoformat() if ends_on else None],
                "case": [None, str(case) if case else None],
            },
            reason=NO_REASON_ASKED,
        )
    return plan


def add_objective(
    *,
    actor,
    via: str,
    plan: ActionPlan,
    text: str,
    success_criteria: str,
    owner,
    due_on: date,
    version: int | None = None,
) -> Objective:
    """An objective of the plan, owned by someone who can see the school, due within it."""
    _may_plan(actor, plan.establishment)
    text = _required(text, "the objective")
    success_criteria = (success_criteria or "").strip()
    if owner is None:
        raise Refused("Choose the objective's owner")
    due_on = _date(due_on, "the date the objective is due")
    with transaction.atomic():
        plan = _locked_plan(plan, version)
        check(
            "add_objective",
            today=timezone.localdate(),
            dates=[("The due date", due_on)],
            plan=plan,
            owner=owner,
            owner_can_see=access.possible_plan_owners(plan.establishment)
            .filter(pk=owner.pk)
            .exists(),
            due_on=due_on,
        )
        objective = Objective(
            plan=plan, text=text, success_criteria=success_criteria, owner=owner, due_on=due_on
        )
        _save(objective, actor)
        _touch(plan, actor)
        record_event(
            actor=actor,
            via=via,
            action="action_plan.objective_added",
            obj=objective,
            establishment=plan.establishment,
            changes={
                "plan": [None, str(plan)],
                "text": [None, text],
                "success_criteria": [None, success_criteria],
                "owner": [None, owner.get_full_name() or owner.get_username()],
                "due_on": [None, due_on.isoformat()],
            },
            reason=NO_REASON_ASKED,
        )
    return objective


def _locked_objective(objective: Objective, version: int | None) -> tuple[Objective, ActionPlan]:
    plan = _locked_plan(objective.plan, version)
    objective = Objective.objects.select_for_update(of=("self",)).get(pk=objective.pk)
    objective.plan = plan
    return objective, plan


def add_milestone(
    *, actor, via: str, objective: Objective, text: str, due_on: date, version: int | None = None
) -> Milestone:
    """A milestone on the way to the objective, due on or before the objective is."""
    _may_plan(actor, objective.plan.establishment)
    text = _required(text, "the milestone")
    due_on = _date(due_on, "the date the milestone is due")
    with transaction.atomic():
        objective, plan = _locked_objective(objective, version)
        check(
            "add_milestone",
            today=timezone.localdate(),
            dates=[("The due date", due_on)],
            plan=plan,
            objective=objective,
            due_on=due_on,
        )
        milestone = Milestone(objective=objective, text=text, due_on=due_on)
        _save(milestone, actor)
        _touch(plan, actor)
        record_event(
            actor=actor,
            via=via,
            action="action_plan.milestone_added",
            obj=milestone,
            establishment=plan.establishment,
            changes={
                "objective": [None, str(objective)],
                "text": [None, text],
                "due_on": [None, due_on.isoformat()],
            },
            reason=NO_REASON_ASKED,
        )
    return milestone


def complete_milestone(
    *, actor, via: str, milestone: Milestone, done_on: date, version: int | None = None
) -> Milestone:
    """The milestone was reached on `done_on`."""
    _may_plan(actor, milestone.objective.plan.establishment)
    done_on = _date(done_on, "the date the milestone was done")
    with transaction.atomic():
        objective, plan = _locked_objective(milestone.objective, version)
        milestone = Milestone.objects.select_for_update(of=("self",)).get(pk=milestone.pk)
        milestone.objective = objective
        check(
            "complete_milestone",
            today=timezone.localdate(),
            dates=[("The date done", done_on)],
            when=("The date the milestone was done", done_on),
            plan=plan,
            milestone=milestone,
        )
        milestone.done_on = done_on
        _save(milestone, actor, update_fields=["done_on"])
        _touch(plan, actor)
        record_event(
            actor=actor,
            via=via,
            action="action_plan.milestone_done",
            obj=milestone,
            establishment=plan.establishment,
            changes={"done_on": [None, done_on.isoformat()]},
            reason=NO_REASON_ASKED,
        )
    return milestone


def record_review(
    *,
    actor,
    via: str,
    objective: Objective,
    reviewed_on: date,
    rag: str,
    commentary: str,
    version: int | None = None,
) -> ProgressReview:
    """A progress review of the objective, rated red, amber or green, with commentary."""
    _may_plan(actor, objective.plan.establishment)
    if rag not in Rag.values:
        raise Refused("Choose the rating: red, amber or green")
    commentary = _required(commentary, "the commentary on progress")
    reviewed_on = _date(reviewed_on, "the date of the review")
    with transaction.atomic():
        objective, plan = _locked_objective(objective, version)
        check(
            "record_review",
            today=timezone.localdate(),
            dates=[("The review date", reviewed_on)],
            when=("The review date", reviewed_on),
            plan=plan,
            objective=objective,
        )
        review = ProgressReview.objects.create(
            objective=objective,
            reviewed_on=reviewed_on,
            rag=rag,
            commentary=commentary,
            reviewer=_user(actor),
            recorded_at=timezone.now(),
        )
        _touch(plan, actor)
        record_event(
            actor=actor,
            via=via,
            action="action_plan.reviewed",
            obj=objective,
            establishment=plan.establishment,
            changes={
                "reviewed_on": [None, reviewed_on.isoformat()],
                "rag": [None, Rag(rag).label],
                "commentary": [None, commentary],
            },
            reason=NO_REASON_ASKED,
        )
    return review


def mark_objective_achieved(
    *, actor, via: str, objective: Objective, achieved_on: date, version: int | None = None
) -> Objective:
    """The objective was achieved on `achieved_on`."""
    _may_plan(actor, objective.plan.establishment)
    achieved_on = _date(achieved_on, "the date the objective was achieved")
    with transaction.atomic():
        objective, plan = _locked_objective(objective, version)
        check(
            "mark_objective_achieved",
            today=timezone.localdate(),
            dates=[("The date achieved", achieved_on)],
            when=("The date the objective was achieved", achieved_on),
            plan=plan,
            objective=objective,
        )
        objective.achieved_on = achieved_on
        _save(objective, actor, update_fields=["achieved_on"])
        _touch(plan, actor)
        record_event(
            actor=actor,
            via=via,
            action="action_plan.objective_achieved",
            obj=objective,
            establishment=plan.establishment,
            changes={"achieved_on": [None, achieved_on.isoformat()]},
            reason=NO_REASON_ASKED,
        )
    return objective


def close_plan(
    *,
    actor,
    via: str,
    plan: ActionPlan,
    reason: str,
    closed_on: date,
    version: int | None = None,
) -> ActionPlan:
    """Close the plan with the reason; it cannot change afterwards."""
    _may_plan(actor, plan.establishment)
    reason = _required(reason, "the reason for closing the plan")
    closed_on = _date(closed_on, "the date the plan closed")
    with transaction.atomic():
        plan = _locked_plan(plan, version)
        check(
            "close_plan",
            today=timezone.localdate(),
            dates=[("The date closed", closed_on)],
            when=("The date the plan closed", closed_on),
            plan=plan,
        )
        plan.status, plan.closed_on, plan.closed_reason = PlanStatus.CLOSED, closed_on, reason
        _touch(plan, actor, reason, fields=["status", "closed_on", "closed_reason"])
        record_event(
            actor=actor,
            via=via,
            action="action_plan.closed",
            obj=plan,
            establishment=plan.establishment,
            changes={
                "status": [PlanStatus.ACTIVE.label, PlanStatus.CLOSED.label],
                "closed_on": [None, closed_on.isoformat()],
            },
            reason=reason,
        )
    return plan
