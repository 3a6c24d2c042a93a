"""What the LA's operating model lets a consortium's members see beyond categories and
profiles: their schools' support (visits, plans) and, only when granted, their cases; never
another school's, never once their seat has ended, and never to change."""

from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from uplift.audit.models import Via
from uplift.casework.access import can_run_casework, visible_cases
from uplift.casework.models import ConcernCase
from uplift.partnerships.operating import choose_operating_model
from uplift.support.access import can_read_note, reads_school_support, visible_visits
from uplift.support.models import Visit


def _case(school):
    today = timezone.localdate()
    return ConcernCase.objects.create(
        establishment=school,
        opened_on=today,
        opened_by="officer",
        opening_reason="Sight test",
        stage="concern_raised",
        stage_changed_on=today,
        recorded_at=timezone.now(),
    )


def _visit(school, adviser):
    return Visit.objects.create(
        establishment=school,
        adviser=adviser,
        scheduled_for=date(2026, 10, 5),
        academic_year="2026-27",
        purpose="Termly visit",
        recorded_at=timezone.now(),
    )


@pytest.fixture
def records(pw):
    ours, outside = pw.schools[0], pw.schools[3]
    return {
        "our_case": _case(ours),
        "outside_case": _case(outside),
        "essex_case": _case(pw.essex_school),
        "our_visit": _visit(ours, pw["adviser"]),
        "outside_visit": _visit(outside, pw["adviser"]),
    }


def _choose(pw, preset):
    choose_operating_model(
        actor=pw["officer"],
        via=Via.WEB,
        la=pw.herts,
        preset=preset,
        lead_partnership=pw.partnership,
        reason="test",
    )


def _seen(queryset):
    return set(queryset.values_list("pk", flat=True))


def test_without_an_operating_model_members_see_no_support_or_cases(pw, records):
    member = pw["head_a"]
    assert not reads_school_support(member)
    assert _seen(visible_visits(member)) == set()
    assert _seen(visible_cases(member)) == set()


def test_la_provides_shows_no_support_or_cases(pw, records):
    _choose(pw, "la_provides")
    assert _seen(visible_visits(pw["head_a"])) == set()
    assert _seen(visible_cases(pw["head_a"])) == set()


def test_support_sight_shows_their_schools_visits_but_not_cases(pw, records):
    _choose(pw, "la_commissions")
    member = pw["head_a"]
    assert reads_school_support(member)
    assert _seen(visible_visits(member)) == {records["our_visit"].pk}
    assert not can_read_note(member, records["our_visit"])
    assert _seen(visible_cases(member)) == set()


def test_case_sight_shows_only_their_schools_cases(pw, records):
    _choose(pw, "partnership_commissions")
    member = pw["head_a"]
    assert _seen(visible_cases(member)) == {records["our_case"].pk}
    assert _seen(visible_visits(member)) == {records["our_visit"].pk}
    assert not can_run_casework(member, records["our_case"].establishment)


@pytest.mark.parametrize("who", ["former", "outsider"])
def test_no_current_seat_no_sight(pw, records, who):
    _choose(pw, "partnership_commissions")
    assert _seen(visible_cases(pw[who])) == set()
    assert _seen(visible_visits(pw[who])) == set()


def test_case_page_answers_only_when_granted(pw, records):
    client = Client()
    client.force_login(pw["head_a"])
    ours = f"/casework/cases/{records['our_case'].pk}/"
    assert client.get(ours).status_code == 404
    _choose(pw, "partnership_commissions")
    assert client.get(ours).status_code == 200
    for other in ("outside_case", "essex_case"):
        assert client.get(f"/casework/cases/{records[other].pk}/").status_code == 404
