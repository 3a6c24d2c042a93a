# ruff: noqa: F811 (the fixtures imported from letters_fixtures are test arguments)
"""Monitoring board (MSP) meetings: members, minutes and actions with owners and due dates;
their rules, pages and scope."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.casework.letters_fixtures import (  # noqa: F401 (fixtures)
    case,
    fast_passwords,
    make_case,
    other_case,
    users,
    world,
)
from uplift.audit.models import AuditEvent, Via
from uplift.casework.letters.rules import RULES, NotInFuture
from uplift.casework.meetings import selectors, services
from uplift.casework.meetings.rules import (
    ActionAlreadyDone,
    ActionIncomplete,
    CaseOfAnotherSchool,
    DoneBeforeMeeting,
    DueBeforeMeeting,
    NoMembers,
    NoMinutes,
    OwnerCannotSeeSchool,
)
from uplift.casework.models import MeetingAction, MonitoringMeeting
from uplift.core.errors import NotAllowed

pytestmark = pytest.mark.django_db
WEB = Via.WEB
HELD = date(2026, 10, 5)


def record(users, world, *, actor="la.officer", actions=(), **values):
    arguments = {
        "establishment": world["ours"],
        "held_on": HELD,
        "members": ["Priya Shah, LA", "Gareth Jones, chair of governors"],
        "minutes": "Reviewed the action plan.",
        "actions": list(actions),
        **values,
    }
    return services.record_meeting(actor=users[actor], via=WEB, **arguments)


def action(users, owner="headteacher", **values):
    return {
        "description": "Send the revised plan",
        "owner": users[owner],
        "due_on": date(2026, 10, 20),
        **values,
    }


def test_a_meeting_is_recorded_with_its_actions_and_audited(world, users, case):
    meeting = record(
        users,
        world,
        case=case,
        members=["  Priya  Shah, LA ", "", "Priya Shah, LA"],
        actions=[action(users), action(users, owner="adviser", description="Visit")],
    )
    assert meeting.members == ["Priya Shah, LA"] and meeting.case == case
    owners = [a.owner.username for a in meeting.actions.order_by("id")]
    assert owners == ["headteacher", "adviser"]
    assert AuditEvent.objects.filter(action="meeting.recorded").count() == 1
    assert AuditEvent.objects.filter(action="meeting.action_added").count() == 2
    assert meeting.history.count() == 1


@pytest.mark.parametrize(
    "values, rule",
    [
        ({"members": ["  ", ""]}, NoMembers),
        ({"minutes": " "}, NoMinutes),
        ({"held_on": timezone.localdate() + timedelta(days=1)}, NotInFuture),
    ],
)
def test_a_meeting_needs_members_minutes_and_a_past_date(world, users, values, rule):
    with pytest.raises(rule):
        record(users, world, **values)
    assert not MonitoringMeeting.objects.exists()


def test_a_meeting_is_recorded_against_its_own_schools_case(world, users, other_case):
    with pytest.raises(CaseOfAnotherSchool):
        record(users, world, case=other_case)


@pytest.mark.parametrize("owner", ["essex.officer", "other.head", "board.member", "dfe.viewer"])
def test_an_actions_owner_must_be_la_staff_or_the_schools_head_or_chair(world, users, owner):
    with pytest.raises(OwnerCannotSeeSchool, match="cannot see Abbots Langley Primary"):
        record(users, world, actions=[action(users, owner=owner)])
    assert not MonitoringMeeting.objects.exists()  # nothing written


def test_an_action_needs_everything_and_a_due_date_after_the_meeting(world, users):
    with pytest.raises(ActionIncomplete, match="needs a description and a due date"):
        record(users, world, actions=[action(users, description="", due_on=None)])
    with pytest.raises(DueBeforeMeeting, match="before the meeting that set it"):
        record(users, world, actions=[action(users, due_on=HELD - timedelta(days=1))])


@pytest.mark.parametrize("who", ["adviser", "headteacher", "essex.officer", "data.officer"])
def test_only_casework_officers_record_meetings(world, users, who):
    with pytest.raises(NotAllowed):
        record(users, world, actor=who)


def test_an_action_is_added_later_and_done_by_its_owner(world, users):
    meeting = record(users, world)
    added = services.add_meeting_action(
        actor=users["la.officer"],
        via=WEB,
        meeting=meeting,
        description="Governor training",
        owner=users["chair"],
        due_on=date(2026, 11, 1),
    )
    done = services.complete_action(
        actor=users["chair"], via=WEB, action=added, done_on=date(2026, 10, 30), note="Booked"
    )
    assert done.done_on == date(2026, 10, 30) and done.done_note == "Booked"
    event = AuditEvent.objects.get(action="meeting.action_done")
    assert event.actor == users["chair"] and event.reason == "Booked"
    with pytest.raises(ActionAlreadyDone, match="already marked done on 30 October 2026"):
        services.complete_action(
            actor=users["la.officer"], via=WEB, action=added, done_on=date(2026, 10, 31)
        )


def test_who_may_mark_an_action_done(world, users):
    meeting = record(users, world, actions=[action(users, owner="headteacher")])
    owned = meeting.actions.get()
    for who in ("adviser", "chair", "essex.officer"):
        with pytest.raises(NotAllowed):
            services.complete_action(actor=users[who], via=WEB, action=owned, done_on=HELD)
    with pytest.raises(DoneBeforeMeeting):
        services.complete_action(
            actor=users["la.officer"], via=WEB, action=owned, done_on=HELD - timedelta(days=1)
        )
    services.complete_action(actor=users["la.officer"], via=WEB, action=owned, done_on=HELD)


def test_every_meeting_rule_is_tested_here():
    tested = {
        NoMembers,
        NoMinutes,
        CaseOfAnotherSchool,
        OwnerCannotSeeSchool,
        ActionIncomplete,
        DueBeforeMeeting,
        ActionAlreadyDone,
        DoneBeforeMeeting,
    }
    assert {rule for rule in RULES.all() if rule.code.startswith("meetings.")} == tested


def test_action_owners_are_the_las_staff_and_the_schools_leaders(world, users):
    owners = {user.username for user in selectors.action_owners(establishment=world["ours"])}
    assert owners == {"la.officer", "data.officer", "adviser", "headteacher", "chair"}


def test_school_meetings_take_a_constant_number_of_queries(
    world, users, django_assert_max_num_queries
):
    record(users, world, actions=[action(users)])
    officer = users["la.officer"]
    with django_assert_max_num_queries(1):
        [
            m.action_count
            for m in selectors.school_meetings(user=officer, establishment=world["ours"])
        ]
    for number in range(3):
        record(users, world, held_on=HELD - timedelta(days=number + 1), actions=[action(users)] * 2)
    with django_assert_max_num_queries(1):
        found = selectors.school_meetings(user=officer, establishment=world["ours"])
        counts = [(m.action_count, m.open_action_count, m.recorded_by) for m in found]
    assert len(counts) == 4 and counts[0][:2] == (1, 1)


# Pages


def login(client, user):
    client.force_login(user)
    return client


def test_recording_a_meeting_with_two_action_rows(client, world, users, case):
    url = f"/casework/schools/117001/meetings/new/?case={case.pk}"
    page = login(client, users["la.officer"]).get(url)
    assert page.status_code == 200 and page.context["case"] == case
    assert 'name="action_5_description"' in page.content.decode()
    response = client.post(
        url,
        {
            "case": case.pk,
            "held_on": "2026-10-05",
            "members": "Priya Shah, LA\nGareth Jones, chair",
            "minutes": "Good progress.",
            "action_1_description": "Send the plan",
            "action_1_owner": users["headteacher"].pk,
            "action_1_due_on": "20/10/2026",
            "action_3_description": "Visit",
            "action_3_owner": users["adviser"].pk,
            "action_3_due_on": "2026-11-02",
        },
    )
    meeting = MonitoringMeeting.objects.get()
    assert response["Location"] == f"/casework/meetings/{meeting.pk}/"
    assert meeting.case == case and meeting.members == [
        "Priya Shah, LA",
        "Gareth Jones, chair",
    ]
    assert meeting.actions.count() == 2
    detail = client.get(response["Location"]).content.decode()
    assert "Send the plan" in detail and "Meera Patel" in detail and "20 October 2026" in detail


def test_a_half_filled_action_row_is_named_in_the_error_summary(client, world, users):
    response = login(client, users["la.officer"]).post(
        "/casework/schools/117001/meetings/new/",
        {
            "held_on": "2026-10-05",
            "members": "Priya",
            "minutes": "M",
            "action_2_description": "Do it",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "Choose the owner of action 2" in page and "Enter the date action 2 is due" in page
    assert not MonitoringMeeting.objects.exists()


def test_a_refused_owner_is_shown_in_the_error_summary(client, world, users):
    meeting = record(users, world)
    response = login(client, users["la.officer"]).post(
        f"/casework/meetings/{meeting.pk}/actions/new/",
        {"description": "X", "owner": users["headteacher"].pk, "due_on": "2026-10-01"},
    )
    assert "before the meeting that set it" in response.content.decode()
    assert not MeetingAction.objects.exists()


def test_a_head_never_reads_meetings_but_marks_their_own_action_done(client, world, users):
    meeting = record(users, world, actions=[action(users), action(users, owner="adviser")])
    mine, not_mine = meeting.actions.order_by("id")
    login(client, users["headteacher"])
    assert client.get("/casework/schools/117001/meetings/").status_code == 404
    assert client.get(f"/casework/meetings/{meeting.pk}/").status_code == 404
    assert client.get(f"/casework/meeting-actions/{not_mine.pk}/done/").status_code == 404
    url = f"/casework/meeting-actions/{mine.pk}/done/"
    response = client.post(url, {"done_on": "2026-10-10", "note": "Sent"})
    assert response["Location"] == url
    mine.refresh_from_db()
    assert mine.done_on == date(2026, 10, 10)
    assert "Mark done" not in client.get(url).content.decode()


def test_the_school_page_lists_meetings_newest_first(client, world, users):
    older = record(users, world, held_on=HELD - timedelta(days=30))
    newer = record(users, world)
    page = login(client, users["adviser"]).get("/casework/schools/117001/meetings/")
    assert [m.pk for m in page.context["meetings"]] == [newer.pk, older.pk]
    assert "Record a meeting" not in page.content.decode()  # advisers read, officers record


def test_history_pages_render_after_a_meeting_is_recorded(client, world, users, case):
    """Regression: the history pages answered 500 on the meeting's "actions" key."""
    record(users, world, case=case, actions=[action(users)])
    login(client, users["la.officer"])
    school = world["ours"]
    for url in ("/history/", f"/history/schools.establishment/{school.pk}/"):
        page = client.get(url)
        assert page.status_code == 200, url
        text = page.content.decode()
        assert "Meeting recorded" in text and "meeting.recorded" not in text
        assert "Actions:" in text
