"""A school's visit entitlement in an academic year, from its current category."""

import copy
from datetime import date, timedelta

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from tests.support.visits_world import PAST, vw_fixture  # noqa: F401
from uplift.audit.models import Via
from uplift.categorisation.models import PolicyVersion
from uplift.schools.models import Establishment
from uplift.support.models import Visit
from uplift.support.visits import services
from uplift.support.visits.entitlement import (
    academic_year_bounds,
    academic_year_of,
    entitlement,
    entitlements,
    parse_academic_year,
)


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2026, 9, 1), "2026-27"),
        (date(2026, 8, 31), "2025-26"),
        (date(2027, 7, 20), "2026-27"),
        (date(1999, 9, 1), "1999-00"),
        (date(2099, 12, 31), "2099-00"),
    ],
)
def test_academic_year_of(day, year):
    assert academic_year_of(day) == year


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2199, 12, 31)))
def test_a_day_lies_within_its_academic_year(day):
    first, last = academic_year_bounds(academic_year_of(day))
    assert first <= day <= last
    assert academic_year_of(first - timedelta(days=1)) != academic_year_of(day)


@pytest.mark.parametrize("text", ["2026", "2026-28", "26-27", "2026/27", "", "abcd-ef"])
def test_parse_academic_year_refuses_what_is_not_one(text):
    with pytest.raises(ValueError, match="is not an academic year such as 2026-27"):
        parse_academic_year(text)


def test_no_category_no_number(vw):
    found = entitlement(establishment=vw.school, academic_year="2026-27")
    assert found.category_code == "" and found.visits_per_year is None
    assert found.remaining is None and found.over == 0


def test_the_category_sets_the_number_and_the_offer(vw):
    vw.categorise(vw.school, "4")
    found = entitlement(establishment=vw.school, academic_year="2026-27")
    assert found.category_code == "4"
    assert found.category_label == "Category 4 (Inadequate)"
    assert found.visits_per_year == 9 and found.remaining == 9
    assert "Nine School Improvement Adviser focus visits a year" in found.support_offer


def test_the_current_category_stands(vw):
    vw.categorise(vw.school, "4", when=timezone.now() - timedelta(days=30))
    vw.categorise(vw.school, "2")
    assert entitlement(establishment=vw.school, academic_year="2026-27").visits_per_year == 1


def test_a_policy_without_a_number_gives_none(vw):
    definition = copy.deepcopy(vw.policy.definition)  # the preset may be cached
    for category in definition["categories"]:
        category.pop("visits_per_year")
    vw.policy = PolicyVersion.objects.create(
        policy=vw.policy.policy,
        number=2,
        status=vw.policy.status,
        definition=definition,
        change_note="no visits",
        created_at=timezone.now(),
    )
    vw.categorise(vw.school, "4")
    found = entitlement(establishment=vw.school, academic_year="2026-27")
    assert found.category_code == "4" and found.visits_per_year is None
    assert found.remaining is None


def test_used_and_planned_count_only_their_year_and_school(vw):
    vw.categorise(vw.school, "3a")  # 3 a year
    vw.through(vw.visit(), "finalise")
    vw.through(vw.visit(), "share")
    services.cancel_visit(actor=vw["adviser"], via=Via.WEB, visit=vw.visit(), reason="Ill")
    vw.visit(day=date(2026, 8, 31))  # the year before
    vw.visit(school=vw.same_la)
    found = entitlement(establishment=vw.school, academic_year="2026-27")
    assert (found.visits_used, found.visits_planned, found.remaining) == (1, 1, 1)
    earlier = entitlement(establishment=vw.school, academic_year="2025-26")
    assert (earlier.visits_used, earlier.visits_planned, earlier.remaining) == (0, 1, 2)


def test_beyond_the_entitlement(vw):
    vw.categorise(vw.school, "1")  # 1 a year
    vw.through(vw.visit(), "finalise")
    vw.visit()
    found = entitlement(establishment=vw.school, academic_year="2026-27")
    assert found.remaining == 0 and found.over == 1


def _more_schools(vw, count):
    schools = [
        Establishment.objects.create(urn=118000 + n, la=vw.herts, name=f"S{n}", status="Open")
        for n in range(count)
    ]
    for school in schools:
        vw.categorise(school, "3b")
        Visit.objects.create(
            establishment=school,
            adviser=vw["adviser"],
            scheduled_for=PAST,
            academic_year="2026-27",
            purpose="Visit",
            recorded_at=timezone.now(),
        )
    return schools


def test_entitlements_of_one_school_take_bounded_queries(vw, django_assert_max_num_queries):
    (school,) = _more_schools(vw, 1)
    with django_assert_max_num_queries(4):
        found = entitlements(establishment_ids=[school.pk], academic_year="2026-27")
    assert found[school.pk].visits_planned == 1 and found[school.pk].remaining == 5


def test_entitlements_of_many_schools_take_the_same_queries(vw, django_assert_max_num_queries):
    schools = _more_schools(vw, 12)
    ids = [school.pk for school in schools] + [vw.other_la.pk]
    with django_assert_max_num_queries(4):
        found = entitlements(establishment_ids=ids, academic_year="2026-27")
    assert all(found[s.pk].visits_planned == 1 for s in schools)
    assert found[vw.other_la.pk].visits_per_year is None
