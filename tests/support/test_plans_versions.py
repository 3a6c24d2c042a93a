"""Optimistic locking of action plans and support cycles: a change made from a stale page (or
with a stale API version) is refused, names who changed the plan first, and saves nothing;
two officers changing one plan at once on PostgreSQL: one succeeds, the other is told."""

import json

import pytest
from django.test import Client

from tests.api.helpers import V1, assert_error
from tests.concurrency import at_once, needs_postgresql
from tests.support.plans_world import build, make_cycle, make_objective, make_plan, past, today
from uplift.api.services import create_token
from uplift.core.errors import StaleVersion
from uplift.support.models import ActionPlan, Milestone, Objective, ProgressReview, SupportCycle
from uplift.support.plans import services as plans_services


@pytest.fixture
def w(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build()


def day(prefix, when):
    return {f"{prefix}_day": when.day, f"{prefix}_month": when.month, f"{prefix}_year": when.year}


def api(user_or_secret, path, body):
    secret = user_or_secret
    if not isinstance(secret, str):
        secret = create_token(user=user_or_secret).secret
    return Client().post(
        V1 + path,
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )


def test_every_change_moves_the_plan_s_version_on_and_says_who(w):
    plan = make_plan(w)
    assert (plan.version, plan.changed_by) == (1, w.officer)
    objective = make_objective(w, plan, actor=w.adviser)
    milestone = plans_services.add_milestone(
        actor=w.officer, via="web", objective=objective, text="Audit", due_on=today(), version=2
    )
    plans_services.record_review(
        actor=w.officer,
        via="web",
        objective=objective,
        reviewed_on=today(),
        rag="green",
        commentary="On track",
        version=3,
    )
    plans_services.complete_milestone(
        actor=w.adviser, via="web", milestone=milestone, done_on=today(), version=4
    )
    plans_services.mark_objective_achieved(
        actor=w.adviser, via="web", objective=objective, achieved_on=today(), version=5
    )
    plans_services.close_plan(
        actor=w.officer, via="web", plan=plan, reason="Done", closed_on=today(), version=6
    )
    plan.refresh_from_db()
    assert (plan.version, plan.changed_by, plan.status) == (7, w.officer, "closed")


def test_a_stale_service_call_names_who_changed_the_plan_first(w):
    plan = make_plan(w)
    objective = make_objective(w, plan, actor=w.adviser)  # version 2, by the adviser
    with pytest.raises(StaleVersion) as refused:
        plans_services.add_milestone(
            actor=w.officer, via="web", objective=objective, text="x", due_on=today(), version=1
        )
    assert str(refused.value).startswith(f"{w.adviser.get_full_name()} changed this action plan")
    assert "Nothing was saved" in str(refused.value)
    assert not Milestone.objects.exists()


def test_a_review_posted_from_a_stale_page_is_refused_and_nothing_is_saved(w, client):
    plan = make_plan(w, starts_on=past(10))
    objective = make_objective(w, plan)
    client.force_login(w.officer)
    url = f"/support/objectives/{objective.pk}/reviews/new/"
    form = client.get(url).content.decode()
    assert 'name="version" value="2"' in form
    plans_services.add_milestone(  # the adviser changes the plan meanwhile
        actor=w.adviser, via="web", objective=objective, text="Audit", due_on=today()
    )
    response = client.post(
        url, {"rag": "red", "commentary": "Slow", "version": 2, **day("reviewed_on", past(1))}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert f"{w.adviser.get_full_name()} changed this action plan" in page
    assert not ProgressReview.objects.exists()
    assert ActionPlan.objects.get(pk=plan.pk).version == 3
    assert 'name="version" value="3"' in page  # told, they may make their change again
    again = client.post(
        url, {"rag": "red", "commentary": "Slow", "version": 3, **day("reviewed_on", past(1))}
    )
    assert again.status_code == 302 and ProgressReview.objects.count() == 1


@pytest.mark.parametrize(
    "form, body",
    [
        ("plans/{plan}/close/", {"reason": "Done", **day("closed_on", today())}),
        (
            "plans/{plan}/objectives/new/",
            {"text": "Maths", "owner": "{head}", **day("due_on", today())},
        ),
        ("objectives/{objective}/milestones/new/", {"text": "Audit", **day("due_on", today())}),
        ("objectives/{objective}/achieved/", day("achieved_on", today())),
        ("milestones/{milestone}/done/", day("done_on", today())),
    ],
)
def test_every_plan_form_refuses_a_stale_page(w, client, form, body):
    plan = make_plan(w, starts_on=past(10))
    objective = make_objective(w, plan)
    milestone = plans_services.add_milestone(
        actor=w.officer, via="web", objective=objective, text="Audit", due_on=today()
    )
    ids = {"plan": plan.pk, "objective": objective.pk, "milestone": milestone.pk}
    body = {k: str(v).format(head=w.head.pk) for k, v in body.items()}
    before = (Objective.objects.count(), Milestone.objects.count())
    client.force_login(w.officer)
    response = client.post(f"/support/{form.format(**ids)}", {**body, "version": 2})
    assert response.status_code == 200, response.get("Location")
    assert "changed this action plan" in response.content.decode()
    plan.refresh_from_db()
    assert (plan.version, plan.status) == (3, "active")
    assert (Objective.objects.count(), Milestone.objects.count()) == before
    assert Objective.objects.get(pk=objective.pk).achieved_on is None
    assert Milestone.objects.get(pk=milestone.pk).done_on is None


def test_a_cycle_step_from_a_stale_page_is_refused(w, client):
    cycle = make_cycle(w, started_on=past(20))
    plan = make_plan(w, starts_on=past(15))
    client.force_login(w.officer)
    body = {"stage": "intervention_plan", "summary": "Plan", "plan": plan.pk}
    body.update(day("happened_on", past(1)))
    SupportCycle.objects.filter(pk=cycle.pk).update(version=2)  # someone moved it on
    response = client.post(f"/support/cycles/{cycle.pk}/steps/new/", {**body, "version": 1})
    assert "recorded a step of this support cycle" in response.content.decode()
    assert SupportCycle.objects.get(pk=cycle.pk).steps.count() == 1


@pytest.mark.parametrize(
    "path, body",
    [
        ("/action-plans/{plan}/objectives", {"text": "x", "owner_id": "{head}", "due_on": "{d}"}),
        ("/objectives/{objective}/milestones", {"text": "x", "due_on": "{d}"}),
        (
            "/objectives/{objective}/reviews",
            {"reviewed_on": "{d}", "rag": "red", "commentary": "x"},
        ),
        ("/objectives/{objective}/achieved", {"achieved_on": "{d}"}),
        ("/milestones/{milestone}/done", {"done_on": "{d}"}),
        ("/action-plans/{plan}/close", {"closed_on": "{d}", "reason": "x"}),
    ],
)
def test_every_plan_api_change_needs_a_version_and_refuses_a_stale_one(w, path, body):
    plan = make_plan(w, starts_on=past(10))
    objective = make_objective(w, plan)
    milestone = plans_services.add_milestone(
        actor=w.officer, via="web", objective=objective, text="Audit", due_on=today()
    )
    path = path.format(plan=plan.pk, objective=objective.pk, milestone=milestone.pk)
    body = {k: v.format(head=w.head.pk, d=today()) for k, v in body.items()}
    if "owner_id" in body:
        body["owner_id"] = int(body["owner_id"])
    missing = assert_error(api(w.officer, path, body), 422, "validation_error")
    assert "version" in str(missing["details"])
    stale = assert_error(api(w.officer, path, {**body, "version": 2}), 409, "conflict")
    assert stale["details"][0]["type"] == "stale_version"
    assert stale["message"].startswith(f"{w.officer.get_full_name()} changed this action plan")
    assert ActionPlan.objects.get(pk=plan.pk).version == 3  # nothing written
    fresh = api(w.officer, path, {**body, "version": 3})
    assert fresh.status_code in (200, 201), fresh.content
    assert fresh.json()["version"] == 4


def test_a_cycle_step_through_the_api_needs_the_cycle_s_version(w):
    cycle = make_cycle(w, started_on=past(20))
    plan = make_plan(w, starts_on=past(15))
    body = {"stage": "intervention_plan", "happened_on": str(past(1)), "summary": "Plan"}
    body["plan_id"] = plan.pk
    stale = api(w.officer, f"/support-cycles/{cycle.pk}/steps", {**body, "version": 2})
    assert assert_error(stale, 409, "conflict")["details"][0]["type"] == "stale_version"
    done = api(w.officer, f"/support-cycles/{cycle.pk}/steps", {**body, "version": 1})
    assert done.status_code == 201 and done.json()["version"] == 2


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_officers_reviewing_one_plan_at_once_one_succeeds_the_other_is_told():
    w = build()
    plan = make_plan(w, starts_on=past(10))
    objective = make_objective(w, plan)
    version = ActionPlan.objects.get(pk=plan.pk).version
    secrets = [create_token(user=u).secret for u in (w.officer, w.adviser)]
    body = {"reviewed_on": str(today()), "rag": "amber", "commentary": "Slower than hoped"}
    answers = at_once(
        lambda i: api(
            secrets[i], f"/objectives/{objective.pk}/reviews", {**body, "version": version}
        ),
        count=2,
    )
    assert sorted(a.status_code for a in answers) == [201, 409], answers
    [refused] = [assert_error(a, 409, "conflict") for a in answers if a.status_code == 409]
    assert refused["details"][0]["type"] == "stale_version"
    [winner] = [
        u for u, a in zip((w.officer, w.adviser), answers, strict=True) if a.status_code == 201
    ]
    assert refused["message"].startswith(f"{winner.get_full_name()} changed this action plan")
    assert ProgressReview.objects.count() == 1
    assert ActionPlan.objects.get(pk=plan.pk).version == version + 1
