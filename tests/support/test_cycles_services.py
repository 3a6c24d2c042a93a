"""The Stockton cycle: collaborative review, short intensive intervention plan (with an
action plan of the school), second review, then exit plan or self-sustaining. Every
illegal move is refused with the message of the rule that blocks it."""

from datetime import timedelta

import pytest

from tests.support.plans_world import build, make_cycle, make_plan, past, step, today
from uplift.audit.models import AuditEvent
from uplift.core.errors import NotAllowed, Refused, RuleRefused
from uplift.support.cycles import services
from uplift.support.models import CycleStep, SupportCycle


@pytest.fixture
def w(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build()


def refused(code, attempt):
    with pytest.raises(RuleRefused) as raised:
        attempt()
    assert raised.value.code == code
    return str(raised.value)


@pytest.mark.parametrize("ending", ["exit_plan", "self_sustaining"])
def test_a_cycle_runs_through_its_stages_to_its_end(w, ending):
    cycle = make_cycle(w, started_on=past(50))
    assert (cycle.stage, cycle.ended_on) == ("collaborative_review", None)
    assert list(cycle.steps.values_list("stage", "happened_on")) == [
        ("collaborative_review", past(50))
    ]
    assert services.allowed_stages(cycle) == ("intervention_plan",)
    plan = make_plan(w, starts_on=past(45))
    step(w, cycle, "intervention_plan", past(40), plan=plan)
    assert (cycle.stage, cycle.plan) == ("intervention_plan", plan)
    step(w, cycle, "second_review", past(10), actor=w.adviser)
    assert services.allowed_stages(cycle) == ("exit_plan", "self_sustaining")
    step(w, cycle, ending, today())
    cycle.refresh_from_db()
    assert (cycle.stage, cycle.ended_on, cycle.plan) == (ending, today(), plan)
    assert services.allowed_stages(cycle) == ()
    assert CycleStep.objects.filter(cycle=cycle).count() == 4
    actions = (
        AuditEvent.objects.filter(action__startswith="support_cycle")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert list(actions) == ["support_cycle.started"] + ["support_cycle.step_recorded"] * 3


def test_one_running_cycle_per_school(w):
    first = make_cycle(w, started_on=past(50))
    message = refused("one_running_cycle", lambda: make_cycle(w))
    assert message.startswith("Abbots Langley Primary already has a support cycle running")
    make_cycle(w, school=w.same_la)  # another school's is fine
    step(w, first, "intervention_plan", past(40), plan=make_plan(w, starts_on=past(45)))
    step(w, first, "second_review", past(20))
    step(w, first, "self_sustaining", past(10))
    assert make_cycle(w, started_on=past(5)).pk != first.pk
    assert SupportCycle.objects.filter(establishment=w.school).count() == 2


def test_no_skipping(w):
    cycle = make_cycle(w)
    assert "after collaborative review comes short intensive intervention plan" in refused(
        "no_skipping", lambda: step(w, cycle, "second_review", today())
    )
    refused("no_skipping", lambda: step(w, cycle, "exit_plan", today()))
    step(w, cycle, "intervention_plan", today(), plan=make_plan(w))
    refused("no_skipping", lambda: step(w, cycle, "self_sustaining", today()))


def test_no_going_back_and_each_stage_once(w):
    cycle = make_cycle(w)
    refused("stage_once", lambda: step(w, cycle, "collaborative_review", today()))
    step(w, cycle, "intervention_plan", today(), plan=make_plan(w))
    step(w, cycle, "second_review", today())
    assert "it is at the second collaborative review stage" in refused(
        "no_going_back", lambda: step(w, cycle, "intervention_plan", today(), plan=None)
    )
    refused("no_going_back", lambda: step(w, cycle, "collaborative_review", today()))


def test_nothing_after_the_end(w):
    cycle = make_cycle(w)
    step(w, cycle, "intervention_plan", past(5), plan=make_plan(w))
    step(w, cycle, "second_review", past(4))
    step(w, cycle, "exit_plan", past(3))
    for stage in ("exit_plan", "self_sustaining", "collaborative_review", "second_review"):
        assert "no step can follow its end" in refused(
            "cycle_not_ended", lambda stage=stage: step(w, cycle, stage, today())
        )


def test_the_intervention_plan_needs_an_active_action_plan_of_the_same_school(w):
    cycle = make_cycle(w)
    assert "needs an action plan of Abbots Langley Primary" in refused(
        "intervention_needs_plan", lambda: step(w, cycle, "intervention_plan", today())
    )
    others = make_plan(w, school=w.same_la, title="Bishop's plan")
    refused("plan_same_school", lambda: step(w, cycle, "intervention_plan", today(), plan=others))
    closed = make_plan(w, title="Old plan")
    from uplift.support.plans.services import close_plan

    close_plan(actor=w.officer, via="web", plan=closed, reason="Done", closed_on=today())
    refused("plan_active", lambda: step(w, cycle, "intervention_plan", today(), plan=closed))
    cycle.refresh_from_db()
    assert (cycle.stage, cycle.plan) == ("collaborative_review", None)
    assert cycle.steps.count() == 1


def test_a_plan_is_linked_only_at_the_intervention_plan(w):
    cycle = make_cycle(w)
    plan = make_plan(w)
    step(w, cycle, "intervention_plan", today(), plan=plan)
    refused(
        "plan_at_intervention_only", lambda: step(w, cycle, "second_review", today(), plan=plan)
    )


def test_a_step_is_not_dated_before_the_previous_one_nor_in_the_future(w):
    cycle = make_cycle(w, started_on=past(20))
    assert "before the previous step (the collaborative review on" in refused(
        "step_after_previous",
        lambda: step(w, cycle, "intervention_plan", past(21), plan=make_plan(w)),
    )
    refused(
        "not_in_future",
        lambda: step(w, cycle, "intervention_plan", today() + timedelta(1), plan=make_plan(w)),
    )
    refused(
        "not_in_future", lambda: make_cycle(w, school=w.same_la, started_on=today() + timedelta(1))
    )


def test_unknown_stages_and_missing_summaries_are_refused(w):
    cycle = make_cycle(w)
    with pytest.raises(Refused, match="Choose the stage"):
        step(w, cycle, "celebration", today())
    with pytest.raises(Refused, match="Enter what the collaborative review"):
        services.start_cycle(
            actor=w.officer, via="web", establishment=w.same_la, started_on=today(), summary=" "
        )


@pytest.mark.parametrize(
    "who", ["headteacher", "chair", "board.member", "dfe.viewer", "data.officer"]
)
def test_only_those_who_plan_support_run_a_cycle(w, who):
    with pytest.raises(NotAllowed):
        make_cycle(w, actor=w.users[who])
    cycle = make_cycle(w)
    with pytest.raises(NotAllowed):
        step(w, cycle, "intervention_plan", today(), plan=make_plan(w), actor=w.users[who])
    assert cycle.steps.count() == 1
