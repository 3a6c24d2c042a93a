"""The early-warning API: a school's risk, an LA's flags and an officer's review (version
required, 409 when stale), for the LA's officers only."""

import pytest
from django.contrib.auth import get_user_model

from tests.earlywarning.factories import REASONS, make_assessment, make_run
from uplift.accounts.models import Profile, Role
from uplift.audit.models import AuditEvent

V1 = "/api/v1"


@pytest.fixture
def user(db):
    def make(username, role, **scope):
        found = get_user_model().objects.create_user(username=username, password="pw")
        Profile.objects.create(user=found, role=role, **scope)
        return found

    return make


@pytest.fixture
def flags(herts, make_school):
    run = make_run(la=herts)
    flagged = make_assessment(run, make_school(100001, herts, "Oakfield"), rank=1, risk=0.7)
    calm = make_assessment(run, make_school(100002, herts, "Ashby"), rank=2, flagged=False)
    return flagged, calm


def test_an_officer_reads_a_schools_risk_and_the_las_flags(client, bearer, user, herts, flags):
    officer = user("officer", Role.LA_OFFICER, la=herts)
    risk = client.get(f"{V1}/schools/100001/risk", headers=bearer(officer)).json()
    assert (risk["risk"], risk["flagged"], risk["reasons"], risk["version"]) == (
        0.7,
        True,
        REASONS,
        0,
    )
    listed = client.get(f"{V1}/early-warning/919/flags", headers=bearer(officer)).json()
    assert [row["urn"] for row in listed["results"]] == [100001]


def test_a_review_needs_the_version_and_a_stale_one_answers_409(client, bearer, user, herts, flags):
    officer = user("officer", Role.LA_OFFICER, la=herts)
    url = f"{V1}/early-warning/flags/{flags[0].pk}/review"
    headers = bearer(officer)

    def post(body):
        return client.post(url, body, content_type="application/json", headers=headers)

    assert post({"decision": "dismiss", "reason": "Strong visit"}).status_code == 422
    saved = post({"decision": "dismiss", "reason": "Strong visit", "version": 0})
    assert saved.status_code == 201
    assert saved.json()["review"]["decision"] == "dismiss"
    assert saved.json()["version"] == 1
    stale = post({"decision": "agree", "reason": "Falling results", "version": 0})
    assert stale.status_code == 409
    assert stale.json()["error"]["details"][0]["type"] == "stale_version"
    assert AuditEvent.objects.filter(action="earlywarning.flag_reviewed").count() == 1
    listed = client.get(
        f"{V1}/early-warning/919/flags", {"status": "unreviewed"}, headers=headers
    ).json()
    assert listed["count"] == 0


def test_heads_are_refused_and_other_las_do_not_find_the_school(
    client, bearer, user, herts, essex, flags
):
    head = user("head", Role.HEADTEACHER, establishment=flags[0].school)
    other = user("essex", Role.LA_OFFICER, la=essex)
    assert client.get(f"{V1}/schools/100001/risk", headers=bearer(head)).status_code == 403
    assert client.get(f"{V1}/schools/100001/risk", headers=bearer(other)).status_code == 404
    review = client.post(
        f"{V1}/early-warning/flags/{flags[0].pk}/review",
        {"decision": "agree", "reason": "x", "version": 0},
        content_type="application/json",
        headers=bearer(other),
    )
    assert review.status_code == 404
