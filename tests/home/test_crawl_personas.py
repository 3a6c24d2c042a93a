"""Each demo persona starts from the home page and follows links only: it reaches every area
of its role, and no link answers 500 or 403. The world is the permission matrix's (an LA, a
partnership, a round, cases, letters, meetings, visits, plans), built through the services."""

import re
from collections import deque

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from tests.web.test_permission_matrix import AREA_TABLES, build_world
from uplift.demo.personas import PERSONAS

HREF = re.compile(r'href="(/[^"#]*)')
SKIP = re.compile(r"^/(accounts/sign-out|admin/|api/v1/|static/)|\.csv$|/pdf/$")
PER_ROUTE = 1  # distinct addresses followed for each URL pattern
MOST_PAGES = 400
pytestmark = pytest.mark.once  # slow; scripts/test.sh runs it on PostgreSQL only

# The areas each role reaches by links from its home page, as view names.
EVERYONE = {"home", "schools:list", "schools:detail", "api-docs", "groups:list"}
OFFICER = EVERYONE | {
    "la:detail",
    "categorisation:rounds",
    "categorisation:round",
    "categorisation:policies",
    "categorisation:recategorise",
    "categorisation:judgements",
    "profiles:round",
    "casework:case_list",
    "casework:case_detail",
    "casework:calendar_la",
    "casework:letter_templates",
    "home:support",
    "support:school_visits",
    "support:school_plans",
    "workload:my_work",
    "workload:school_timeline",
    "reports:la",
    "reports:la_record",
    "audit:recent",
    "earlywarning:flags",
    "earlywarning:review",
    "earlywarning:forecast",
    "governors:list",
    "governors:detail",
}
HEAD = EVERYONE | {
    "governors:list",
    "governors:detail",
    "categorisation:my_school",
    "casework:my_school_letters",
    "support:school_visits",
    "support:school_plans",
    "workload:my_work",
}
EXPECTED = {
    "admin": OFFICER | {"imports:list", "imports:upload", "feedback:index"},
    "la.officer": OFFICER | {"feedback:index"},
    "data.officer": EVERYONE
    | {"la:detail", "reports:la", "imports:list", "imports:upload", "governors:list"},
    "adviser": EVERYONE
    | {
        "la:detail",
        "casework:case_list",
        "home:support",
        "support:school_visits",
        "support:school_plans",
        "workload:my_work",
        "reports:la",
        "governors:list",
    },
    "headteacher": HEAD | {"feedback:index", "feedback:survey"},
    "chair": HEAD,
    "board.member": EVERYONE | {"groups:detail"},
    "la.admin": EVERYONE | {"people:list"},
    "dfe.viewer": EVERYONE | {"la:detail", "reports:la", "governors:list"},
}


def crawl(client) -> tuple[set[str], list[tuple[str, int, str]], list[str]]:
    """Follow links from "/" breadth first. Returns the view names reached (200), the
    links that answered 403 or 500 (each with the page that linked to it) and the pages
    without a breadcrumb."""
    seen_routes: dict[str, int] = {}
    reached, bad, no_breadcrumb = set(), [], []
    queue, queued = deque([("/", "")]), {"/"}
    pages = 0
    while queue and pages < MOST_PAGES:
        url, came_from = queue.popleft()
        path = url.split("?", 1)[0]
        try:
            match = resolve(path)
        except Resolver404:
            continue
        route = match.route
        if seen_routes.get(route, 0) >= PER_ROUTE:
            continue
        seen_routes[route] = seen_routes.get(route, 0) + 1
        response = client.get(url, follow=True)
        pages += 1
        if response.status_code in (403, 500):
            bad.append((url, response.status_code, came_from))
            continue
        if response.status_code != 200:
            continue
        final = response.request["PATH_INFO"]
        reached.add(resolve(final).view_name)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        if final not in ("/", "/api/docs") and 'class="govuk-breadcrumbs"' not in html:
            no_breadcrumb.append(final)
        for href in HREF.findall(html):
            href = href.replace("&amp;", "&")
            if SKIP.search(href.split("?", 1)[0]) or href in queued:
                continue
            queued.add(href)
            queue.append((href, url))
    return reached, bad, no_breadcrumb


@pytest.fixture
def world(db):
    world = build_world()
    for table in AREA_TABLES:
        table.rows(world)
    return world


@pytest.mark.parametrize("username", [persona.username for persona in PERSONAS])
def test_each_persona_reaches_every_area_of_its_role_by_links_from_home(world, username):
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    reached, bad, no_breadcrumb = crawl(client)
    assert bad == []
    assert no_breadcrumb == []
    assert EXPECTED[username] - reached == set()
