from datetime import timedelta

import pytest
from django.utils import timezone

from tests.support.plans_world import build, make_objective, make_plan, past, today
from uplift.audit.models import AuditEvent, Via
from uplift.core.errors import NotAllowed, Refused, RuleRefused
from uplift.support.models import ActionPlan, Milestone, Objective, ProgressReview
from uplift.support.plans import services


@pytest.fixture
def w(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build()


def test_an_officer_builds_a_plan_with_objectives_milestones_and_reviews(w):
    plan = make_plan(w, ends_on=today() + timedelta(days=300))
    objective = make_objective(w, plan, owner=w.adviser)
    milestone = services.add_milestone(
        actor=w.adviser, via=Via.WEB, objective=objective, text="Phonics audit", due_on=today()
    )
    services.complete_milestone(actor=w.adviser, via=Via.API, milestone=milestone, done_on=past(1))
    review = services.record_review(
        actor=w.officer,
        via=Via.WEB,
        objective=objective,
        reviewed_on=past(2),
        rag="amber",
        commentary="Progress slower than planned",
    )
    services.mark_objective_achieved(
        actor=w.officer, via=Via.WEB, objective=objective, achieved_on=today()
    )
    services.close_plan(
        actor=w.officer, via=Via.WEB, plan=plan, reason="All achieved", closed_on=today()
    )
    plan.refresh_from_db()
    assert (plan.status, plan.closed_on, plan.closed_reason) == ("closed", today(), "All achieved")
    assert Milestone.objects.get().done_on == past(1)
    assert (review.rag, review.reviewer) == ("amber", w.officer)
    assert Objective.objects.get().achieved_on == today()
    actions = list(AuditEvent.objects.order_by("id").values_list("action", "via", "actor"))
    assert actions == [
        ("action_plan.created", "web", w.officer.pk),
        ("action_plan.objective_added", "web", w.officer.pk),
        ("action_plan.milestone_added", "web", w.adviser.pk),
        ("action_plan.milestone_done", "api", w.adviser.pk),
        ("action_plan.reviewed", "web", w.officer.pk),
        ("action_plan.objective_achieved", "web", w.officer.pk),
        ("action_plan.closed", "web", w.officer.pk),
    ]
    closed = AuditEvent.objects.get(action="action_plan.closed")
    assert closed.reason == "All achieved" and closed.establishment == w.school
    assert plan.history.first().history_user == w.officer


@pytest.mark.parametrize(
    "who", ["headteacher", "chair", "board.member", "dfe.viewer", "data.officer"]
)
def test_only_those_who_plan_the_school_s_support_may_create_a_plan(w, who):
    with pytest.raises(NotAllowed):
        make_plan(w, actor=w.users[who])
    assert not ActionPlan.objects.exists()


def test_an_adviser_plans_only_their_assigned_schools(w):
    make_plan(w, actor=w.adviser)
    with pytest.raises(NotAllowed):
        make_plan(w, actor=w.adviser, school=w.same_la)
    with pytest.raises(NotAllowed):
        make_plan(w, actor=w.officer, school=w.other_la)


def test_a_plan_needs_a_title_and_sensible_dates(w):
    with pytest.raises(Refused, match="Enter the plan's title"):
        make_plan(w, title="  ")
    with pytest.raises(RuleRefused) as refused:
        make_plan(w, starts_on=today(), ends_on=past(1))
    assert refused.value.code == "plan_ends_after_start"
    with pytest.raises(RuleRefused) as refused:
        make_plan(w, starts_on=today().replace(year=1990))
    assert refused.value.code == "sensible_date"
    assert not ActionPlan.objects.exists()


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("la.officer", True),
        ("data.officer", True),
        ("adviser", True),
        ("headteacher", True),
        ("chair", True),
        ("board.member", False),
        ("dfe.viewer", False),
        ("admin", False),
    ],
)
def test_an_owner_must_be_someone_who_can_see_the_school(w, who, allowed):
    plan = make_plan(w)
    if allowed:
        assert make_objective(w, plan, owner=w.users[who]).owner == w.users[who]
        return
    with pytest.raises(RuleRefused) as refused:
        make_objective(w, plan, owner=w.users[who])
    assert refused.value.code == "owner_sees_school"
    assert "an owner must be someone who can see Abbots Langley Primary" in str(refused.value)
    assert not Objective.objects.exists()


def test_an_adviser_not_assigned_to_the_school_cannot_own_its_objective(w):
    plan = make_plan(w, school=w.same_la)
    with pytest.raises(RuleRefused, match="cannot own an objective"):
        make_objective(w, plan, owner=w.adviser)
    with pytest.raises(RuleRefused, match="cannot own an objective"):
        make_objective(w, plan, owner=w.head)  # the head of another school


def test_an_inactive_user_cannot_own_an_objective(w):
    plan = make_plan(w)
    w.head.is_active = False
    w.head.save()
    with pytest.raises(RuleRefused, match="cannot own an objective"):
        make_objective(w, plan)


def test_an_objective_is_due_within_the_plan(w):
    plan = make_plan(w, starts_on=past(10), ends_on=today() + timedelta(days=30))
    with pytest.raises(RuleRefused, match="before the plan starts"):
        make_objective(w, plan, due_on=past(11))
    with pytest.raises(RuleRefused, match="after the plan ends"):
        make_objective(w, plan, due_on=today() + timedelta(days=31))


def test_a_milestone_is_due_by_its_objective_and_not_before_the_plan(w):
    plan = make_plan(w, starts_on=past(10))
    objective = make_objective(w, plan, due_on=today() + timedelta(days=20))

    def add(due_on):
        return services.add_milestone(
            actor=w.officer, via=Via.WEB, objective=objective, text="Step", due_on=due_on
        )

    with pytest.raises(RuleRefused) as refused:
        add(today() + timedelta(days=21))
    assert refused.value.code == "milestone_within_objective"
    with pytest.raises(RuleRefused) as refused:
        add(past(11))
    assert refused.value.code == "milestone_not_before_plan"
    assert add(today() + timedelta(days=20)).due_on == objective.due_on


def test_a_milestone_is_done_once_and_not_in_the_future(w):
    objective = make_objective(w, make_plan(w))
    milestone = services.add_milestone(
        actor=w.officer, via=Via.WEB, objective=objective, text="Audit", due_on=today()
    )

    def done(on):
        return services.complete_milestone(
            actor=w.officer, via=Via.WEB, milestone=milestone, done_on=on
        )

    with pytest.raises(RuleRefused, match="cannot be in the future"):
        done(today() + timedelta(days=1))
    done(today())
    with pytest.raises(RuleRefused, match="already marked done on"):
        done(today())


def test_a_review_is_rated_and_dated_between_the_plan_s_start_and_today(w):
    objective = make_objective(w, make_plan(w, starts_on=past(30)))

    def review(on, rag="green", commentary="On track"):
        return services.record_review(
            actor=w.officer,
            via=Via.WEB,
            objective=objective,
            reviewed_on=on,
            rag=rag,
            commentary=commentary,
        )

    with pytest.raises(Refused, match="red, amber or green"):
        review(today(), rag="purple")
    with pytest.raises(Refused, match="Enter the commentary"):
        review(today(), commentary="")
    with pytest.raises(RuleRefused) as refused:
        review(today() + timedelta(days=1))
    assert refused.value.code == "not_in_future"
    with pytest.raises(RuleRefused) as refused:
        review(past(31))
    assert refused.value.code == "not_before_plan_starts"
    assert not ProgressReview.objects.exists()
    review(past(30))
    review(today(), rag="red")
    assert ProgressReview.objects.count() == 2


def test_an_achieved_objective_takes_no_milestones_and_is_achieved_once(w):
    objective = make_objective(w, make_plan(w))
    services.mark_objective_achieved(
        actor=w.officer, via=Via.WEB, objective=objective, achieved_on=today()
    )
    with pytest.raises(RuleRefused, match="takes no new milestones"):
        services.add_milestone(
            actor=w.officer, via=Via.WEB, objective=objective, text="Late", due_on=today()
        )
    with pytest.raises(RuleRefused, match="already marked achieved"):
        services.mark_objective_achieved(
            actor=w.officer, via=Via.WEB, objective=objective, achieved_on=today()
        )


def test_a_closed_plan_cannot_change(w):
    plan = make_plan(w)
    objective = make_objective(w, plan)
    milestone = services.add_milestone(
        actor=w.officer, via=Via.WEB, objective=objective, text="Audit", due_on=today()
    )
    services.close_plan(actor=w.officer, via=Via.WEB, plan=plan, reason="Ended", closed_on=today())
    change = {"actor": w.officer, "via": Via.WEB}
    attempts = [
        lambda: make_objective(w, plan),
        lambda: services.add_milestone(**change, objective=objective, text="x", due_on=today()),
        lambda: services.complete_milestone(**change, milestone=milestone, done_on=today()),
        lambda: services.record_review(
            **change, objective=objective, reviewed_on=today(), rag="red", commentary="x"
        ),
        lambda: services.mark_objective_achieved(
            **change, objective=objective, achieved_on=today()
        ),
        lambda: services.close_plan(**change, plan=plan, reason="Again", closed_on=today()),
    ]
    events = AuditEvent.objects.count()
    for attempt in attempts:
        with pytest.raises(RuleRefused) as refused:
            attempt()
        assert refused.value.code == "plan_open"
        assert str(refused.value).endswith("a closed plan cannot change.")
    assert AuditEvent.objects.count() == events
    assert Objective.objects.count() == 1 and not ProgressReview.objects.exists()


def test_a_plan_links_only_a_case_of_its_own_school(w):
    from uplift.casework.models import ConcernCase

    def case(school):
        return ConcernCase.objects.create(
            establishment=school,
            opened_on=past(100),
            opened_by="officer",
            opening_reason="Concern",
            stage_changed_on=past(100),
            recorded_at=timezone.now(),
        )

    with pytest.raises(RuleRefused, match="only be linked to a concern case of Abbots Langley"):
        make_plan(w, case=case(w.same_la))
    own = case(w.school)
    assert make_plan(w, case=own).case == own
