"""The visit pages' rows of the permission matrix, checked on their own (the whole matrix,
tests/web/test_permission_matrix.py, checks them with every other area's)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import resolve

from tests.web import matrix_partnerships, matrix_visits
from tests.web.test_permission_matrix import ROLES, _answer, build_world, project_routes


@pytest.mark.django_db
def test_the_visit_rows_answer_as_the_table_says():
    world = build_world()
    matrix_partnerships.rows(world)  # the board member reads a Luton school's support
    table = matrix_visits.rows(world) + matrix_visits.query_rows(world)
    ours = {
        route
        for route in project_routes()
        if route.startswith(("support/schools/<int:urn>/visits", "support/visits", "support/note-"))
        or route.startswith(("api/v1/visits", "api/v1/schools/<int:urn>/visits"))
        or route == "api/v1/schools/<int:urn>/entitlement"
    }
    assert ours - {route for route, _, _ in table} == set()
    misrouted = [
        (route, url) for route, url, _ in table if resolve(url.split("?")[0]).route != route
    ]
    assert not misrouted
    clients = {"anonymous": Client()}
    for username in ROLES[1:]:
        clients[username] = Client()
        clients[username].force_login(get_user_model().objects.get(username=username))
    wrong = []
    for _, url, expected in table:
        cells = expected.split()
        assert len(cells) == len(ROLES), url
        for role, want in zip(ROLES, cells, strict=True):
            got = _answer(clients[role].get(url), url)
            if got != want:
                wrong.append(f"{role:<13} GET {url}: expected {want}, got {got}")
    assert not wrong, "\n".join(wrong)
