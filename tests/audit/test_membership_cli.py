"""`uplift group-add-member` and `uplift group-end-member`: the same services as the pages,
audited as via=cli; usage errors exit 2 and refused changes exit 1 with the reason."""

from datetime import date

import pytest
from django.core.management import load_command_class
from django.db import connections

from uplift.audit.models import AuditEvent


@pytest.fixture
def uplift(monkeypatch, capsys):
    """Run a command as the console would (argv parsing, exit codes); returns
    (exit code, stdout, stderr)."""
    # run_from_argv closes the connections when done: keep the test's transaction open
    monkeypatch.setattr(connections, "close_all", lambda: None)

    def run(name: str, *args: str):
        command = load_command_class("uplift.schools", name)
        code = 0
        try:
            command.run_from_argv(["uplift", name, *args])
        except SystemExit as exit_:
            code = exit_.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


def add_args(world, *, urn=117001, joined="2026-09-01", user="herts.officer", reason="Joined"):
    group = str(world.herts_cluster.pk)
    return [
        "--group",
        group,
        "--urn",
        str(urn),
        "--joined",
        joined,
        "--reason",
        reason,
        "--user",
        user,
    ]


def test_add_then_end_a_membership(uplift, world):
    code, out, _ = uplift("group-add-member", *add_args(world, reason="Joined for maths"))
    assert code == 0 and "joined Dacorum Cluster" in out
    membership = world.herts_cluster.memberships.get(establishment=world.schools["herts_a"])
    assert membership.joined_on == date(2026, 9, 1)
    group = str(world.herts_cluster.pk)
    end = ["--group", group, "--urn", "117001", "--left", "2027-08-31", "--user", "herts.officer"]
    code, out, _ = uplift("group-end-member", *end, "--reason", "Left for a trust")
    assert code == 0 and "left Dacorum Cluster" in out
    membership.refresh_from_db()
    assert membership.left_on == date(2027, 8, 31)
    ended, added = AuditEvent.objects.all()
    assert [(e.action, e.via, e.actor_label, e.reason) for e in (added, ended)] == [
        ("group.member_added", "cli", "herts.officer", "Joined for maths"),
        ("group.member_ended", "cli", "herts.officer", "Left for a trust"),
    ]
    assert ended.changes == {"left_on": [None, "2027-08-31"]}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"user": "essex.officer"}, "You cannot change this school's groups"),
        ({"user": "head"}, "You cannot change this school's groups"),
        ({"urn": 881001}, "You cannot change this school's groups"),  # another LA's school
        ({"reason": "  "}, "--reason must say why"),
    ],
)
def test_refused_and_blank_reason(uplift, world, change, message):
    code, _, err = uplift("group-add-member", *add_args(world, **change))
    assert message in err
    assert code == (2 if "--reason" in message else 1)
    assert not AuditEvent.objects.exists()
    assert not world.herts_cluster.memberships.filter(establishment=world.schools["herts_a"])


def test_ending_before_joining_is_refused(uplift, world):
    group = str(world.herts_cluster.pk)
    args = ["--group", group, "--urn", "117002", "--left", "2020-01-01", "--reason", "x"]
    code, _, err = uplift("group-end-member", *args, "--user", "herts.officer")
    assert code == 1 and "must be on or after it joined (1 September 2024)" in err
    assert not AuditEvent.objects.exists()


def test_ending_a_membership_that_is_not_open_is_refused(uplift, world):
    group = str(world.herts_cluster.pk)
    args = ["--group", group, "--urn", "117001", "--left", "2027-01-01", "--reason", "x"]
    code, _, err = uplift("group-end-member", *args, "--user", "admin")
    assert code == 1 and "has no open membership" in err


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"user": "nobody-here"}, "no user called 'nobody-here'"),
        ({"urn": 999999}, "no school with URN 999999"),
        ({"joined": "01/09/2026"}, "is not a date like 2026-09-01"),
    ],
)
def test_usage_errors_exit_2(uplift, world, change, message):
    code, _, err = uplift("group-add-member", *add_args(world, **change))
    assert code == 2 and message in err
    assert not AuditEvent.objects.exists()


def test_unknown_group_and_missing_arguments_exit_2(uplift, world):
    code, _, err = uplift("group-add-member", *add_args(world)[2:], "--group", "9999")
    assert code == 2 and "no group with id 9999" in err
    code, _, err = uplift("group-end-member", "--group", "1", "--urn", "117001")
    assert code == 2 and "required" in err
