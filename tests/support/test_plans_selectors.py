import pytest
from django.http import Http404

from tests.support.plans_world import build, make_cycle, make_objective, make_plan, past, step
from uplift.support.plans import selectors as plans_selectors
from uplift.support.plans import services as plans_services


@pytest.fixture
def w(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build()


def plans_with_reviews(w, count):
    for number in range(count):
        plan = make_plan(w, title=f"Plan {number}")
        for text in ("Reading", "Maths"):
            objective = make_objective(w, plan, text=text)
            plans_services.add_milestone(
                actor=w.officer, via="web", objective=objective, text="Audit", due_on=past(1)
            )
            for rag, on in (("red", past(9)), ("amber", past(3))):
                plans_services.record_review(
                    actor=w.officer,
                    via="web",
                    objective=objective,
                    reviewed_on=on,
                    rag=rag,
                    commentary="x",
                )


@pytest.mark.parametrize("count", [1, 4])
def test_school_plans_reads_in_the_same_queries_however_many(w, count, django_assert_num_queries):
    plans_with_reviews(w, count)
    with django_assert_num_queries(3):  # plans; objectives with owners and latest RAG; milestones
        plans = plans_selectors.school_plans(user=w.head, establishment=w.school)
        rags = [o.latest_rag for p in plans for o in p.objectives.all()]
        milestones = [m for p in plans for o in p.objectives.all() for m in o.milestones.all()]
    assert rags == ["amber"] * 2 * count and len(milestones) == 2 * count


@pytest.mark.parametrize("count", [1, 4])
def test_plan_detail_reads_in_the_same_queries(w, count, django_assert_num_queries):
    plans_with_reviews(w, count)
    plan_pk = make_plan(w, title="Last").pk
    for _ in range(count):
        make_objective(w, plans_selectors.plan_detail(user=w.officer, pk=plan_pk))
    with django_assert_num_queries(5):
        plan = plans_selectors.plan_detail(user=w.officer, pk=plan_pk)
        reviews = [r.reviewer for o in plan.objectives.all() for r in o.reviews.all()]
        [m for o in plan.objectives.all() for m in o.milestones.all()]
        list(plan.cycles.all())
    assert reviews == []


@pytest.mark.parametrize("count", [1, 3])
def test_school_cycles_reads_in_two_queries(w, count, django_assert_num_queries):
    for number in range(count):
        cycle = make_cycle(w, started_on=past(40 - number * 10))
        step(w, cycle, "intervention_plan", past(39 - number * 10), plan=make_plan(w))
        step(w, cycle, "second_review", past(38 - number * 10))
        step(w, cycle, "self_sustaining", past(37 - number * 10))
    with django_assert_num_queries(2):
        cycles = plans_selectors.school_cycles(user=w.adviser, establishment=w.school)
        steps = [(s.stage, s.recorded_by) for c in cycles for s in c.steps.all()]
        [c.plan for c in cycles]
    assert len(steps) == 4 * count


def test_nothing_of_other_schools_and_nothing_for_other_roles(w):
    own, other = make_plan(w), make_plan(w, school=w.same_la)
    cycle = make_cycle(w, school=w.same_la)
    assert plans_selectors.plan_detail(user=w.head, pk=own.pk) == own
    for user in (w.head, w.users["chair"], w.adviser):
        with pytest.raises(Http404):
            plans_selectors.plan_detail(user=user, pk=other.pk)
        with pytest.raises(Http404):
            plans_selectors.cycle_detail(user=user, pk=cycle.pk)
    for who in ("board.member", "dfe.viewer", "data.officer"):
        assert plans_selectors.school_plans(user=w.users[who], establishment=w.school) == []
    assert plans_selectors.cycle_detail(user=w.officer, pk=cycle.pk) == cycle
