"""This area's rows of the permission matrix, on their own (the whole matrix also walks
them): each address reaches its pattern and answers each role as the table says."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import resolve

from tests.web import matrix_work
from tests.web.test_permission_matrix import ROLES, _answer, build_world


@pytest.mark.django_db
def test_my_work_and_timeline_rows():
    world = build_world()
    table = matrix_work.rows(world)
    clients = {"anonymous": Client()}
    for username in ROLES[1:]:
        clients[username] = Client()
        clients[username].force_login(get_user_model().objects.get(username=username))
    wrong = []
    for route, url, expected in table:
        assert resolve(url).route == route, url
        for role, want in zip(ROLES, expected.split(), strict=True):
            got = _answer(clients[role].get(url), url)
            if got != want:
                wrong.append(f"{role:<13} GET {url}: expected {want}, got {got}")
    assert not wrong, "\n".join(wrong)
