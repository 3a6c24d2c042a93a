"""Changes to Stockton support cycles: start a cycle with its collaborative review, then
record each following step (short intensive intervention plan, second review, exit plan or
self-sustaining). The order is kept by the rules in uplift.support.cycles.rules; each
refusal names the rule that blocks the move. One transaction and one audit event each."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from uplift.audit.services import record_event
from uplift.core.errors import NotAllowed, Refused, StaleVersion
from uplift.core.words import person_name
from uplift.support import access
from uplift.support.cycles.rules import ENDS_THE_CYCLE, next_stages
from uplift.support.models import ActionPlan, CycleStage, CycleStep, SupportCycle
from uplift.support.plans.rules import check, get
from uplift.support.plans.services import _required, _save, _user

__all__ = ["Refused", "NotAllowed", "allowed_stages", "record_cycle_step", "start_cycle"]


def _may_plan(actor, establishment) -> None:
    if not access.can_plan_support(actor, establishment):
        raise NotAllowed("You cannot plan the support of this school")


def allowed_stages(cycle: SupportCycle) -> tuple[str, ...]:
    """The stages that may be recorded next (none once the cycle has ended)."""
    if cycle.ended_on is not None:
        return ()
    return next_stages(cycle.stage)


def start_cycle(*, actor, via: str, establishment, started_on: date, summary: str) -> SupportCycle:
    """A new cycle for the school, at its collaborative review (its first step)."""
    _may_plan(actor, establishment)
    summary = _required(summary, "what the collaborative review found")
    if started_on is None:
        raise Refused("Enter the date of the collaborative review")
    now = timezone.now()
    with transaction.atomic():
        running = (
            SupportCycle.objects.select_for_update(of=("self",))
            .filter(establishment=establishment, ended_on__isnull=True)
            .first()
        )
        check(
            "start_cycle",
            today=timezone.localdate(),
            dates=[("The date of the collaborative review", started_on)],
            when=("The date of the collaborative review", started_on),
            running=running,
            establishment=establishment,
        )
        cycle = SupportCycle(
            establishment=establishment,
            stage=CycleStage.COLLABORATIVE_REVIEW,
            started_on=started_on,
            created_by=_user(actor),
            recorded_at=now,
        )
        try:
            with transaction.atomic():
                _save(cycle, actor)
        except IntegrityError:  # another cycle started at the same moment
            raise get("one_running_cycle").refused(
                school=establishment.name, started_on="a moment ago"
            ) from None
        CycleStep.objects.create(
            cycle=cycle,
            stage=CycleStage.COLLABORATIVE_REVIEW,
            happened_on=started_on,
            summary=summary,
            recorded_by=_user(actor),
            recorded_at=now,
        )
        record_event(
            actor=actor,
            via=via,
            action="support_cycle.started",
            obj=cycle,
            establishment=establishment,
            changes={
                "stage": [None, CycleStage.COLLABORATIVE_REVIEW.label],
                "started_on": [None, started_on.isoformat()],
            },
            reason=summary,
        )
    return cycle


def _stale_message(cycle: SupportCycle) -> str:
    latest = cycle.steps.select_related("recorded_by").order_by("-recorded_at", "-id").first()
    who = person_name(latest.recorded_by if latest else None, nobody="Someone")
    return (
        f"{who} recorded a step of this support cycle (it is now at "
        f"{cycle.get_stage_display().lower()}) while you were looking at it. Nothing was "
        "saved: reload the cycle to see their change, then make yours again."
    )


def record_cycle_step(
    *,
    actor,
    via: str,
    cycle: SupportCycle,
    stage: str,
    happened_on: date,
    summary: str,
    plan=None,
    version: int | None = None,
) -> CycleStep:
    """The cycle's next step. The intervention plan links an action plan of the school;
    an exit plan or self-sustaining ends the cycle on `happened_on`. Given the cycle's
    `version` its page read, a cycle that has moved on since is refused (StaleVersion)."""
    _may_plan(actor, cycle.establishment)
    if stage not in CycleStage.values:
        raise Refused("Choose the stage of the cycle to record")
    summary = _required(summary, "a summary of the step")
    if happened_on is None:
        raise Refused("Enter the date of the step")
    now = timezone.now()
    with transaction.atomic():
        locked = (
            SupportCycle.objects.select_for_update(of=("self",))
            .select_related("establishment__la")
            .get(pk=cycle.pk)
        )
        previous = locked.steps.order_by("-happened_on", "-id").first()
        if version is not None and locked.version != version:
            raise StaleVersion(_stale_message(locked))
        if plan is not None:  # its current state, kept until the step is saved
            plan = ActionPlan.objects.select_for_update(of=("self",)).get(pk=plan.pk)
        check(
            "record_cycle_step",
            today=timezone.localdate(),
            dates=[("The date of the step", happened_on)],
            when=("The date of the step", happened_on),
            cycle=locked,
            stage=stage,
            plan=plan,
            previous=previous,
            happened_on=happened_on,
        )
        before = {"stage": locked.get_stage_display(), "plan": str(locked.plan or "") or None}
        step = CycleStep.objects.create(
            cycle=locked,
            stage=stage,
            happened_on=happened_on,
            summary=summary,
            recorded_by=_user(actor),
            recorded_at=now,
        )
        locked.stage = stage
        locked.version += 1  # the row is locked (select_for_update) above
        fields = ["stage", "version"]
        if plan is not None:
            locked.plan = plan
            fields.append("plan")
        if stage in ENDS_THE_CYCLE:
            locked.ended_on = happened_on
            fields.append("ended_on")
        _save(locked, actor, summary, update_fields=fields)
        changes = {"stage": [before["stage"], CycleStage(stage).label]}
        if plan is not None:
            changes["plan"] = [before["plan"], str(plan)]
        if locked.ended_on is not None:
            changes["ended_on"] = [None, happened_on.isoformat()]
        record_event(
            actor=actor,
            via=via,
            action="support_cycle.step_recorded",
            obj=locked,
            establishment=locked.establishment,
            changes=changes,
            reason=summary,
        )
    cycle.stage, cycle.plan, cycle.ended_on = locked.stage, locked.plan, locked.ended_on
    return step
