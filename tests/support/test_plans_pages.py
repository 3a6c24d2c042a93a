from datetime import timedelta

import pytest

from tests.support.plans_world import build, make_cycle, make_objective, make_plan, past, today
from uplift.support.models import ActionPlan, CycleStep, ProgressReview
from uplift.support.plans import services as plans_services


@pytest.fixture
def w(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build()


def as_(client, user):
    client.force_login(user)
    return client


def day(prefix, when):
    return {f"{prefix}_day": when.day, f"{prefix}_month": when.month, f"{prefix}_year": when.year}


def test_an_officer_creates_a_plan_and_adds_an_objective(w, client):
    as_(client, w.officer)
    url = f"/support/plans/new/?urn={w.school.urn}"
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "Reading recovery", **day("starts_on", past(5))})
    plan = ActionPlan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/support/plans/{plan.pk}/"
    form = client.get(f"/support/plans/{plan.pk}/objectives/new/").content.decode()
    assert "Meera Patel (Headteacher)" in form and "Bola Adebayo" not in form
    response = client.post(
        f"/support/plans/{plan.pk}/objectives/new/",
        {"text": "Phonics", "owner": w.head.pk, "version": 1, **day("due_on", today())},
    )
    assert response.status_code == 302 and plan.objectives.get().owner == w.head


@pytest.mark.parametrize(
    ("who", "school", "status"),
    [
        ("la.officer", "same_la", 200),
        ("la.officer", "other_la", 404),
        ("adviser", "same_la", 404),
        ("headteacher", "school", 403),
        ("board.member", "school", 403),
    ],
)
def test_a_new_plan_is_for_a_school_the_user_plans(w, client, who, school, status):
    as_(client, w.users[who])
    urn = getattr(w, school).urn
    assert client.get(f"/support/plans/new/?urn={urn}").status_code == status
    assert client.get(f"/support/cycles/new/?urn={urn}").status_code == status


def test_a_refused_change_is_explained_in_an_error_summary(w, client):
    plan = make_plan(w, starts_on=past(10))
    objective = make_objective(w, plan)
    as_(client, w.officer)
    response = client.post(
        f"/support/objectives/{objective.pk}/reviews/new/",
        {"rag": "red", "commentary": "Slow", "version": 2, **day("reviewed_on", past(11))},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "The review date cannot be before the plan starts" in page
    assert not ProgressReview.objects.exists()


def test_each_objective_s_latest_rating_is_a_tag_with_its_text(w, client):
    plan = make_plan(w)
    first, second = make_objective(w, plan, text="Maths"), make_objective(w, plan, text="Reading")
    for rag, on in (("red", past(9)), ("green", past(2))):
        plans_services.record_review(
            actor=w.officer, via="web", objective=first, reviewed_on=on, rag=rag, commentary="x"
        )
    page = as_(client, w.head).get(f"/support/schools/{w.school.urn}/plans/").content.decode()
    assert '<strong class="govuk-tag govuk-tag--green">Green</strong>' in page
    assert '<strong class="govuk-tag govuk-tag--grey">Not reviewed</strong>' in page
    assert "govuk-tag--red" not in page  # only the latest rating of each objective
    assert "New action plan" not in page  # the head reads, read-only
    detail = client.get(f"/support/plans/{plan.pk}/").content.decode()
    assert "Red</strong>" in detail and "Green</strong>" in detail  # the reviews' history
    assert second.text in detail and "Record a review" not in detail


def test_a_step_offers_only_the_next_stages_and_explains_refusals(w, client):
    cycle = make_cycle(w, started_on=past(20))
    as_(client, w.officer)
    page = client.get(f"/support/cycles/{cycle.pk}/steps/new/").content.decode()
    assert 'value="intervention_plan"' in page
    assert 'value="second_review"' not in page and 'value="exit_plan"' not in page
    response = client.post(
        f"/support/cycles/{cycle.pk}/steps/new/",
        {"stage": "second_review", "summary": "Skip", "version": 1, **day("happened_on", today())},
    )
    assert "A cycle cannot skip a stage" in response.content.decode()
    response = client.post(
        f"/support/cycles/{cycle.pk}/steps/new/",
        {
            "stage": "intervention_plan",
            "summary": "Plan",
            "version": 1,
            **day("happened_on", today()),
        },
    )
    assert "needs an action plan of Abbots Langley Primary" in response.content.decode()
    plan = make_plan(w, starts_on=past(15))
    response = client.post(
        f"/support/cycles/{cycle.pk}/steps/new/",
        {
            "stage": "intervention_plan",
            "summary": "Plan",
            "plan": plan.pk,
            "version": 1,
            **day("happened_on", today() - timedelta(days=1)),
        },
    )
    assert response.status_code == 302
    assert CycleStep.objects.filter(cycle=cycle).count() == 2
    detail = client.get(f"/support/cycles/{cycle.pk}/").content.decode()
    assert (
        'Next</dt><dd class="govuk-summary-list__value">second collaborative review' in detail
        and plan.title in detail
    )
