"""Every URL pattern of the project, with every demo persona and an anonymous visitor,
against an explicit table of who may open what. A new page fails this test until it is
added to the table."""

import importlib
from dataclasses import dataclass
from datetime import date

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone

from uplift.audit.models import Via
from uplift.categorisation.models import PolicyVersion, Round
from uplift.categorisation.services import (
    activate_version,
    create_policy_from_preset,
    propose_round,
)
from uplift.demo.personas import PERSONAS, ensure_personas
from uplift.imports.models import ImportRun, RunStatus
from uplift.profiles.models import ProfileBatch
from uplift.reports.models import Comparison, ReportTarget, TargetMeasure
from uplift.schools.models import (
    Establishment,
    GroupKind,
    GroupMembership,
    LocalAuthority,
    SchoolGroup,
)

# Later areas keep their rows in their own modules: each has rows(world) -> [(route, url,
# expected), ...] and builds whatever records its pages need.
AREA_TABLES = tuple(
    importlib.import_module(f"tests.web.{name}")
    for name in (
        "matrix_cases",
        "matrix_letters",
        "matrix_meetings",
        "matrix_calendar",
        "matrix_visits",
        "matrix_plans",
        "matrix_work",
        "matrix_judgements",
        "matrix_people",
        "matrix_brokerage",
        "matrix_money",
        "matrix_partnerships",
        "matrix_earlywarning",
        "matrix_impact",
        "matrix_feedback",
        "matrix_governors",
    )
)

# The LA administrator manages people only: their answers are in tests/people.
ROLES = ("anonymous", *(p.username for p in PERSONAS if p.username != "la.admin"))
assert ROLES == (
    "anonymous",
    "admin",
    "la.officer",
    "data.officer",
    "adviser",
    "headteacher",
    "chair",
    "board.member",
    "dfe.viewer",
)

# What each cell means: "ok" 200; "in" 302 to the sign-in page (coming back afterwards);
# "adm" 302 to the admin's own sign-in; ">/path" 302 to that address; a number, that status.
ANYONE = "ok  ok  ok  ok  ok  ok  ok  ok  ok"
SIGNED_IN = "in  ok  ok  ok  ok  ok  ok  ok  ok"
IMPORTERS = "in  ok  403 ok  403 403 403 403 403"
HISTORY_READERS = "in  ok  ok  403 403 403 403 403 403"
GROUP_MANAGERS = "in  ok  ok  403 403 403 403 403 403"
SCHOOL_EDITORS = "in  ok  ok  403 ok  403 403 403 403"
# An LA's overview and reports: its staff, system administrators and regional viewers.
LA_READERS = "in  ok  ok  ok  ok  404 404 404 ok"
OTHER_LA = "in  ok  404 404 404 404 404 404 ok"
TARGET_SETTERS = "in  ok  ok  403 403 404 404 404 403"
POLICY_EDITORS = "in  ok  ok  403 403 403 403 403 403"
UNPUBLISHED_ROUND = "in  ok  ok  404 404 404 404 404 404"
# A profile of the board's school: the board member (seat current) agrees its category.
BOARD_AND_OFFICERS = "in  ok  ok  404 404 404 404 ok  404"
OTHER_LA_POLICY = "in  ok  404 403 403 403 403 403 403"
VERSION_ROUTE = "categorisation/policies/<int:pk>/versions/<int:number>/"
# The API answers JSON: 401 without credentials rather than a redirect.
API_SIGNED_IN = "401 ok  ok  ok  ok  ok  ok  ok  ok"
API_IMPORTERS = "401 ok  403 ok  403 403 403 403 403"
API_LA_READERS = "401 ok  ok  ok  ok  404 404 404 ok"
API_OTHER_LA = "401 ok  404 404 404 404 404 404 ok"
# Django's admin: for staff (the system administrator persona, who has no model permissions
# of its own), everyone else is sent to the admin's sign-in.
ADMIN_PAGE = "adm ok  adm adm adm adm adm adm adm"
ADMIN_MODEL_PAGE = "adm 403 adm adm adm adm adm adm adm"


@dataclass(frozen=True)
class World:
    in_scope: Establishment  # the headteacher's school, in the board member's partnership
    same_la: Establishment  # Hertfordshire, outside the partnership
    other_la: Establishment  # Essex: outside every Hertfordshire persona's scope
    group: SchoolGroup  # the Hertfordshire partnership
    other_group: SchoolGroup  # an Essex consortium
    membership: GroupMembership  # the in-scope school in the partnership
    import_run: ImportRun
    draft: PolicyVersion  # a draft categorisation policy of Hertfordshire
    other_policy: PolicyVersion  # Essex's
    target: ReportTarget  # Hertfordshire's
    other_target: ReportTarget  # Essex's
    admin_objects: dict[str, int]  # one row of each model the admin site shows


def build_world() -> World:
    herts = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    essex = LocalAuthority.objects.create(code="881", name="Essex")

    def school(urn, la, name):
        return Establishment.objects.create(
            urn=urn, la=la, name=name, laestab=f"{la.code}{urn % 10000:04d}", status="Open"
        )

    in_scope = school(117001, herts, "Abbots Langley Primary")
    same_la = school(117002, herts, "Bishop's Stortford High")
    other_la = school(881001, essex, "Colchester Primary")
    group = SchoolGroup.objects.create(kind=GroupKind.PARTNERSHIP, name="North Herts", la=herts)
    other_group = SchoolGroup.objects.create(
        kind=GroupKind.CONSORTIUM, name="Tendring Consortium", la=essex
    )
    membership = GroupMembership.objects.create(
        group=group, establishment=in_scope, joined_on=date(2024, 9, 1)
    )
    GroupMembership.objects.create(
        group=other_group, establishment=other_la, joined_on=date(2024, 9, 1)
    )
    ensure_personas(la=herts, establishment=in_scope, group=group, adviser_schools=[in_scope])
    now = timezone.now()
    import_run = ImportRun.objects.create(
        importer="gias",
        file_name="edubasealldata20250422.csv",
        sha256="0" * 64,
        actor="data.officer",
        started_at=now,
        finished_at=now,
        status=RunStatus.APPLIED,
    )
    draft, other_policy, target, other_target = _categorisation_and_reports(herts, essex)
    request = {"user_agent": "test", "ip_address": "10.0.0.1", "username": "chair"}
    admin_objects = {
        "auth.group": Group.objects.create(name="Editors").pk,
        "auth.user": get_user_model().objects.get(username="headteacher").pk,
        "axes.accessattempt": AccessAttempt.objects.create(**request, failures_since_start=1).pk,
        "axes.accesslog": AccessLog.objects.create(**request).pk,
        "axes.accessfailurelog": AccessFailureLog.objects.create(**request).pk,
    }
    return World(
        in_scope,
        same_la,
        other_la,
        group,
        other_group,
        membership,
        import_run,
        draft,
        other_policy,
        target,
        other_target,
        admin_objects,
    )


def _categorisation_and_reports(herts, essex):
    """A draft policy, and a live one with a round (so the category reports have one to show),
    of Hertfordshire; a policy of Essex; a report target of each LA."""
    admin = get_user_model().objects.get(username="admin")
    change = {"actor": admin, "via": Via.CLI, "reason": "permission matrix"}
    draft = create_policy_from_preset(la=herts, preset="risk_a_to_d", name="Draft", **change)
    live = create_policy_from_preset(la=herts, preset="two_dimension", name="Live", **change)
    live = activate_version(version=live, **change)
    propose_round(la=herts, code="2026-autumn", policy_version=live, **change)
    other = create_policy_from_preset(la=essex, preset="risk_a_to_d", name="Essex", **change)
    target, other_target = (
        ReportTarget.objects.create(
            la=la,
            name="Good or better",
            measure=TargetMeasure.SCHOOLS_GOOD_OR_BETTER,
            comparison=Comparison.AT_LEAST,
            value=90,
        )
        for la in (herts, essex)
    )
    return draft, other, target, other_target


def expected_table(w: World) -> list[tuple[str, str, str]]:
    """(route, address, expected answer per role in ROLES order)."""
    g, og, m, run = w.group.pk, w.other_group.pk, w.membership.pk, w.import_run.pk
    school, other_la = w.in_scope.pk, w.other_la.pk  # primary keys, for the history pages
    user = w.admin_objects["auth.user"]
    policy, other_policy = w.draft.policy.pk, w.other_policy.policy.pk
    version = f"/categorisation/policies/{policy}/versions/{w.draft.number}/"
    autumn = Round.objects.get(code="2026-autumn")
    round_ = f"/categorisation/rounds/{autumn.pk}"
    batch = ProfileBatch.objects.create(round=autumn, created_at=timezone.now())
    return [
        # Public pages and the health check
        ("healthz", "/healthz", ANYONE),
        ("accessibility/", "/accessibility/", ANYONE),
        ("cookies/", "/cookies/", ANYONE),
        ("accounts/sign-in/", "/accounts/sign-in/", f"ok  {' '.join(['>/'] * 8)}"),
        ("accounts/sign-out/", "/accounts/sign-out/", ANYONE),
        ("", "/", SIGNED_IN),  # the home page: a dashboard for each role
        # The navigation's own pages: the schools whose visits and plans staff keep, and a
        # head's or chair's own school's visits and plans
        # (the board member reads a Luton school's support: see matrix_partnerships)
        ("visits-and-plans/", "/visits-and-plans/", "in  ok  ok  403 ok  403 403 ok  403"),
        (
            "our-school/visits/",
            "/our-school/visits/",
            "in  404 404 404 404 >/support/schools/117001/visits/ "
            ">/support/schools/117001/visits/ 404 404",
        ),
        (
            "our-school/plans/",
            "/our-school/plans/",
            "in  404 404 404 404 >/support/schools/117001/plans/ "
            ">/support/schools/117001/plans/ 404 404",
        ),
        # Schools: a school outside the user's scope is not found
        ("schools/", "/schools/", SIGNED_IN),
        ("schools/schools.csv", "/schools/schools.csv", SIGNED_IN),
        ("schools/<int:urn>/", "/schools/117001/", SIGNED_IN),
        ("schools/<int:urn>/", "/schools/117002/", "in  ok  ok  ok  ok  404 404 404 ok"),
        ("schools/<int:urn>/", "/schools/881001/", "in  ok  404 404 404 404 404 404 ok"),
        ("schools/<int:urn>/", "/schools/999999/", "in  404 404 404 404 404 404 404 404"),
        # LA overviews: LA staff see their own, system administrators and viewers every one
        ("la/", "/la/", "in  ok  >/la/919/ >/la/919/ >/la/919/ 404 404 404 ok"),
        ("la/<str:code>/", "/la/919/", "in  ok  ok  ok  ok  404 404 404 ok"),
        ("la/<str:code>/", "/la/881/", "in  ok  404 404 404 404 404 404 ok"),
        # Groups: visible when the user sees a member or works for the group's LA
        ("groups/", "/groups/", SIGNED_IN),
        ("groups/new/", "/groups/new/", GROUP_MANAGERS),
        ("groups/<int:pk>/", f"/groups/{g}/", SIGNED_IN),
        ("groups/<int:pk>/", f"/groups/{og}/", "in  ok  404 404 404 404 404 404 ok"),
        ("groups/<int:pk>/rename/", f"/groups/{g}/rename/", GROUP_MANAGERS),
        ("groups/<int:pk>/rename/", f"/groups/{og}/rename/", "in  ok  404 404 404 404 404 404 403"),
        ("groups/<int:pk>/members/add/", f"/groups/{g}/members/add/", SCHOOL_EDITORS),
        (
            "groups/<int:pk>/members/<int:membership_pk>/end/",
            f"/groups/{g}/members/{m}/end/",
            SCHOOL_EDITORS,
        ),
        # Imports: data officers and system administrators only
        ("imports/", "/imports/", IMPORTERS),
        ("imports/upload/", "/imports/upload/", IMPORTERS),
        ("imports/<int:pk>/", f"/imports/{run}/", IMPORTERS),
        # History: LA officers (their LA's objects) and system administrators
        ("history/", "/history/", HISTORY_READERS),
        (
            "history/<str:label>/<str:pk>/",
            f"/history/schools.establishment/{school}/",
            HISTORY_READERS,
        ),
        (
            "history/<str:label>/<str:pk>/",
            f"/history/schools.establishment/{other_la}/",
            "in  ok  404 403 403 403 403 403 403",
        ),
        ("history/<str:label>/<str:pk>/", f"/history/schools.schoolgroup/{g}/", HISTORY_READERS),
        # LA reports: for those who read the LA; targets set by its officers
        (
            "reports/",
            "/reports/",
            "in  ok  >/reports/919/ >/reports/919/ >/reports/919/ 404 404 404 ok",
        ),
        ("reports/<str:code>/", "/reports/919/", LA_READERS),
        ("reports/<str:code>/", "/reports/881/", OTHER_LA),
        ("reports/<str:code>/ofsted/", "/reports/919/ofsted/", LA_READERS),
        ("reports/<str:code>/ofsted/", "/reports/881/ofsted/", OTHER_LA),
        ("reports/<str:code>/ofsted.csv", "/reports/919/ofsted.csv", LA_READERS),
        ("reports/<str:code>/report-cards/", "/reports/919/report-cards/", LA_READERS),
        ("reports/<str:code>/report-cards.csv", "/reports/919/report-cards.csv", LA_READERS),
        ("reports/<str:code>/attainment/", "/reports/919/attainment/", LA_READERS),
        ("reports/<str:code>/attainment.csv", "/reports/919/attainment.csv", LA_READERS),
        ("reports/<str:code>/categories/", "/reports/919/categories/", LA_READERS),
        # The round is proposed, not published: only those who categorise may read it yet.
        ("reports/<str:code>/categories.csv", "/reports/919/categories.csv", UNPUBLISHED_ROUND),
        ("reports/<str:code>/priority-schools/", "/reports/919/priority-schools/", LA_READERS),
        ("reports/<str:code>/priority-schools/", "/reports/881/priority-schools/", OTHER_LA),
        (
            "reports/<str:code>/priority-schools.csv",
            "/reports/919/priority-schools.csv",
            LA_READERS,
        ),
        ("reports/<str:code>/record/", "/reports/919/record/", LA_READERS),
        ("reports/<str:code>/record/", "/reports/881/record/", OTHER_LA),
        ("reports/<str:code>/record.csv", "/reports/919/record.csv", LA_READERS),
        ("reports/<str:code>/targets/", "/reports/919/targets/", LA_READERS),
        ("reports/<str:code>/targets.csv", "/reports/919/targets.csv", LA_READERS),
        ("reports/<str:code>/targets/new/", "/reports/919/targets/new/", TARGET_SETTERS),
        (
            "reports/<str:code>/targets/new/",
            "/reports/881/targets/new/",
            "in  ok  404 404 404 404 404 404 403",
        ),
        (
            "reports/<str:code>/targets/<int:pk>/delete/",
            f"/reports/919/targets/{w.target.pk}/delete/",
            TARGET_SETTERS,
        ),
        (
            "reports/<str:code>/targets/<int:pk>/delete/",
            f"/reports/919/targets/{w.other_target.pk}/delete/",
            "in  404 404 403 403 404 404 404 403",
        ),
        # Categorisation policies: LA officers (their LA's) and system administrators
        ("categorisation/policies/", "/categorisation/policies/", POLICY_EDITORS),
        ("categorisation/policies/new/", "/categorisation/policies/new/", POLICY_EDITORS),
        (
            "categorisation/policies/<int:pk>/",
            f"/categorisation/policies/{policy}/",
            POLICY_EDITORS,
        ),
        (
            "categorisation/policies/<int:pk>/",
            f"/categorisation/policies/{other_policy}/",
            OTHER_LA_POLICY,
        ),
        (
            "categorisation/policies/<int:pk>/compare/",
            f"/categorisation/policies/{policy}/compare/",
            "in  " + f">/categorisation/policies/{policy}/ " * 2 + "403 " * 6,
        ),
        (f"{VERSION_ROUTE}", f"{version}", POLICY_EDITORS),
        (
            f"{VERSION_ROUTE}",
            f"/categorisation/policies/{other_policy}/versions/1/",
            OTHER_LA_POLICY,
        ),
        (f"{VERSION_ROUTE}edit/", f"{version}edit/", POLICY_EDITORS),
        (f"{VERSION_ROUTE}copy/", f"{version}copy/", POLICY_EDITORS),
        (f"{VERSION_ROUTE}activate/", f"{version}activate/", POLICY_EDITORS),
        (f"{VERSION_ROUTE}what-if/", f"{version}what-if/", POLICY_EDITORS),
        # Categorisation rounds: the same people; a school's own category for its head and chair
        ("categorisation/rounds/", "/categorisation/rounds/", POLICY_EDITORS),
        ("categorisation/rounds/<int:pk>/", f"{round_}/", POLICY_EDITORS),
        (
            "categorisation/rounds/<int:pk>/schools/<int:urn>/",
            f"{round_}/schools/117001/",
            POLICY_EDITORS,
        ),
        (
            "categorisation/rounds/<int:pk>/accept/",
            f"{round_}/accept/",
            "in  405 405 405 405 405 405 405 405",
        ),
        ("categorisation/rounds/<int:pk>/board/", f"{round_}/board/", POLICY_EDITORS),
        ("categorisation/rounds/<int:pk>/publish/", f"{round_}/publish/", POLICY_EDITORS),
        (
            "categorisation/schools/<int:urn>/category/",
            "/categorisation/schools/117001/category/",
            POLICY_EDITORS,
        ),
        (
            "categorisation/schools/<int:urn>/category/",
            "/categorisation/schools/881001/category/",
            OTHER_LA_POLICY,
        ),
        (
            "categorisation/my-school/",
            "/categorisation/my-school/",
            "in  404 404 404 404 ok  ok  404 404",
        ),
        # School Performance Profiles of a round not yet published: its LA's officers only
        (
            "profiles/<str:la_code>/<str:round_code>/",
            "/profiles/919/2026-autumn/",
            UNPUBLISHED_ROUND,
        ),
        (
            "profiles/<str:la_code>/<str:round_code>/generate/",
            "/profiles/919/2026-autumn/generate/",
            "in  405 405 405 405 405 405 405 405",
        ),
        (
            "profiles/<str:la_code>/<str:round_code>/downloads/",
            "/profiles/919/2026-autumn/downloads/",
            UNPUBLISHED_ROUND,
        ),
        (
            "profiles/<str:la_code>/<str:round_code>/<int:urn>/",
            "/profiles/919/2026-autumn/117001/",
            BOARD_AND_OFFICERS,
        ),
        (
            "profiles/<str:la_code>/<str:round_code>/<int:urn>/pdf/",
            "/profiles/919/2026-autumn/117001/pdf/",
            BOARD_AND_OFFICERS,
        ),
        ("profiles/batches/<int:pk>/", f"/profiles/batches/{batch.pk}/", UNPUBLISHED_ROUND),
        # The JSON API, here with the browser session (tokens carry the same scope)
        ("api/v1/openapi.json", "/api/v1/openapi.json", API_SIGNED_IN),
        ("api/v1/", "/api/v1/", "404 404 404 404 404 404 404 404 404"),
        ("api/v1/schools", "/api/v1/schools", API_SIGNED_IN),
        ("api/v1/schools/<int:urn>", "/api/v1/schools/117001", API_SIGNED_IN),
        (
            "api/v1/schools/<int:urn>",
            "/api/v1/schools/117002",
            "401 ok  ok  ok  ok  404 404 404 ok",
        ),
        (
            "api/v1/schools/<int:urn>",
            "/api/v1/schools/881001",
            "401 ok  404 404 404 404 404 404 ok",
        ),
        (
            "api/v1/schools/<int:urn>/inspections",
            "/api/v1/schools/117001/inspections",
            API_SIGNED_IN,
        ),
        (
            "api/v1/schools/<int:urn>/inspections",
            "/api/v1/schools/881001/inspections",
            "401 ok  404 404 404 404 404 404 ok",
        ),
        (
            "api/v1/schools/<int:urn>/performance",
            "/api/v1/schools/117001/performance",
            API_SIGNED_IN,
        ),
        (
            "api/v1/schools/<int:urn>/performance",
            "/api/v1/schools/881001/performance",
            "401 ok  404 404 404 404 404 404 ok",
        ),
        ("api/v1/inspections", "/api/v1/inspections", API_SIGNED_IN),
        (
            "api/v1/schools/<int:urn>/category",
            "/api/v1/schools/117001/category",
            "401 ok  ok  403 403 403 403 403 403",
        ),
        (
            "api/v1/schools/<int:urn>/category",
            "/api/v1/schools/881001/category",
            "401 ok  404 403 403 403 403 403 403",
        ),
        ("api/v1/reports/<code>/attainment", "/api/v1/reports/919/attainment", API_LA_READERS),
        (
            "api/v1/reports/<code>/ofsted-summary",
            "/api/v1/reports/919/ofsted-summary",
            API_LA_READERS,
        ),
        (
            "api/v1/reports/<code>/ofsted-summary",
            "/api/v1/reports/881/ofsted-summary",
            API_OTHER_LA,
        ),
        (
            "api/v1/reports/<code>/report-card-areas",
            "/api/v1/reports/919/report-card-areas",
            API_LA_READERS,
        ),
        ("api/v1/reports/<code>/targets", "/api/v1/reports/919/targets", API_LA_READERS),
        # Without its LA (the table resolves addresses without a query string): refused as
        # invalid; who reads which LA's record is in tests/reports/test_la_record.py.
        (
            "api/v1/reports/la-record",
            "/api/v1/reports/la-record",
            "401 422 422 422 422 422 422 422 422",
        ),
        (
            "api/v1/reports/<code>/categories",
            "/api/v1/reports/919/categories",
            "401 ok  ok  404 404 404 404 404 404",
        ),
        (
            "api/v1/reports/<code>/priority-schools",
            "/api/v1/reports/919/priority-schools",
            API_LA_READERS,
        ),
        ("api/v1/import-runs", "/api/v1/import-runs", API_IMPORTERS),
        ("api/v1/import-runs/<int:run_id>", f"/api/v1/import-runs/{run}", API_IMPORTERS),
        ("api/v1/(?P<path>.*)$", "/api/v1/no-such-thing", "404 404 404 404 404 404 404 404 404"),
        ("api/docs", "/api/docs", SIGNED_IN),
        ("api/docs/", "/api/docs/", " ".join([">/api/docs"] * 9)),
        # Django's admin
        ("admin/", "/admin/", ADMIN_PAGE),
        ("admin/login/", "/admin/login/", "ok  >/admin/ ok  ok  ok  ok  ok  ok  ok"),
        ("admin/logout/", "/admin/logout/", ">/admin/ 405 " + ">/admin/ " * 7),
        ("admin/password_change/", "/admin/password_change/", ADMIN_PAGE),
        ("admin/password_change/done/", "/admin/password_change/done/", ADMIN_PAGE),
        ("admin/autocomplete/", "/admin/autocomplete/", "adm 403 adm adm adm adm adm adm adm"),
        ("admin/jsi18n/", "/admin/jsi18n/", ADMIN_PAGE),
        (
            "admin/r/<path:content_type_id>/<path:object_id>/",
            "/admin/r/1/1/",
            "adm 404 adm adm adm adm adm adm adm",
        ),
        ("admin/(?P<app_label>auth|axes)/$", "/admin/auth/", "adm 404 adm adm adm adm adm adm adm"),
        ("admin/(?P<url>.*)$", "/admin/no-such-page/", "adm 404 adm adm adm adm adm adm adm"),
        ("admin/auth/user/<id>/password/", f"/admin/auth/user/{user}/password/", ADMIN_MODEL_PAGE),
        *(row for label, pk in w.admin_objects.items() for row in _admin_model_rows(label, pk)),
        *(row for area in AREA_TABLES for row in area.rows(w)),
    ]


def _admin_model_rows(label: str, pk: int) -> list[tuple[str, str, str]]:
    base = f"admin/{label.replace('.', '/')}/"
    return [
        (base, f"/{base}", ADMIN_MODEL_PAGE),
        (f"{base}add/", f"/{base}add/", ADMIN_MODEL_PAGE),
        (f"{base}<path:object_id>/history/", f"/{base}{pk}/history/", ADMIN_MODEL_PAGE),
        (f"{base}<path:object_id>/delete/", f"/{base}{pk}/delete/", ADMIN_MODEL_PAGE),
        (f"{base}<path:object_id>/change/", f"/{base}{pk}/change/", ADMIN_MODEL_PAGE),
        (
            f"{base}<path:object_id>/",
            f"/{base}{pk}/",
            "adm " + f">/{base}{pk}/change/ " + "adm " * 7,
        ),
    ]


def project_routes(patterns=None, prefix: str = "") -> set[str]:
    """Every URL pattern's route, joined as Django's ResolverMatch.route joins them."""
    routes = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = _join(prefix, str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            routes |= project_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            routes.add(route)
    return routes


def _join(route1: str, route2: str) -> str:
    return route2 if not route1 else route1 + route2.removeprefix("^")


def _answer(response, url: str) -> str:
    """The response in the table's terms."""
    if response.status_code == 200:
        return "ok"
    if response.status_code == 302:
        location = response["Location"]
        if location == f"/accounts/sign-in/?next={url}":
            return "in"
        if location.startswith("/admin/login/?next="):
            return "adm"
        return f">{location}"
    return str(response.status_code)


@pytest.mark.django_db
def test_every_url_with_every_role_answers_as_the_table_says():
    world = build_world()
    table = expected_table(world)

    uncovered = project_routes() - {route for route, _, _ in table}
    assert not uncovered, f"URL patterns missing from the permission table: {sorted(uncovered)}"
    misrouted = [(route, url) for route, url, _ in table if resolve(url).route != route]
    assert not misrouted, f"table addresses that do not reach their pattern: {misrouted}"

    clients = {"anonymous": Client()}
    for username in ROLES[1:]:
        clients[username] = Client()
        clients[username].force_login(get_user_model().objects.get(username=username))

    wrong = []
    for _, url, expected in table:
        cells = expected.split()
        assert len(cells) == len(ROLES), f"{url}: {len(cells)} cells for {len(ROLES)} roles"
        for role, want in zip(ROLES, cells, strict=True):
            got = _answer(clients[role].get(url), url)
            if got != want:
                wrong.append(f"{role:<13} GET {url}: expected {want}, got {got}")
    assert not wrong, "\n".join(["answers that differ from the table:", *wrong])
