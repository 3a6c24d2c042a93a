"""The home page per role: what each dashboard shows, each figure a link to the list behind
it, in a bounded number of queries."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.web.test_permission_matrix import AREA_TABLES, build_world
from uplift.casework.models import ConcernCase, Stage
from uplift.categorisation.models import Round
from uplift.demo.personas import PERSONAS

MOST_QUERIES = 40  # whatever the number of schools, cases, visits or plans


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def world(db):
    world = build_world()
    for table in AREA_TABLES:
        table.rows(world)
    return world


def client_for(username) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.mark.parametrize("username", [persona.username for persona in PERSONAS])
def test_every_persona_has_a_home_page_in_bounded_queries(
    world, username, django_assert_max_num_queries
):
    client = client_for(username)
    client.get("/")  # warm the session
    with django_assert_max_num_queries(MOST_QUERIES):
        response = client.get("/")
    assert response.status_code == 200
    body = text(response)
    assert "What you can do here" in body
    assert "None" not in re.sub(r"<[^>]+>", " ", body)


def test_the_officer_s_home_page_answers_which_schools_need_them_this_week(world):
    body = text(client_for("la.officer").get("/"))
    assert "Which schools need you this week" in body
    autumn = Round.objects.get(code="2026-autumn")
    assert f'href="/categorisation/rounds/{autumn.pk}/?decision=undecided"' in body
    stages = set(
        ConcernCase.objects.exclude(stage=Stage.CLOSED)
        .filter(establishment__la__code="919")
        .values_list("stage", flat=True)
    )
    assert stages
    for stage in stages:
        assert f'href="/casework/cases/?stage={stage}"' in body
    for heading in ("Schools by category", "The current round", "Open concern cases"):
        assert heading in body
    assert "Overdue actions" in body and "Inspections published recently" in body


def test_the_officer_s_home_page_does_not_grow_in_queries_with_more_cases(
    world, django_assert_max_num_queries
):
    client = client_for("la.officer")
    client.get("/")
    with django_assert_max_num_queries(MOST_QUERIES) as before:
        client.get("/")
    case = ConcernCase.objects.filter(establishment__la__code="919").first()
    for number in range(5):
        school = world.same_la
        school.pk, school.urn, school.laestab = None, 117100 + number, f"919{7100 + number}"
        school.save()
        case.pk, case.establishment = None, school
        case.save()
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get("/")


def test_the_adviser_sees_their_schools_visits_and_notes(world):
    body = text(client_for("adviser").get("/"))
    assert "Your schools" in body and world.in_scope.name in body
    assert f'href="/support/schools/{world.in_scope.urn}/visits/"' in body
    assert "Your visits this half term" in body and "Notes waiting for you" in body


@pytest.mark.parametrize("username", ["headteacher", "chair"])
def test_the_head_and_chair_see_their_school(world, username):
    body = text(client_for(username).get("/"))
    for heading in ("Our category", "Letters", "Visits and notes", "Our plan's next milestones"):
        assert heading in body
    assert 'href="/categorisation/my-school/"' in body or "has not published a category" in body
    assert 'href="/casework/my-school/letters/"' in body
    assert world.same_la.name not in body  # another school is not theirs


def test_the_other_roles_are_told_what_each_area_is_for(world):
    board = text(client_for("board.member").get("/"))
    assert f'href="/groups/{world.group.pk}/"' in board
    data = text(client_for("data.officer").get("/"))
    assert 'href="/imports/upload/"' in data
    viewer = text(client_for("dfe.viewer").get("/"))
    assert "every local authority" in viewer


def test_the_navigation_marks_the_area_and_the_breadcrumb_starts_at_home(world):
    body = text(client_for("la.officer").get(f"/schools/{world.in_scope.urn}/"))
    assert '<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">' in body
    assert 'href="/schools/" aria-current="true"' in body
    assert f'href="/categorisation/schools/{world.in_scope.urn}/category/"' in body
    head = text(client_for("headteacher").get("/"))
    assert 'href="/our-school/visits/"' in head and 'href="/categorisation/rounds/"' not in head
