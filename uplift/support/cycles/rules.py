"""Rules of the Stockton support cycle: collaborative review, then a short intensive
intervention plan (with an action plan of the school), then a second review, then an exit
plan or self-sustaining, either of which ends the cycle. One running cycle per school; no
skipping, no going back, nothing after the end, no step dated before the one before it."""

from uplift.core.dates import long_date
from uplift.support.models import CycleStage
from uplift.support.plans.rules.base import Rule, register

ORDER = {
    CycleStage.COLLABORATIVE_REVIEW: 0,
    CycleStage.INTERVENTION_PLAN: 1,
    CycleStage.SECOND_REVIEW: 2,
    CycleStage.EXIT_PLAN: 3,
    CycleStage.SELF_SUSTAINING: 3,
}
NEXT = {
    CycleStage.COLLABORATIVE_REVIEW: (CycleStage.INTERVENTION_PLAN,),
    CycleStage.INTERVENTION_PLAN: (CycleStage.SECOND_REVIEW,),
    CycleStage.SECOND_REVIEW: (CycleStage.EXIT_PLAN, CycleStage.SELF_SUSTAINING),
    CycleStage.EXIT_PLAN: (),
    CycleStage.SELF_SUSTAINING: (),
}
ENDS_THE_CYCLE = (CycleStage.EXIT_PLAN, CycleStage.SELF_SUSTAINING)


def label(stage: str) -> str:
    return CycleStage(stage).label.lower()


def next_stages(stage: str) -> tuple[str, ...]:
    """The stages that may follow `stage` (none once the cycle has ended)."""
    return NEXT[CycleStage(stage)]


def _or(stages) -> str:
    labels = [label(stage) for stage in stages]
    return " or ".join(labels)


@register
class OneRunningCycle(Rule):
    """{school} already has a support cycle running, started on {started_on}: it must end
    with an exit plan or as self-sustaining before another cycle starts."""

    code = "one_running_cycle"
    actions = ("start_cycle",)
    order = 1

    @classmethod
    def broken(cls, **facts):
        running = facts["running"]
        if running is not None:
            return {
                "school": facts["establishment"].name,
                "started_on": long_date(running.started_on),
            }
        return None


@register
class CycleNotEnded(Rule):
    """This support cycle ended on {ended_on} with {stage}: no step can follow its end."""

    code = "cycle_not_ended"
    actions = ("record_cycle_step",)
    order = 1

    @classmethod
    def broken(cls, **facts):
        cycle = facts["cycle"]
        if cycle.ended_on is not None:
            return {"ended_on": long_date(cycle.ended_on), "stage": label(cycle.stage)}
        return None


@register
class EachStageOnce(Rule):
    """The cycle is already at the {stage} stage: each stage is recorded once."""

    code = "stage_once"
    actions = ("record_cycle_step",)
    order = 2

    @classmethod
    def broken(cls, **facts):
        if facts["stage"] == facts["cycle"].stage:
            return {"stage": label(facts["stage"])}
        return None


@register
class NoGoingBack(Rule):
    """A cycle cannot go back: it is at the {current} stage, which comes after {stage}."""

    code = "no_going_back"
    actions = ("record_cycle_step",)
    order = 3

    @classmethod
    def broken(cls, **facts):
        current, stage = facts["cycle"].stage, facts["stage"]
        if stage != current and ORDER[CycleStage(stage)] <= ORDER[CycleStage(current)]:
            return {"current": label(current), "stage": label(stage)}
        return None


@register
class NoSkipping(Rule):
    """A cycle cannot skip a stage: after {current} comes {next}, not {stage}."""

    code = "no_skipping"
    actions = ("record_cycle_step",)
    order = 4

    @classmethod
    def broken(cls, **facts):
        current, stage = facts["cycle"].stage, facts["stage"]
        allowed = next_stages(current)
        if allowed and stage not in allowed and ORDER[CycleStage(stage)] > ORDER[current]:
            return {"current": label(current), "next": _or(allowed), "stage": label(stage)}
        return None


@register
class InterventionNeedsAPlan(Rule):
    """The short intensive intervention plan needs an action plan of {school}: choose one,
    or create the plan first."""

    code = "intervention_needs_plan"
    actions = ("record_cycle_step",)
    order = 20

    @classmethod
    def broken(cls, **facts):
        if facts["stage"] == CycleStage.INTERVENTION_PLAN and facts["plan"] is None:
            return {"school": facts["cycle"].establishment.name}
        return None


@register
class PlanOnlyAtIntervention(Rule):
    """An action plan is linked to a cycle at its short intensive intervention plan, not at
    the {stage} stage."""

    code = "plan_at_intervention_only"
    actions = ("record_cycle_step",)
    order = 20

    @classmethod
    def broken(cls, **facts):
        if facts["stage"] != CycleStage.INTERVENTION_PLAN and facts["plan"] is not None:
            return {"stage": label(facts["stage"])}
        return None


@register
class PlanOfTheSameSchool(Rule):
    """The intervention's action plan must be one of {school}, the school of this cycle:
    "{title}" is another school's."""

    code = "plan_same_school"
    actions = ("record_cycle_step",)
    order = 21

    @classmethod
    def broken(cls, **facts):
        plan, cycle = facts["plan"], facts["cycle"]
        if plan is not None and plan.establishment_id != cycle.establishment_id:
            return {"school": cycle.establishment.name, "title": plan.title}
        return None


@register
class PlanStillActive(Rule):
    """The action plan "{title}" is closed: the intervention needs an active plan."""

    code = "plan_active"
    actions = ("record_cycle_step",)
    order = 22

    @classmethod
    def broken(cls, **facts):
        plan = facts["plan"]
        if plan is not None and plan.status == "closed":
            return {"title": plan.title}
        return None


@register
class StepNotBeforeThePreviousOne(Rule):
    """The {stage} cannot be dated {happened_on}: that is before the previous step (the
    {previous} on {previous_on})."""

    code = "step_after_previous"
    actions = ("record_cycle_step",)
    order = 30

    @classmethod
    def broken(cls, **facts):
        previous, happened_on = facts["previous"], facts["happened_on"]
        if previous is not None and happened_on < previous.happened_on:
            return {
                "stage": label(facts["stage"]),
                "happened_on": long_date(happened_on),
                "previous": label(previous.stage),
                "previous_on": long_date(previous.happened_on),
            }
        return None
