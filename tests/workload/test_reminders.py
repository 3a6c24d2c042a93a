"""Overdue items, their owners, and the daily reminder email."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from tests.workload.conftest import TODAY
from uplift.casework.models import Stage
from uplift.workload.models import ReminderSent
from uplift.workload.reminders import Kind, overdue_items, send_reminders
from uplift.workload.tasks import send_overdue_reminders

YESTERDAY = TODAY - timedelta(days=1)


def keys_of(found, user):
    return [item.key for item in found.get(user, [])]


@pytest.mark.django_db
def test_an_overdue_action_is_its_owners_and_a_done_or_future_one_is_nobodys(
    users, school, make_action
):
    adviser = users["adviser"]
    late = make_action(school, adviser, due_on=YESTERDAY)
    make_action(school, adviser, due_on=YESTERDAY, done_on=YESTERDAY)
    make_action(school, adviser, due_on=TODAY)

    found = overdue_items(today=TODAY)

    assert keys_of(found, adviser) == [f"casework.meetingaction:{late.pk}"]
    item = found[adviser][0]
    assert item.kind == Kind.ACTION and item.school == school and item.due_on == YESTERDAY
    assert item.url == f"/casework/meetings/{late.meeting_id}/"


@pytest.mark.django_db
def test_objectives_and_milestones_go_to_the_objectives_owner(
    users, school, make_objective, make_milestone
):
    head = users["headteacher"]
    objective = make_objective(school, head, due_on=YESTERDAY)
    milestone = make_milestone(objective, due_on=YESTERDAY - timedelta(days=3))
    make_milestone(objective, due_on=YESTERDAY, done_on=YESTERDAY)
    make_objective(school, head, due_on=YESTERDAY, achieved_on=YESTERDAY)

    found = overdue_items(today=TODAY)

    assert keys_of(found, head) == [  # oldest first
        f"support.milestone:{milestone.pk}",
        f"support.objective:{objective.pk}",
    ]
    assert found[head][0].url == f"/support/plans/{objective.plan_id}/"


@pytest.mark.django_db
def test_an_undecided_notice_past_its_deadline_goes_to_the_lead_officer_else_the_opener(
    users, school, other_school, make_case, make_notice
):
    officer, admin = users["la.officer"], users["admin"]
    led = make_case(school, lead=officer, opener=admin, stage=Stage.WARNING_NOTICE)
    unled = make_case(other_school, opener=admin, stage=Stage.WARNING_NOTICE)
    dates = {"issued_on": TODAY - timedelta(30), "window": TODAY + timedelta(60)}
    late = make_notice(led, deadline=YESTERDAY, **dates)
    make_notice(led, deadline=YESTERDAY, compliance="complied", **dates)
    make_notice(led, deadline=TODAY, **dates)
    orphan = make_notice(unled, deadline=YESTERDAY, **dates)

    found = overdue_items(today=TODAY)

    assert keys_of(found, officer) == [f"casework.warningnotice:{late.pk}"]
    assert keys_of(found, admin) == [f"casework.warningnotice:{orphan.pk}"]
    assert found[officer][0].kind == Kind.COMPLIANCE
    assert found[officer][0].url == f"/casework/cases/{led.pk}/"


@pytest.mark.django_db
def test_a_closed_cases_notice_is_not_reminded(users, school, make_case, make_notice):
    case = make_case(school, lead=users["la.officer"], stage=Stage.CLOSED)
    make_notice(case, issued_on=TODAY - timedelta(30), deadline=YESTERDAY, window=TODAY)
    assert overdue_items(today=TODAY) == {}


@pytest.mark.django_db
def test_a_pre_warning_action_plan_past_due(users, school, other_school, make_case):
    officer = users["la.officer"]
    case = make_case(school, lead=officer, stage=Stage.PRE_WARNING, action_plan_due_on=YESTERDAY)
    make_case(other_school, lead=officer, stage=Stage.WARNING_NOTICE, action_plan_due_on=YESTERDAY)

    found = overdue_items(today=TODAY)

    assert keys_of(found, officer) == [f"casework.concerncase:{case.pk}:action-plan"]
    assert found[officer][0].kind == Kind.ACTION_PLAN


@pytest.mark.django_db
def test_a_power_not_reported_to_dfe_after_five_days(users, school, make_case, make_power):
    officer = users["la.officer"]
    case = make_case(school, lead=officer, stage=Stage.POWERS_USED)
    late = make_power(case, used_on=TODAY - timedelta(days=6))
    make_power(case, used_on=TODAY - timedelta(days=5))  # five days: not yet
    make_power(case, used_on=TODAY - timedelta(days=9), dfe_notified_on=YESTERDAY)

    assert keys_of(overdue_items(today=TODAY), officer) == [f"casework.poweruse:{late.pk}"]


@pytest.mark.django_db
def test_the_s64_window_closing_within_ten_days_is_an_approaching_deadline(
    users, school, other_school, essex_school, make_case, make_notice
):
    officer = users["la.officer"]
    eligible = make_case(school, lead=officer, stage=Stage.ELIGIBLE)
    issued = {"issued_on": TODAY - timedelta(80), "deadline": TODAY - timedelta(50)}
    soon = make_notice(eligible, window=TODAY + timedelta(days=10), compliance="x", **issued)
    make_notice(eligible, window=TODAY + timedelta(days=11), compliance="x", **issued)
    make_notice(eligible, window=YESTERDAY, compliance="x", **issued)
    not_yet = make_case(other_school, lead=officer, stage=Stage.WARNING_NOTICE)
    make_notice(not_yet, window=TODAY + timedelta(days=3), compliance="x", **issued)

    found = overdue_items(today=TODAY)

    assert keys_of(found, officer) == [f"casework.warningnotice:{soon.pk}:powers-window"]
    assert found[officer][0].approaching and found[officer][0].kind == Kind.POWERS_WINDOW


@pytest.mark.django_db
def test_a_past_visit_still_scheduled_is_a_note_to_write(users, school, make_visit):
    adviser = users["adviser"]
    visit = make_visit(school, adviser, scheduled_for=YESTERDAY)
    make_visit(school, adviser, scheduled_for=YESTERDAY, status="drafted")
    make_visit(school, adviser, scheduled_for=TODAY)

    found = overdue_items(today=TODAY)

    assert keys_of(found, adviser) == [f"support.visit:{visit.pk}"]
    assert found[adviser][0].url == f"/support/visits/{visit.pk}/"


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 50])
def test_finding_overdue_items_takes_the_same_queries_however_many(
    users,
    school,
    make_case,
    make_action,
    make_objective,
    make_milestone,
    make_notice,
    make_power,
    make_visit,
    django_assert_num_queries,
    count,
):
    officer = users["la.officer"]
    case = make_case(school, lead=officer, stage=Stage.POWERS_USED)
    for _ in range(count):
        make_action(school, officer, due_on=YESTERDAY)
        make_milestone(make_objective(school, officer, due_on=YESTERDAY), due_on=YESTERDAY)
        make_notice(case, issued_on=TODAY - timedelta(60), deadline=YESTERDAY, window=TODAY)
        make_power(case, used_on=TODAY - timedelta(days=20))
        make_visit(school, users["adviser"], scheduled_for=YESTERDAY)

    with django_assert_num_queries(9):
        found = overdue_items(today=TODAY)

    assert len(found[officer]) == count * 6  # action, objective, milestone, notice x2, power
    assert len(found[users["adviser"]]) == count


# The daily email


@pytest.mark.django_db
def test_the_overdue_action_reminder_reaches_the_owners_mailbox_once_a_day(
    users, school, make_action, mailoutbox
):
    adviser = users["adviser"]
    action = make_action(school, adviser, due_on=YESTERDAY, description="Send the reading data")

    first = send_reminders(day=TODAY)

    assert (first.emails, first.items) == (1, 1)
    [message] = mailoutbox
    assert message.to == ["tom.brennan@example.org"]
    assert message.subject == "Uplift: 1 overdue item"
    assert "Send the reading data" in message.body
    assert "Abbots Langley Primary (URN 117001)" in message.body
    assert f"/casework/meetings/{action.meeting_id}/" in message.body
    assert ReminderSent.objects.filter(
        owner=adviser, item_key=f"casework.meetingaction:{action.pk}", sent_on=TODAY
    ).exists()

    again = send_reminders(day=TODAY)
    assert (again.emails, again.items) == (0, 0)
    assert len(mailoutbox) == 1

    next_day = send_reminders(day=TODAY + timedelta(days=1))
    assert (next_day.emails, next_day.items) == (1, 1)
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_one_email_per_owner_lists_every_item_and_done_items_are_not_reminded(
    users, school, make_action, mailoutbox
):
    officer = users["la.officer"]
    make_action(school, officer, due_on=YESTERDAY, description="First action")
    make_action(school, officer, due_on=YESTERDAY, description="Second action")
    make_action(school, officer, due_on=YESTERDAY, done_on=TODAY, description="Done action")

    run = send_reminders(day=TODAY)

    assert (run.emails, run.items) == (1, 2)
    [message] = mailoutbox
    assert message.subject == "Uplift: 2 overdue items"
    assert "First action" in message.body and "Second action" in message.body
    assert "Done action" not in message.body


@pytest.mark.django_db
def test_a_new_overdue_item_the_same_day_is_sent_alone(users, school, make_action, mailoutbox):
    officer = users["la.officer"]
    make_action(school, officer, due_on=YESTERDAY, description="First action")
    send_reminders(day=TODAY)
    make_action(school, officer, due_on=YESTERDAY, description="Later action")

    run = send_reminders(day=TODAY)

    assert (run.emails, run.items) == (1, 1)
    assert "Later action" in mailoutbox[1].body and "First action" not in mailoutbox[1].body


@pytest.mark.django_db
def test_owners_without_an_email_address_are_skipped_and_counted(
    users, school, make_action, mailoutbox
):
    head = users["headteacher"]
    head.email = ""
    head.save()
    make_action(school, head, due_on=YESTERDAY)
    make_action(school, users["chair"], due_on=YESTERDAY)

    run = send_reminders(day=TODAY)

    assert (run.emails, run.items, run.owners_without_email) == (1, 1, 1)
    assert [message.to for message in mailoutbox] == [["gareth.jones@example.org"]]
    assert not ReminderSent.objects.filter(owner=head).exists()


@pytest.mark.django_db
def test_the_task_and_the_command_send_the_reminders(users, school, make_action, mailoutbox):
    make_action(school, users["adviser"], due_on=YESTERDAY)

    result = send_overdue_reminders.enqueue(TODAY.isoformat())
    assert result.return_value == {
        "day": TODAY.isoformat(),
        "emails": 1,
        "items": 1,
        "owners_without_email": 0,
    }

    out = StringIO()
    call_command("send-reminders", "--date", TODAY.isoformat(), stdout=out)
    assert "0 email(s) listing 0 item(s)" in out.getvalue()
    call_command("send-reminders", "--date", (TODAY + timedelta(1)).isoformat(), stdout=out)
    assert "1 email(s) listing 1 item(s)" in out.getvalue()
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_the_command_refuses_a_date_it_cannot_read():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not a date") as refused:
        call_command("send-reminders", "--date", "16/11/2026")
    assert refused.value.returncode == 2
