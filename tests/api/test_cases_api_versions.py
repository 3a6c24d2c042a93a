"""Versions on the cases API: every step needs the case's version, a stale one answers 409,
and a warning notice is issued once however often (and however concurrently) it is posted."""

import pytest
from django.test import Client

from tests.api.helpers import V1, assert_error
from tests.casework.cases_fixtures import (  # noqa: F401 (fixtures)
    las_fixture,
    open_case_fixture,
    schools_fixture,
    users_fixture,
)
from tests.concurrency import at_once, needs_postgresql
from uplift.api.services import create_token
from uplift.casework.models import ConcernCase, WarningNotice

NOTICE = {"grounds": ["standards"], "issued_on": "2026-05-22", "reason": "Results fell"}


def post(user_or_secret, path, body):
    secret = user_or_secret if isinstance(user_or_secret, str) else None
    if secret is None:
        secret = create_token(user=user_or_secret).secret
    return Client().post(
        V1 + path,
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "step, body",
    [
        ("warning-notices", NOTICE),
        ("moves", {"to_stage": "letter_of_concern", "on": "2026-03-02", "reason": "x"}),
        ("notice-of-intention", {"given_on": "2026-03-02", "reason": "x"}),
        ("powers", {"power": "s66", "used_on": "2026-03-02", "details": "x"}),
        ("structural-solutions", {"kind": "academy_order", "decided_on": "2026-03-02"}),
        ("close", {"closed_on": "2026-03-02", "reason": "x"}),
    ],
)
def test_every_case_step_needs_a_version_and_refuses_a_stale_one(users, open_case, step, body):
    case = open_case()
    missing = assert_error(
        post(users["officer"], f"/cases/{case.pk}/{step}", body), 422, "validation_error"
    )
    assert "version" in str(missing["details"])
    stale = post(users["officer"], f"/cases/{case.pk}/{step}", {**body, "version": 99})
    assert assert_error(stale, 409, "conflict")["details"][0]["type"] == "stale_version"
    assert ConcernCase.objects.get(pk=case.pk).version == case.version  # nothing written


@pytest.mark.django_db
def test_a_repeated_warning_notice_returns_the_first(users, open_case):
    case = open_case()
    body = {**NOTICE, "version": case.version}
    first = post(users["officer"], f"/cases/{case.pk}/warning-notices", body)
    again = post(users["officer"], f"/cases/{case.pk}/warning-notices", body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    assert WarningNotice.objects.count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_five_parallel_warning_notice_posts_issue_one_notice(users, open_case):
    case = open_case()
    secret = create_token(user=users["officer"]).secret
    body = {**NOTICE, "version": case.version}
    answers = at_once(lambda _: post(secret, f"/cases/{case.pk}/warning-notices", body), count=5)
    assert sorted(a.status_code for a in answers) == [200, 200, 200, 200, 201], answers
    assert len({a.json()["id"] for a in answers}) == 1
    assert WarningNotice.objects.count() == 1
    assert ConcernCase.objects.get(pk=case.pk).version == case.version + 1
