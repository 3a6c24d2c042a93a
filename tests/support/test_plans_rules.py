"""Each rule of action plans and support cycles, on its own: when it refuses (with its
message) and when it lets the change through. No database: rules read plain facts."""

import inspect
import sys
from datetime import date
from types import SimpleNamespace as NS

import pytest

from uplift.core.errors import RuleRefused
from uplift.support.plans.rules import all_rules, check, get

TODAY = date(2026, 11, 20)
SCHOOL = NS(pk=1, name="Abbots Langley Primary")
OPEN_PLAN = NS(status="active", closed_on=None, starts_on=date(2026, 9, 1), ends_on=None)


def refuses(code: str, **facts) -> str | None:
    """The rule's message for these facts, or None when it lets them through."""
    values = get(code).broken(**facts)
    return None if values is None else get(code).message(**values)


def test_every_rule_has_a_message_and_its_own_test():
    module = sys.modules[__name__]
    tests = {name for name, _ in inspect.getmembers(module, inspect.isfunction)}
    for rule in all_rules():
        assert inspect.getdoc(rule), rule.code
        assert f"test_{rule.code}" in tests, f"no test for rule {rule.code}"


def test_check_raises_the_first_broken_rule_with_its_code():
    closed = NS(status="closed", closed_on=date(2026, 10, 1), starts_on=date(2026, 9, 1))
    with pytest.raises(RuleRefused) as refused:
        check("close_plan", today=TODAY, dates=[], when=("x", date(2030, 1, 1)), plan=closed)
    assert refused.value.code == "plan_open"  # before the date rules


# Dates


def test_sensible_date():
    assert (
        refuses("sensible_date", today=TODAY, dates=[("The due date", date(2026, 12, 1))]) is None
    )
    assert refuses("sensible_date", today=TODAY, dates=[("The end date", None)]) is None
    assert refuses("sensible_date", today=TODAY, dates=[("The due date", date(1999, 12, 31))]) == (
        "The due date (31 December 1999) is not a sensible date: it must be between "
        "1 January 2000 and 20 November 2031."
    )
    assert refuses("sensible_date", today=TODAY, dates=[("The due date", date(2031, 11, 21))])


def test_not_in_future():
    assert refuses("not_in_future", today=TODAY, when=("The review date", TODAY)) is None
    assert refuses("not_in_future", today=TODAY, when=("The review date", date(2026, 11, 21))) == (
        "The review date cannot be in the future: 21 November 2026 is after today "
        "(20 November 2026). Record what has happened once it has happened."
    )


# Plans


def test_plan_open():
    assert refuses("plan_open", plan=OPEN_PLAN) is None
    closed = NS(status="closed", closed_on=date(2026, 10, 31))
    assert refuses("plan_open", plan=closed) == (
        "This action plan was closed on 31 October 2026: a closed plan cannot change."
    )


def test_plan_ends_after_start():
    start = date(2026, 9, 1)
    assert refuses("plan_ends_after_start", starts_on=start, ends_on=None) is None
    assert refuses("plan_ends_after_start", starts_on=start, ends_on=start) is None
    assert refuses("plan_ends_after_start", starts_on=start, ends_on=date(2026, 8, 31)) == (
        "The plan cannot end (31 August 2026) before it starts (1 September 2026)."
    )


def test_case_same_school():
    assert refuses("case_same_school", case=None, establishment=SCHOOL) is None
    assert refuses("case_same_school", case=NS(establishment_id=1), establishment=SCHOOL) is None
    assert refuses("case_same_school", case=NS(establishment_id=2), establishment=SCHOOL) == (
        "A plan can only be linked to a concern case of Abbots Langley Primary: the case "
        "chosen is another school's."
    )


def test_owner_sees_school():
    owner = NS(get_full_name=lambda: "Bola Adebayo", get_username=lambda: "board.member")
    plan = NS(establishment=SCHOOL)
    assert refuses("owner_sees_school", owner=owner, owner_can_see=True, plan=plan) is None
    assert refuses("owner_sees_school", owner=owner, owner_can_see=False, plan=plan) == (
        "Bola Adebayo cannot own an objective of this plan: an owner must be someone who can "
        "see Abbots Langley Primary (its local authority's officers, its assigned advisers, "
        "its headteacher or its chair of governors)."
    )


def test_objective_not_due_before_plan():
    assert refuses("objective_not_due_before_plan", plan=OPEN_PLAN, due_on=date(2026, 9, 1)) is None
    assert (
        refuses("objective_not_due_before_plan", plan=OPEN_PLAN, due_on=date(2026, 8, 1))
        == "An objective cannot be due (1 August 2026) before the plan starts (1 September 2026)."
    )


def test_objective_not_due_after_plan():
    ending = NS(starts_on=date(2026, 9, 1), ends_on=date(2027, 7, 20))
    assert refuses("objective_not_due_after_plan", plan=OPEN_PLAN, due_on=date(2030, 1, 1)) is None
    assert refuses("objective_not_due_after_plan", plan=ending, due_on=date(2027, 7, 20)) is None
    assert refuses("objective_not_due_after_plan", plan=ending, due_on=date(2027, 7, 21)) == (
        "An objective cannot be due (21 July 2027) after the plan ends (20 July 2027)."
    )


def test_objective_open():
    assert refuses("objective_open", objective=NS(achieved_on=None)) is None
    assert refuses("objective_open", objective=NS(achieved_on=date(2026, 11, 2))) == (
        "This objective was achieved on 2 November 2026: it takes no new milestones."
    )


def test_objective_achieved_once():
    assert refuses("objective_achieved_once", objective=NS(achieved_on=None)) is None
    assert refuses("objective_achieved_once", objective=NS(achieved_on=date(2026, 11, 2))) == (
        "This objective was already marked achieved on 2 November 2026."
    )


def test_milestone_within_objective():
    objective = NS(due_on=date(2027, 3, 31))
    facts = {"objective": objective}
    assert refuses("milestone_within_objective", due_on=date(2027, 3, 31), **facts) is None
    assert refuses("milestone_within_objective", due_on=date(2027, 4, 1), **facts) == (
        "A milestone cannot be due (1 April 2027) after its objective is due (31 March 2027)."
    )


def test_milestone_not_before_plan():
    assert refuses("milestone_not_before_plan", plan=OPEN_PLAN, due_on=date(2026, 9, 1)) is None
    assert refuses("milestone_not_before_plan", plan=OPEN_PLAN, due_on=date(2026, 8, 31)) == (
        "A milestone cannot be due (31 August 2026) before the plan starts (1 September 2026)."
    )


def test_milestone_done_once():
    assert refuses("milestone_done_once", milestone=NS(done_on=None)) is None
    assert refuses("milestone_done_once", milestone=NS(done_on=date(2026, 10, 5))) == (
        "This milestone was already marked done on 5 October 2026."
    )


def test_not_before_plan_starts():
    when = ("The review date", date(2026, 9, 1))
    assert refuses("not_before_plan_starts", plan=OPEN_PLAN, when=when) is None
    early = ("The review date", date(2026, 8, 30))
    assert refuses("not_before_plan_starts", plan=OPEN_PLAN, when=early) == (
        "The review date cannot be before the plan starts (1 September 2026): "
        "30 August 2026 is earlier."
    )


# Cycles


def cycle(stage, ended_on=None):
    return NS(stage=stage, ended_on=ended_on, establishment=SCHOOL, establishment_id=1)


def test_one_running_cycle():
    assert refuses("one_running_cycle", running=None, establishment=SCHOOL) is None
    running = NS(started_on=date(2026, 9, 14))
    assert refuses("one_running_cycle", running=running, establishment=SCHOOL) == (
        "Abbots Langley Primary already has a support cycle running, started on "
        "14 September 2026: it must end with an exit plan or as self-sustaining before "
        "another cycle starts."
    )


def test_cycle_not_ended():
    assert refuses("cycle_not_ended", cycle=cycle("second_review")) is None
    ended = cycle("self_sustaining", ended_on=date(2026, 11, 1))
    assert refuses("cycle_not_ended", cycle=ended) == (
        "This support cycle ended on 1 November 2026 with self-sustaining: no step can "
        "follow its end."
    )


def test_stage_once():
    at = cycle("intervention_plan")
    assert refuses("stage_once", cycle=at, stage="second_review") is None
    assert refuses("stage_once", cycle=at, stage="intervention_plan") == (
        "The cycle is already at the short intensive intervention plan stage: each stage is "
        "recorded once."
    )


def test_no_going_back():
    at = cycle("second_review")
    assert refuses("no_going_back", cycle=at, stage="exit_plan") is None
    assert refuses("no_going_back", cycle=at, stage="second_review") is None  # stage_once's
    assert refuses("no_going_back", cycle=at, stage="collaborative_review") == (
        "A cycle cannot go back: it is at the second collaborative review stage, which comes "
        "after collaborative review."
    )


def test_no_skipping():
    at = cycle("collaborative_review")
    assert refuses("no_skipping", cycle=at, stage="intervention_plan") is None
    assert refuses("no_skipping", cycle=at, stage="second_review") == (
        "A cycle cannot skip a stage: after collaborative review comes short intensive "
        "intervention plan, not second collaborative review."
    )
    at = cycle("intervention_plan")
    assert refuses("no_skipping", cycle=at, stage="self_sustaining") == (
        "A cycle cannot skip a stage: after short intensive intervention plan comes second "
        "collaborative review, not self-sustaining."
    )
    assert refuses("no_skipping", cycle=cycle("second_review"), stage="exit_plan") is None


def test_intervention_needs_plan():
    at = cycle("collaborative_review")
    plan = NS(establishment_id=1)
    assert (
        refuses("intervention_needs_plan", cycle=at, stage="intervention_plan", plan=plan) is None
    )
    assert refuses("intervention_needs_plan", cycle=at, stage="second_review", plan=None) is None
    assert refuses("intervention_needs_plan", cycle=at, stage="intervention_plan", plan=None) == (
        "The short intensive intervention plan needs an action plan of Abbots Langley "
        "Primary: choose one, or create the plan first."
    )


def test_plan_at_intervention_only():
    facts = {"cycle": cycle("intervention_plan")}
    assert refuses("plan_at_intervention_only", stage="second_review", plan=None, **facts) is None
    assert refuses("plan_at_intervention_only", stage="second_review", plan=NS(), **facts) == (
        "An action plan is linked to a cycle at its short intensive intervention plan, not "
        "at the second collaborative review stage."
    )


def test_plan_same_school():
    at = cycle("collaborative_review")
    assert refuses("plan_same_school", cycle=at, plan=None) is None
    assert refuses("plan_same_school", cycle=at, plan=NS(establishment_id=1, title="A")) is None
    other = NS(establishment_id=2, title="Essex plan")
    assert refuses("plan_same_school", cycle=at, plan=other) == (
        "The intervention's action plan must be one of Abbots Langley Primary, the school "
        'of this cycle: "Essex plan" is another school\'s.'
    )


def test_plan_active():
    assert refuses("plan_active", plan=None) is None
    assert refuses("plan_active", plan=NS(status="active", title="Reading")) is None
    assert refuses("plan_active", plan=NS(status="closed", title="Reading")) == (
        'The action plan "Reading" is closed: the intervention needs an active plan.'
    )


def test_step_after_previous():
    previous = NS(stage="collaborative_review", happened_on=date(2026, 10, 1))
    facts = {"previous": previous, "stage": "intervention_plan"}
    assert refuses("step_after_previous", happened_on=date(2026, 10, 1), **facts) is None
    assert refuses("step_after_previous", happened_on=date(2026, 9, 30), **facts) == (
        "The short intensive intervention plan cannot be dated 30 September 2026: that is "
        "before the previous step (the collaborative review on 1 October 2026)."
    )
