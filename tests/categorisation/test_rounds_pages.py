"""The round pages, walked as an officer would: propose a round, review each school (one
overridden with a reason), the board agrees, publish; then the headteacher sees the category
and the reason. Scope, stale saves and illegal steps are refused with a message."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from uplift.accounts.models import Profile, Role
from uplift.audit.models import Via
from uplift.categorisation import services
from uplift.categorisation.models import (
    CategoryChange,
    Round,
    RoundStatus,
    SchoolCategorisation,
)


@pytest.fixture
def schools(herts, make_school, inspect):
    good = make_school(1, herts, name="Abbey Primary")
    inspect(good, date(2021, 1, 1), grade=2)
    weak = make_school(2, herts, name="Brook Primary")
    inspect(weak, date(2023, 1, 1), grade=4, concern="special_measures")
    return {"good": good, "weak": weak}


@pytest.fixture
def headteacher(schools):
    user = get_user_model().objects.create_user(username="head")
    Profile.objects.create(user=user, role=Role.HEADTEACHER, establishment=schools["good"])
    return user


@pytest.fixture
def round_(herts, schools, active_policy):
    return services.propose_round(
        actor=None,
        via=Via.CLI,
        la=herts,
        code="2026-autumn",
        policy_version=active_policy,
        reason="autumn round",
    ).round


def signed_in(client, user):
    client.force_login(user)
    return client


def review_url(round_, school):
    return f"/categorisation/rounds/{round_.pk}/schools/{school.urn}/"


def version_of(school) -> int:
    return SchoolCategorisation.objects.get(establishment=school).version


def page(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_done_when_an_officer_runs_the_round_and_the_headteacher_sees_why(
    client, users, schools, active_policy, headteacher
):
    officer = signed_in(client, users["officer"])
    response = officer.post(
        "/categorisation/rounds/",
        {"code": "2026-autumn", "policy_version": active_policy.pk, "reason": "Autumn round"},
    )
    round_ = Round.objects.get(code="2026-autumn")
    assert response.status_code == 302 and response["Location"].endswith(f"/{round_.pk}/")
    listing = page(officer.get(f"/categorisation/rounds/{round_.pk}/"))
    assert "Abbey Primary" in listing and "Not yet decided" in listing
    assert "special measures" in listing.lower() and "source:" in listing

    response = officer.post(
        review_url(round_, schools["good"]),
        {
            "version": version_of(schools["good"]),
            "decision": "overridden",
            "category": "3a",
            "reason": "Reading results fell two years running",
            "evidence": "KS2 reading 2024 and 2025; visit note of 12 September",
        },
    )
    assert response.status_code == 302
    officer.post(
        review_url(round_, schools["weak"]),
        {"version": version_of(schools["weak"]), "decision": "accepted"},
    )
    round_.refresh_from_db()
    assert round_.status == RoundStatus.REVIEWED
    response = officer.post(
        f"/categorisation/rounds/{round_.pk}/board/",
        {
            "version": round_.version,
            "held_on": "2026-10-01",
            "members_present": "Director of education; two officers",
            "minutes": "All categories agreed",
            "outcome": "agreed",
        },
    )
    assert response.status_code == 302
    round_.refresh_from_db()
    response = officer.post(
        f"/categorisation/rounds/{round_.pk}/publish/",
        {"version": round_.version, "reason": "Board agreed on 1 October"},
    )
    assert response.status_code == 302
    round_.refresh_from_db()
    assert round_.status == RoundStatus.PUBLISHED

    client.logout()
    head = signed_in(client, headteacher)
    mine = page(head.get("/categorisation/my-school/"))
    assert "Category 3a" in mine and "Reading results fell two years running" in mine
    assert "Round 2026-autumn" in mine
    assert head.get(f"/categorisation/schools/{schools['good'].urn}/category/").status_code == 403


@pytest.mark.parametrize(
    ("who", "status"),
    [("officer", 200), ("admin", 200), ("essex_officer", 404), ("adviser", 403), ("nobody", 403)],
)
def test_who_may_open_a_round(client, users, round_, who, status):
    response = signed_in(client, users[who]).get(f"/categorisation/rounds/{round_.pk}/")
    assert response.status_code == status


def test_a_headteacher_cannot_review(client, round_, schools, headteacher):
    head = signed_in(client, headteacher)
    assert head.get(review_url(round_, schools["good"])).status_code == 403
    response = head.post(
        review_url(round_, schools["good"]),
        {"version": version_of(schools["good"]), "decision": "accepted"},
    )
    assert response.status_code == 403
    assert SchoolCategorisation.objects.get(establishment=schools["good"]).decision == ""


def test_another_la_s_officer_cannot_review_or_recategorise(client, users, round_, schools):
    other = signed_in(client, users["essex_officer"])
    assert other.get(review_url(round_, schools["good"])).status_code == 404
    assert other.get(f"/categorisation/schools/{schools['good'].urn}/category/").status_code == 404


def test_a_stale_save_is_refused_showing_the_current_state(client, users, round_, schools):
    users["admin"].first_name, users["admin"].last_name = "Ada", "Admin"
    users["admin"].save()
    seen = version_of(schools["good"])
    signed_in(client, users["admin"]).post(
        review_url(round_, schools["good"]),
        {
            "version": seen,
            "decision": "overridden",
            "category": "4",
            "reason": "Admin saw it first",
            "evidence": "Complaint file",
        },
    )
    response = signed_in(client, users["officer"]).post(
        review_url(round_, schools["good"]),
        {"version": seen, "decision": "accepted"},
    )
    text = page(response)
    assert response.status_code == 200
    assert "Another officer changed this school&#x27;s decision" in text
    assert "Admin saw it first" in text and "by Ada Admin" in text
    row = SchoolCategorisation.objects.get(establishment=schools["good"])
    assert (row.final_category, row.override_reason) == ("4", "Admin saw it first")
    assert f'name="version" value="{row.version}"' in text


def test_the_board_is_refused_while_schools_are_undecided(client, users, round_):
    response = signed_in(client, users["officer"]).post(
        f"/categorisation/rounds/{round_.pk}/board/",
        {
            "version": round_.version,
            "held_on": "2026-10-01",
            "members_present": "Chair",
            "minutes": "Met",
            "outcome": "agreed",
        },
    )
    assert response.status_code == 200
    assert "only once every school is decided: 2 schools are not yet decided" in page(response)
    round_.refresh_from_db()
    assert round_.status == RoundStatus.PROPOSED and not round_.board_meetings.exists()


def test_publishing_before_the_board_agrees_is_refused(client, users, round_):
    response = signed_in(client, users["officer"]).post(
        f"/categorisation/rounds/{round_.pk}/publish/",
        {"version": round_.version, "reason": "too soon"},
    )
    assert "published only after the board has agreed it" in page(response)
    round_.refresh_from_db()
    assert round_.status == RoundStatus.PROPOSED


def test_the_round_page_filters_by_category_and_undecided(client, users, round_, schools):
    officer = signed_in(client, users["officer"])
    officer.post(
        review_url(round_, schools["weak"]),
        {"version": version_of(schools["weak"]), "decision": "accepted"},
    )
    only_4 = page(officer.get(f"/categorisation/rounds/{round_.pk}/?category=4"))
    assert "Brook Primary" in only_4 and "Abbey Primary" not in only_4
    undecided = page(officer.get(f"/categorisation/rounds/{round_.pk}/?state=undecided"))
    assert "Abbey Primary" in undecided and "Brook Primary" not in undecided


def test_the_round_page_reads_in_the_same_queries_for_more_schools(
    client, users, herts, make_school, round_, active_policy, django_assert_max_num_queries
):
    officer = signed_in(client, users["officer"])
    officer.get(f"/categorisation/rounds/{round_.pk}/")  # warm the session
    with django_assert_max_num_queries(18):  # roles, judgements, boards
        assert officer.get(f"/categorisation/rounds/{round_.pk}/").status_code == 200
    for urn in range(10, 30):
        make_school(urn, herts)
    services.propose_round(
        actor=None,
        via=Via.CLI,
        la=herts,
        code="2026-autumn",
        policy_version=active_policy,
        reason="refresh",
    )
    with django_assert_max_num_queries(18):  # roles, judgements, boards
        response = officer.get(f"/categorisation/rounds/{round_.pk}/")
    assert "22 schools, showing 1 to 22" in page(response)


def test_a_mid_year_change_shows_in_the_school_s_history(client, users, round_, schools):
    officer = signed_in(client, users["officer"])
    url = f"/categorisation/schools/{schools['good'].urn}/category/"
    assert "no published round yet" in page(officer.get(url))
    for school in schools.values():
        officer.post(
            review_url(round_, school), {"version": version_of(school), "decision": "accepted"}
        )
    round_.refresh_from_db()
    officer.post(
        f"/categorisation/rounds/{round_.pk}/board/",
        {
            "version": round_.version,
            "held_on": "2026-10-01",
            "members_present": "Chair",
            "minutes": "Agreed",
            "outcome": "agreed",
        },
    )
    round_.refresh_from_db()
    officer.post(
        f"/categorisation/rounds/{round_.pk}/publish/", {"version": round_.version, "reason": "ok"}
    )
    seen = officer.get(url).context["form"]["version"].value()
    refused = page(
        officer.post(
            url, {"category": "4", "reason": "Safeguarding", "evidence": "", "version": seen}
        )
    )
    assert "Enter the new evidence" in refused
    answer = {"category": "4", "reason": "Safeguarding", "evidence": "Letter of 3 February"}
    response = officer.post(url, {**answer, "version": seen})
    assert response.status_code == 302
    text = page(officer.get(url))
    assert "Category history" in text and "Re-categorised between rounds" in text
    assert "Letter of 3 February" in text and "Round 2026-autumn" in text
    # a second officer's page, opened before the change, is told and saves nothing
    stale = officer.post(url, {**answer, "category": "2", "version": seen})
    assert stale.status_code == 200
    assert "Someone changed the category of" in page(stale)
    assert stale.context["form"]["version"].value() == str(int(seen) + 1)
    assert CategoryChange.objects.filter(establishment=schools["good"]).count() == 1


def test_my_school_is_for_headteachers_and_chairs(client, users):
    assert signed_in(client, users["officer"]).get("/categorisation/my-school/").status_code == 404
