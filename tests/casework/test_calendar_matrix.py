"""The calendar's permission-matrix rows on their own (the full matrix also walks them), so
that they can be checked while other areas are being built."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import resolve

from tests.web import matrix_calendar
from tests.web.test_permission_matrix import ROLES, _answer, build_world


@pytest.mark.django_db
def test_calendar_rows_answer_as_the_table_says():
    rows = matrix_calendar.rows(build_world())
    assert [(route, url) for route, url, _ in rows if resolve(url).route != route] == []
    clients = {"anonymous": Client()}
    for username in ROLES[1:]:
        clients[username] = Client()
        clients[username].force_login(get_user_model().objects.get(username=username))
    wrong = [
        f"{role} GET {url}: expected {want}, got {got}"
        for _, url, expected in rows
        for role, want in zip(ROLES, expected.split(), strict=True)
        if (got := _answer(clients[role].get(url), url)) != want
    ]
    assert not wrong, "\n".join(wrong)
