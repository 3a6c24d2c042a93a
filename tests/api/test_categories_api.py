# ruff: noqa: F811 (the fixtures imported are test arguments)
"""The school category API: the current category with its version, and re-categorising
between rounds with that version; a stale one answers 409, and of two officers changing the
same school at once one succeeds and the other is told."""

import pytest
from django.test import Client

from tests.api.helpers import V1, assert_error
from tests.categorisation.conftest import (  # noqa: F401 (fixtures)
    active_policy,
    essex,
    herts,
    inspect,
    make_school,
    users,
)
from tests.categorisation.test_rounds_workflow import (  # noqa: F401 (fixtures, helpers)
    board,
    decide_all,
    publish,
    round_,
    schools,
)
from tests.concurrency import at_once, needs_postgresql
from uplift.api.services import create_token
from uplift.categorisation.models import CategoryChange


@pytest.fixture
def published(round_, schools, users):
    decide_all(users["officer"], schools)
    board(round_, users["officer"])
    publish(round_, users["officer"])
    return schools["good"]


def api(user_or_secret, method, path, body=None):
    secret = user_or_secret
    if not isinstance(secret, str):
        secret = create_token(user=user_or_secret).secret
    headers = {"Authorization": f"Bearer {secret}"}
    if method == "get":
        return Client().get(V1 + path, headers=headers)
    return Client().post(V1 + path, body, content_type="application/json", headers=headers)


def change(category, version):
    return {"category": category, "reason": "New evidence", "evidence": "Visit", "version": version}


@pytest.mark.django_db
def test_read_the_category_then_change_it_with_its_version(users, published):
    path = f"/schools/{published.urn}/category"
    read = api(users["officer"], "get", path).json()
    assert (read["category"], read["source"]) == ("3a", "Round 2026-autumn")
    changed = api(users["officer"], "post", path, change("4", read["version"]))
    assert changed.status_code == 201, changed.content
    assert (changed.json()["category"], changed.json()["version"]) == ("4", read["version"] + 1)
    stale = api(users["officer"], "post", path, change("2", read["version"]))
    assert assert_error(stale, 409, "conflict")["details"][0]["type"] == "stale_version"
    missing = api(users["officer"], "post", path, {"category": "2", "reason": "x", "evidence": "y"})
    assert_error(missing, 422, "validation_error")
    assert CategoryChange.objects.count() == 1


@pytest.mark.django_db
def test_only_the_school_s_la_officers_reach_its_category(users, published):
    path = f"/schools/{published.urn}/category"
    assert_error(api(users["essex_officer"], "get", path), 404, "not_found")
    assert_error(api(users["adviser"], "get", path), 403, "forbidden")
    assert api(users["admin"], "get", path).status_code == 200


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_officers_at_once_one_succeeds_and_the_other_is_told(users, published, herts):
    from tests.categorisation.conftest import Profile, Role, get_user_model

    second = get_user_model().objects.create_user(username="second.officer")
    Profile.objects.create(user=second, role=Role.LA_OFFICER, la=herts)
    secrets = [create_token(user=u).secret for u in (users["officer"], second)]
    path = f"/schools/{published.urn}/category"
    version = api(secrets[0], "get", path).json()["version"]
    answers = at_once(
        lambda i: api(secrets[i], "post", path, change(["4", "2"][i], version)), count=2
    )
    assert sorted(a.status_code for a in answers) == [201, 409], answers
    told = next(a for a in answers if a.status_code == 409).json()["error"]
    assert told["message"].startswith("Someone changed the category of")
    assert CategoryChange.objects.count() == 1
