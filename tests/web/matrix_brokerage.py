"""Permission-matrix rows of school-to-school support, pages and API (see
test_permission_matrix.py).

Role order: anonymous admin la.officer data.officer adviser headteacher chair board.member
dfe.viewer. The register and good practice are read by those who read the LA (and a head or
chair, their school's LA); requests, deployments and credits by LA staff who reach the school
(an adviser: their assigned schools), the school's head and chair, and its board member.
Officers keep the register and broker; data officers and regional viewers read no school's
support. A supporting leader's own reach is tested in tests/brokerage/test_access.py."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from uplift.audit.models import Via
from uplift.brokerage.services import deployments, register, requests

SIGNED_IN = "in  ok  ok  ok  ok  ok  ok  ok  ok"
REGISTER = "in  ok  ok  ok  ok  ok  ok  403 ok"
MANAGERS = "in  ok  ok  403 403 403 403 403 403"
SCHOOL = "in  ok  ok  404 ok  ok  ok  ok  404"
ONLY_ADMIN = "in  ok  404 404 404 404 404 404 404"
CREDITS = "in  ok  ok  403 ok  ok  ok  ok  403"
OTHER_CREDITS = "in  ok  404 403 404 404 404 404 403"
POST_ONLY = "in  405 405 405 405 405 405 405 405"
API_NO_GET = "405 405 405 405 405 405 405 405 405"


def _api(cells: str) -> str:
    return "401" + cells[2:]


def _records(w):
    """An LA team supporting the in-scope school and one in Essex, each with a deployment."""
    officer = get_user_model().objects.get(username="la.officer")
    day = date(2026, 11, 2)
    made = []
    for school, actor in ((w.in_scope, officer), (w.other_la, None)):
        via = Via.WEB if actor else Via.CLI
        org = register.add_organisation(
            actor=actor, via=via, la=school.la, kind="la_team", name=f"{school.la.name} team"
        )
        if actor is None:
            checker = get_user_model().objects.get(username="admin")
        else:
            checker = officer
        register.record_check(
            actor=checker, via=via, organisation=org, checked_on=day, what="All", outcome="passed"
        )
        leader = register.add_designated_leader(
            actor=actor,
            via=via,
            organisation=org,
            name="Lee Leader",
            phases=["primary"],
            specialisms=["inclusion"],
            days_per_term=5,
            kind="adviser",
            designated_by=school.la.name,
            starts_on=day,
        )
        request = requests.raise_request(
            actor=actor,
            via=via,
            establishment=school,
            raised_from="officer",
            areas=["inclusion"],
            days=2,
            needed_by=timezone.localdate() + timedelta(days=9),
            funding="la",
        )
        deployment = deployments.agree_deployment(
            actor=actor,
            via=via,
            request=request,
            leader=leader,
            days_planned=2,
            starts_on=day,
            ends_on=day + timedelta(days=60),
            review_on=day + timedelta(days=30),
            school_agreed_on=day,
            supporter_agreed_on=day,
            la_agreed_on=day,
            objectives=[{"text": "Inclusion"}],
        )
        session = deployments.log_session(
            actor=actor,
            via=via,
            deployment=deployment,
            held_on=day,
            days=1,
            focus="Inclusion",
            notes="Notes",
        )
        made.append((org.pk, request.pk, deployment.pk, session.pk))
    return made


def rows(w) -> list[tuple[str, str, str]]:
    (org, req, dep, ses), (o_org, o_req, o_dep, o_ses) = _records(w)
    b = "brokerage/"
    api = "api/v1/"
    return [
        (b, "/brokerage/", SIGNED_IN),
        (f"{b}register/", "/brokerage/register/", REGISTER),
        (f"{b}organisations/new/", "/brokerage/organisations/new/", MANAGERS),
        (
            f"{b}organisations/<int:pk>/",
            f"/brokerage/organisations/{org}/",
            REGISTER.replace("403", "404"),
        ),
        (
            f"{b}organisations/<int:pk>/",
            f"/brokerage/organisations/{o_org}/",
            "in  ok  404 404 404 404 404 404 ok",
        ),
        (
            f"{b}organisations/<int:pk>/leaders/new/",
            f"/brokerage/organisations/{org}/leaders/new/",
            "in  ok  ok  403 403 403 403 404 403",
        ),
        (
            f"{b}organisations/<int:pk>/leaders/new/",
            f"/brokerage/organisations/{o_org}/leaders/new/",
            "in  ok  404 404 404 404 404 404 403",
        ),
        (f"{b}requests/", "/brokerage/requests/", SIGNED_IN),
        (f"{b}requests/new/", "/brokerage/requests/new/", "in  ok  ok  403 403 ok  403 403 403"),
        (f"{b}requests/<int:pk>/", f"/brokerage/requests/{req}/", SCHOOL),
        (f"{b}requests/<int:pk>/", f"/brokerage/requests/{o_req}/", ONLY_ADMIN),
        (f"{b}deployments/", "/brokerage/deployments/", SIGNED_IN),
        (f"{b}deployments/<int:pk>/", f"/brokerage/deployments/{dep}/", SCHOOL),
        (f"{b}deployments/<int:pk>/", f"/brokerage/deployments/{o_dep}/", ONLY_ADMIN),
        (
            f"{b}deployments/<int:pk>/sessions/<int:session_pk>/comment/",
            f"/brokerage/deployments/{dep}/sessions/{ses}/comment/",
            POST_ONLY,
        ),
        (f"{b}credits/<int:urn>/", "/brokerage/credits/117001/", CREDITS),
        (f"{b}credits/<int:urn>/", "/brokerage/credits/881001/", OTHER_CREDITS),
        (f"{b}schools/<int:urn>/sessions/", "/brokerage/schools/117001/sessions/", CREDITS),
        (f"{b}schools/<int:urn>/sessions/", "/brokerage/schools/881001/sessions/", OTHER_CREDITS),
        (f"{b}good-practice/", "/brokerage/good-practice/", REGISTER),
        (
            f"{b}good-practice/new/",
            "/brokerage/good-practice/new/",
            "in  ok  ok  403 403 ok  403 403 403",
        ),
        # The API
        (f"{api}support-organisations", "/api/v1/support-organisations", _api(REGISTER)),
        (
            f"{api}support-organisations/<int:org_id>/checks",
            f"/api/v1/support-organisations/{org}/checks",
            API_NO_GET,
        ),
        (f"{api}system-leaders", "/api/v1/system-leaders", _api(REGISTER)),
        (f"{api}support-requests", "/api/v1/support-requests", _api(SIGNED_IN)),
        (
            f"{api}support-requests/<int:request_id>",
            f"/api/v1/support-requests/{req}",
            _api(SCHOOL),
        ),
        (
            f"{api}support-requests/<int:request_id>",
            f"/api/v1/support-requests/{o_req}",
            _api(ONLY_ADMIN),
        ),
        (
            f"{api}support-requests/<int:request_id>/deployments",
            f"/api/v1/support-requests/{req}/deployments",
            API_NO_GET,
        ),
        (f"{api}deployments", "/api/v1/deployments", _api(SIGNED_IN)),
        (f"{api}deployments/<int:deployment_id>", f"/api/v1/deployments/{dep}", _api(SCHOOL)),
        (f"{api}deployments/<int:deployment_id>", f"/api/v1/deployments/{o_dep}", _api(ONLY_ADMIN)),
        (
            f"{api}deployments/<int:deployment_id>/sessions",
            f"/api/v1/deployments/{dep}/sessions",
            API_NO_GET,
        ),
        (
            f"{api}deployments/<int:deployment_id>/sessions/<int:session_id>/comment",
            f"/api/v1/deployments/{dep}/sessions/{ses}/comment",
            API_NO_GET,
        ),
        (
            f"{api}deployments/<int:deployment_id>/review",
            f"/api/v1/deployments/{dep}/review",
            API_NO_GET,
        ),
        (
            f"{api}deployments/<int:deployment_id>/exit",
            f"/api/v1/deployments/{dep}/exit",
            API_NO_GET,
        ),
        (f"{api}credits/<int:urn>", "/api/v1/credits/117001", _api(CREDITS)),
        (f"{api}credits/<int:urn>", "/api/v1/credits/881001", _api(OTHER_CREDITS)),
    ]
