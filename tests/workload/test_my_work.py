"""The "My work" page and its selector."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model

from tests.workload.conftest import TODAY
from uplift.casework.models import Stage
from uplift.workload.selectors import my_work

YESTERDAY = TODAY - timedelta(days=1)
URL = "/my-work/"


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: TODAY)


def page_of(client, user):
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_an_adviser_sees_their_visits_notes_and_actions_overdue_first(
    client, users, school, make_visit, make_action, make_objective, make_milestone
):
    adviser = users["adviser"]
    make_visit(school, adviser, scheduled_for=TODAY + timedelta(7), purpose="Maths review")
    make_visit(school, adviser, scheduled_for=YESTERDAY, purpose="Reading review")
    make_visit(school, adviser, scheduled_for=YESTERDAY, status="commented", purpose="Governance")
    make_visit(school, users["la.officer"], scheduled_for=TODAY + timedelta(3), purpose="Other's")
    make_action(school, adviser, due_on=TODAY + timedelta(5), description="Later action")
    make_action(school, adviser, due_on=YESTERDAY, description="Late action")
    make_action(school, adviser, due_on=YESTERDAY, done_on=YESTERDAY, description="Done action")
    objective = make_objective(school, adviser, due_on=TODAY + timedelta(30))
    make_milestone(objective, due_on=YESTERDAY)

    work = my_work(user=adviser, today=TODAY)

    assert [row.title for row in work.visits] == ["Maths review"]
    assert [row.status for row in work.notes] == [
        "Scheduled",
        "Headteacher has commented",
    ]
    assert [row.title for row in work.actions] == ["Late action", "Later action"]
    assert [row.overdue for row in work.actions] == [True, False]
    assert [row.kind for row in work.objectives] == ["milestone", "objective"]
    assert work.overdue_count == 3  # the note to write, the action, the milestone

    html = page_of(client, adviser)
    assert "Maths review" in html and "Other&#x27;s" not in html and "Done action" not in html
    assert html.count('govuk-tag--red">Overdue<') == 3
    assert html.index("Late action") < html.index("Later action")


@pytest.mark.django_db
def test_an_officer_sees_the_cases_they_lead_with_their_next_deadlines(
    client, users, school, other_school, make_case, make_notice
):
    officer = users["la.officer"]
    pre = make_case(school, lead=officer, stage=Stage.PRE_WARNING, action_plan_due_on=YESTERDAY)
    eligible = make_case(other_school, lead=officer, stage=Stage.ELIGIBLE)
    make_notice(
        eligible,
        issued_on=TODAY - timedelta(40),
        deadline=TODAY - timedelta(10),
        window=TODAY + timedelta(8),
        compliance="not_complied",
    )
    make_case(
        users["adviser"].profile.assigned_establishments.first(),
        lead=users["admin"],
        stage=Stage.CLOSED,
        opened_on=TODAY - timedelta(400),
    )

    work = my_work(user=officer, today=TODAY)

    assert [case.pk for case in work.cases] == [pre.pk, eligible.pk]
    assert work.cases[0].next_deadline.overdue
    assert work.cases[1].deadlines[0].label.startswith("s.64 window ends")
    assert work.cases[1].deadlines[0].approaching

    html = page_of(client, officer)
    assert "Cases you lead" in html
    assert "School&#x27;s action plan due" in html and "Deadline approaching" in html
    assert f'href="/casework/cases/{pre.pk}/"' in html


@pytest.mark.django_db
def test_a_headteacher_sees_notes_awaiting_their_comment_and_their_actions(
    client, users, school, other_school, make_visit, make_action
):
    head, adviser = users["headteacher"], users["adviser"]
    shared = make_visit(
        school,
        adviser,
        scheduled_for=YESTERDAY,
        status="awaiting_comment",
        note_shared_at=YESTERDAY_AT_NOON(),
        purpose="Reading review",
    )
    make_visit(
        other_school,
        adviser,
        scheduled_for=YESTERDAY,
        status="awaiting_comment",
        note_shared_at=YESTERDAY_AT_NOON(),
        purpose="Another school's visit",
    )
    make_action(school, head, due_on=YESTERDAY, description="Share the reading data")

    work = my_work(user=head, today=TODAY)

    assert [row.key for row in work.notes] == [f"support.visit:{shared.pk}"]
    assert work.notes[0].title.startswith("Comment on the note of visit")
    assert [row.url for row in work.actions] == [""]  # the board's page is the LA's

    html = page_of(client, head)
    assert "Comment on the note of visit" in html and "Another school" not in html
    assert "Share the reading data" in html and "/casework/meetings/" not in html


def YESTERDAY_AT_NOON():  # noqa: N802
    from django.utils import timezone

    return timezone.make_aware(timezone.datetime(YESTERDAY.year, YESTERDAY.month, 12))


@pytest.mark.django_db
def test_empty_states(client, users):
    assert "You have nothing to do at the moment" in page_of(client, users["adviser"])
    assert "You have nothing to do at the moment" in page_of(client, users["board.member"])
    assert "Your role has none" in page_of(client, users["dfe.viewer"])


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get(URL)["Location"] == f"/accounts/sign-in/?next={URL}"


@pytest.mark.django_db
def test_a_user_without_a_profile_sees_an_empty_page(client, db):
    user = get_user_model().objects.create_user("nobody", password="x")
    assert "Your role has none" in page_of(client, user)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 30])
def test_my_work_takes_the_same_queries_however_many_rows(
    users,
    school,
    make_case,
    make_visit,
    make_action,
    make_objective,
    make_milestone,
    make_notice,
    django_assert_num_queries,
    count,
    la,
):
    from uplift.schools.models import Establishment

    officer = users["la.officer"]
    for number in range(count):
        other = Establishment.objects.create(urn=200000 + number, la=la, name=f"S{number}")
        case = make_case(other, lead=officer, stage=Stage.WARNING_NOTICE)
        make_notice(case, issued_on=YESTERDAY, deadline=TODAY + timedelta(20), window=TODAY)
        make_visit(school, officer, scheduled_for=TODAY + timedelta(number))
        make_visit(school, officer, scheduled_for=YESTERDAY)
        make_action(school, officer, due_on=YESTERDAY)
        make_milestone(make_objective(school, officer, due_on=YESTERDAY), due_on=YESTERDAY)
    officer = get_user_model().objects.get(pk=officer.pk)

    # the profile, the roles, one per list (cases: two, actions: two)
    with django_assert_num_queries(10):
        work = my_work(user=officer, today=TODAY)

    assert len(work.cases) == len(work.visits) == len(work.notes) == len(work.actions) == count
    assert len(work.objectives) == 2 * count


@pytest.mark.django_db
def test_the_service_navigation_has_my_work_for_those_who_have_work(client, users):
    for username in ("admin", "la.officer", "adviser", "headteacher", "chair", "board.member"):
        html = page_of(client, users[username])
        assert 'href="/my-work/" aria-current="true">My work<' in html, username
    for username in ("data.officer", "dfe.viewer"):
        assert 'href="/my-work/"' not in page_of(client, users[username]), username
