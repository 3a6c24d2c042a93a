"""Rules of action plans: a closed plan does not change; objectives have owners who can see
the school; milestones and reviews fall within the plan and its objectives' dates."""

from uplift.core.dates import long_date
from uplift.support.plans.rules.base import Rule, register

CHANGES_TO_A_PLAN = (
    "add_objective",
    "add_milestone",
    "complete_milestone",
    "record_review",
    "mark_objective_achieved",
    "close_plan",
)


@register
class PlanIsOpen(Rule):
    """This action plan was closed on {closed_on}: a closed plan cannot change."""

    code = "plan_open"
    actions = CHANGES_TO_A_PLAN
    order = 1

    @classmethod
    def broken(cls, **facts):
        plan = facts["plan"]
        if plan.status == "closed":
            return {"closed_on": long_date(plan.closed_on, missing="an earlier date")}
        return None


@register
class PlanEndsAfterItStarts(Rule):
    """The plan cannot end ({ends_on}) before it starts ({starts_on})."""

    code = "plan_ends_after_start"
    actions = ("create_plan",)

    @classmethod
    def broken(cls, **facts):
        starts_on, ends_on = facts["starts_on"], facts["ends_on"]
        if ends_on is not None and ends_on < starts_on:
            return {"starts_on": long_date(starts_on), "ends_on": long_date(ends_on)}
        return None


@register
class CaseOfTheSameSchool(Rule):
    """A plan can only be linked to a concern case of {school}: the case chosen is another
    school's."""

    code = "case_same_school"
    actions = ("create_plan",)
    order = 20

    @classmethod
    def broken(cls, **facts):
        case, school = facts["case"], facts["establishment"]
        if case is not None and case.establishment_id != school.pk:
            return {"school": school.name}
        return None


@register
class OwnerSeesTheSchool(Rule):
    """{owner} cannot own an objective of this plan: an owner must be someone who can see
    {school} (its local authority's officers, its assigned advisers, its headteacher or its
    chair of governors)."""

    code = "owner_sees_school"
    actions = ("add_objective",)
    order = 20

    @classmethod
    def broken(cls, **facts):
        if not facts["owner_can_see"]:
            owner = facts["owner"]
            name = owner.get_full_name() or owner.get_username()
            return {"owner": name, "school": facts["plan"].establishment.name}
        return None


@register
class ObjectiveNotDueBeforePlan(Rule):
    """An objective cannot be due ({due_on}) before the plan starts ({starts_on})."""

    code = "objective_not_due_before_plan"
    actions = ("add_objective",)

    @classmethod
    def broken(cls, **facts):
        plan, due_on = facts["plan"], facts["due_on"]
        if due_on < plan.starts_on:
            return {"due_on": long_date(due_on), "starts_on": long_date(plan.starts_on)}
        return None


@register
class ObjectiveNotDueAfterPlan(Rule):
    """An objective cannot be due ({due_on}) after the plan ends ({ends_on})."""

    code = "objective_not_due_after_plan"
    actions = ("add_objective",)

    @classmethod
    def broken(cls, **facts):
        plan, due_on = facts["plan"], facts["due_on"]
        if plan.ends_on is not None and due_on > plan.ends_on:
            return {"due_on": long_date(due_on), "ends_on": long_date(plan.ends_on)}
        return None


@register
class ObjectiveStillOpen(Rule):
    """This objective was achieved on {achieved_on}: it takes no new milestones."""

    code = "objective_open"
    actions = ("add_milestone",)
    order = 5

    @classmethod
    def broken(cls, **facts):
        achieved_on = facts["objective"].achieved_on
        if achieved_on is not None:
            return {"achieved_on": long_date(achieved_on)}
        return None


@register
class ObjectiveAchievedOnce(Rule):
    """This objective was already marked achieved on {achieved_on}."""

    code = "objective_achieved_once"
    actions = ("mark_objective_achieved",)
    order = 5

    @classmethod
    def broken(cls, **facts):
        achieved_on = facts["objective"].achieved_on
        if achieved_on is not None:
            return {"achieved_on": long_date(achieved_on)}
        return None


@register
class MilestoneNotAfterObjective(Rule):
    """A milestone cannot be due ({due_on}) after its objective is due ({objective_due_on})."""

    code = "milestone_within_objective"
    actions = ("add_milestone",)

    @classmethod
    def broken(cls, **facts):
        due_on, objective_due_on = facts["due_on"], facts["objective"].due_on
        if due_on > objective_due_on:
            return {"due_on": long_date(due_on), "objective_due_on": long_date(objective_due_on)}
        return None


@register
class MilestoneNotBeforePlan(Rule):
    """A milestone cannot be due ({due_on}) before the plan starts ({starts_on})."""

    code = "milestone_not_before_plan"
    actions = ("add_milestone",)

    @classmethod
    def broken(cls, **facts):
        due_on, starts_on = facts["due_on"], facts["plan"].starts_on
        if due_on < starts_on:
            return {"due_on": long_date(due_on), "starts_on": long_date(starts_on)}
        return None


@register
class MilestoneDoneOnce(Rule):
    """This milestone was already marked done on {done_on}."""

    code = "milestone_done_once"
    actions = ("complete_milestone",)
    order = 5

    @classmethod
    def broken(cls, **facts):
        done_on = facts["milestone"].done_on
        if done_on is not None:
            return {"done_on": long_date(done_on)}
        return None


@register
class NotBeforePlanStarts(Rule):
    """{what} cannot be before the plan starts ({starts_on}): {value} is earlier."""

    code = "not_before_plan_starts"
    actions = ("complete_milestone", "record_review", "mark_objective_achieved", "close_plan")

    @classmethod
    def broken(cls, **facts):
        (what, value), starts_on = facts["when"], facts["plan"].starts_on
        if value < starts_on:
            return {"what": what, "value": long_date(value), "starts_on": long_date(starts_on)}
        return None
