"""The group and adviser services: who may make each change, the audit event each change
writes (before, after, who, why), and that a refused change writes nothing."""

from datetime import date

import pytest

from tests.audit.world import JOINED, build_world
from uplift.audit.models import AuditEvent, Via
from uplift.core.errors import NotAllowed, Refused
from uplift.schools import services
from uplift.schools.access import (
    can_change_membership,
    can_manage_groups,
    editable_establishments,
    visible_groups,
)
from uplift.schools.models import GroupKind, GroupMembership, SchoolGroup

REASON = "Agreed at the spring heads' meeting"


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def nothing_written(db_snapshot):
    """Call it after a refused change: no row anywhere changed and no event was recorded."""
    events_before = AuditEvent.objects.count()
    before = db_snapshot()

    def check():
        assert AuditEvent.objects.count() == events_before
        assert db_snapshot() == before

    return check


def only_event() -> AuditEvent:
    (event,) = AuditEvent.objects.all()
    return event


# Write scope


EDITABLE = [
    ("superuser", {"herts_a", "herts_b", "herts_c", "essex_a", "essex_b"}),
    ("admin", {"herts_a", "herts_b", "herts_c", "essex_a", "essex_b"}),
    ("herts_officer", {"herts_a", "herts_b", "herts_c"}),
    ("essex_officer", {"essex_a", "essex_b"}),
    ("adviser", {"herts_c"}),
    ("data_officer", set()),
    ("headteacher", set()),
    ("chair", set()),
    ("board_member", set()),
    ("viewer", set()),
    ("no_profile", set()),
]


@pytest.mark.parametrize(("who", "expected"), EDITABLE)
def test_editable_establishments_by_role(world, who, expected):
    names = {v.pk: k for k, v in world.schools.items()}
    editable = editable_establishments(world.users[who]).values_list("pk", flat=True)
    assert {names[pk] for pk in editable} == expected


@pytest.mark.parametrize(
    ("who", "herts", "essex"),
    [
        ("admin", True, True),
        ("herts_officer", True, False),
        ("essex_officer", False, True),
        ("adviser", False, False),
        ("data_officer", False, False),
        ("headteacher", False, False),
        ("viewer", False, False),
    ],
)
def test_who_manages_an_las_groups(world, who, herts, essex):
    user = world.users[who]
    assert (can_manage_groups(user, world.herts), can_manage_groups(user, world.essex)) == (
        herts,
        essex,
    )
    assert can_manage_groups(user, None) is (who == "admin")


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("herts_officer", {"North Herts Partnership", "Dacorum Cluster"}),
        # the Herts partnership has an Essex member
        ("essex_officer", {"North Herts Partnership", "Tendring Consortium"}),
        ("headteacher", {"North Herts Partnership"}),
        ("board_member", {"North Herts Partnership"}),
        ("viewer", {"North Herts Partnership", "Dacorum Cluster", "Tendring Consortium"}),
        ("no_profile", set()),
    ],
)
def test_visible_groups(world, who, expected):
    assert set(visible_groups(world.users[who]).values_list("name", flat=True)) == expected


def test_an_adviser_may_record_membership_only_for_assigned_schools(world):
    adviser, cluster = world.users["adviser"], world.herts_cluster
    assert can_change_membership(adviser, group=cluster, establishment=world.schools["herts_c"])
    assert not can_change_membership(adviser, group=cluster, establishment=world.schools["herts_b"])


# Creating and renaming groups


def test_an_officer_creates_a_group_in_their_la_with_its_event(world):
    officer = world.users["herts_officer"]
    group = services.create_group(
        actor=officer,
        via=Via.WEB,
        la=world.herts,
        kind=GroupKind.TEACHING_SCHOOL_HUB,
        name="  Herts   Hub ",
        reason=REASON,
    )
    assert (group.name, group.la, group.kind) == ("Herts Hub", world.herts, "teaching_school_hub")
    event = only_event()
    assert (event.action, event.via, event.actor, event.actor_label) == (
        "group.created",
        "web",
        officer,
        "herts.officer",
    )
    assert event.changes == {
        "kind": [None, "Teaching school hub"],
        "la": [None, "Hertfordshire (919)"],
        "name": [None, "Herts Hub"],
    }
    assert (event.reason, event.la, event.object_id) == (REASON, world.herts, str(group.pk))
    record = group.history.get()
    assert (record.history_user, record.history_change_reason) == (officer, REASON)


@pytest.mark.parametrize(
    "who", ["essex_officer", "adviser", "data_officer", "headteacher", "viewer", "no_profile"]
)
def test_others_may_not_create_a_herts_group(world, who, nothing_written):
    with pytest.raises(NotAllowed):
        services.create_group(
            actor=world.users[who],
            via=Via.WEB,
            la=world.herts,
            kind=GroupKind.CLUSTER,
            name="New",
            reason=REASON,
        )
    nothing_written()


@pytest.mark.parametrize(
    ("name", "reason", "message"),
    [
        ("New cluster", "   ", "Enter the reason"),
        ("", REASON, "Enter the group's name"),
        ("dacorum CLUSTER", REASON, "already a cluster called"),
        ("x" * 201, REASON, "200 characters or fewer"),
    ],
)
def test_a_group_needs_a_reason_and_a_free_name(world, name, reason, message, nothing_written):
    with pytest.raises(Refused, match=message):
        services.create_group(
            actor=world.users["admin"],
            via=Via.WEB,
            la=world.herts,
            kind=GroupKind.CLUSTER,
            name=name,
            reason=reason,
        )
    nothing_written()


def test_rename_records_before_and_after(world):
    group = world.herts_cluster
    services.rename_group(
        actor=world.users["herts_officer"],
        via=Via.API,
        group=group,
        name="Dacorum Schools Cluster",
        reason="Name agreed by heads",
    )
    group.refresh_from_db()
    assert group.name == "Dacorum Schools Cluster"
    event = only_event()
    assert (event.action, event.via, event.reason) == (
        "group.renamed",
        "api",
        "Name agreed by heads",
    )
    assert event.changes == {"name": ["Dacorum Cluster", "Dacorum Schools Cluster"]}
    assert group.history.latest().history_change_reason == "Name agreed by heads"


@pytest.mark.parametrize(
    ("who", "name", "error"),
    [
        ("essex_officer", "Renamed", NotAllowed),
        ("adviser", "Renamed", NotAllowed),
        ("headteacher", "Renamed", NotAllowed),
        ("herts_officer", "Dacorum Cluster", Refused),
    ],
)
def test_refused_renames_write_nothing(world, who, name, error, nothing_written):
    with pytest.raises(error):
        services.rename_group(
            actor=world.users[who],
            via=Via.WEB,
            group=world.herts_cluster,
            name=name,
            reason=REASON,
        )
    nothing_written()


# Memberships


def add(world, who, school_key, group=None, joined_on=date(2026, 9, 1), reason=REASON):
    return services.add_member(
        actor=world.users[who],
        via=Via.WEB,
        group=group or world.herts_cluster,
        establishment=world.schools[school_key],
        joined_on=joined_on,
        reason=reason,
    )


@pytest.mark.parametrize(("who", "school"), [("herts_officer", "herts_a"), ("adviser", "herts_c")])
def test_officers_and_advisers_add_members_with_an_event(world, who, school):
    membership = add(world, who, school)
    assert membership.joined_on == date(2026, 9, 1) and membership.left_on is None
    event = only_event()
    assert (event.action, event.actor, event.establishment) == (
        "group.member_added",
        world.users[who],
        world.schools[school],
    )
    assert event.content_type.model == "schoolgroup"
    assert event.object_id == str(world.herts_cluster.pk)
    assert event.changes == {
        "joined_on": [None, "2026-09-01"],
        "member": [None, str(world.schools[school])],
    }
    assert event.la == world.herts and event.reason == REASON


@pytest.mark.parametrize(
    ("who", "school"),
    [
        ("herts_officer", "essex_a"),  # another LA's school
        ("essex_officer", "herts_a"),
        ("adviser", "herts_a"),  # not one of the adviser's schools
        ("headteacher", "herts_a"),
        ("chair", "herts_a"),
        ("board_member", "herts_a"),
        ("data_officer", "herts_a"),
        ("viewer", "herts_a"),
    ],
)
def test_refused_additions_write_nothing(world, who, school, nothing_written):
    with pytest.raises(NotAllowed):
        add(world, who, school)
    nothing_written()


def test_an_officer_may_not_use_a_group_they_cannot_see(world, nothing_written):
    with pytest.raises(NotAllowed):
        add(world, "herts_officer", "herts_a", group=world.essex_consortium)
    nothing_written()


@pytest.mark.parametrize(
    ("joined_on", "reason", "message"),
    [
        (date(2026, 9, 1), "", "Enter the reason"),
        (None, REASON, "Enter the date the school joined"),
        (date(2025, 1, 1), REASON, "already a member on that date"),  # still a member
    ],
)
def test_additions_that_break_a_rule(world, joined_on, reason, message, nothing_written):
    with pytest.raises(Refused, match=message):
        add(world, "admin", "herts_b", joined_on=joined_on, reason=reason)
    nothing_written()


def test_a_school_may_rejoin_after_it_left(world):
    membership = GroupMembership.objects.get(group=world.herts_cluster)
    services.end_membership(
        actor=world.users["admin"],
        via=Via.WEB,
        membership=membership,
        left_on=date(2025, 7, 31),
        reason=REASON,
    )
    add(world, "admin", "herts_b", joined_on=date(2025, 9, 1))
    assert world.herts_cluster.memberships.count() == 2


def test_ending_a_membership_records_the_left_date(world):
    membership = GroupMembership.objects.get(group=world.herts_cluster)
    services.end_membership(
        actor=world.users["herts_officer"],
        via=Via.CLI,
        membership=membership,
        left_on=date(2026, 8, 31),
        reason="The school joined a trust",
    )
    membership.refresh_from_db()
    assert membership.left_on == date(2026, 8, 31)
    event = only_event()
    assert (event.action, event.via, event.establishment) == (
        "group.member_ended",
        "cli",
        world.schools["herts_b"],
    )
    assert event.changes == {"left_on": [None, "2026-08-31"]}
    record = membership.history.latest()
    assert (record.history_user, record.history_change_reason) == (
        world.users["herts_officer"],
        "The school joined a trust",
    )


@pytest.mark.parametrize(
    ("who", "left_on", "error", "message"),
    [
        ("herts_officer", date(2024, 8, 31), Refused, "on or after it joined"),
        ("herts_officer", None, Refused, "Enter the date the school left"),
        ("essex_officer", date(2026, 8, 31), NotAllowed, "cannot change"),
        ("adviser", date(2026, 8, 31), NotAllowed, "cannot change"),
        ("headteacher", date(2026, 8, 31), NotAllowed, "cannot change"),
    ],
)
def test_refused_endings_write_nothing(world, who, left_on, error, message, nothing_written):
    membership = GroupMembership.objects.get(group=world.herts_cluster)
    with pytest.raises(error, match=message):
        services.end_membership(
            actor=world.users[who], via=Via.WEB, membership=membership, left_on=left_on, reason="x"
        )
    nothing_written()


def test_a_membership_ends_once(world):
    membership = GroupMembership.objects.get(group=world.herts_cluster)
    end = dict(actor=world.users["admin"], via=Via.WEB, membership=membership, reason=REASON)
    services.end_membership(left_on=JOINED, **end)  # the day it joined is allowed
    with pytest.raises(Refused, match="already ended on 1 September 2024"):
        services.end_membership(left_on=date(2026, 1, 1), **end)
    assert AuditEvent.objects.count() == 1


def test_a_change_and_its_event_are_one_transaction(world, monkeypatch):
    """If the event cannot be written, the change is not kept either."""

    def broken(**kwargs):
        raise RuntimeError("audit store unavailable")

    monkeypatch.setattr(services, "record_event", broken)
    with pytest.raises(RuntimeError):
        add(world, "admin", "herts_a")
    with pytest.raises(RuntimeError):
        services.rename_group(
            actor=world.users["admin"],
            via=Via.WEB,
            group=world.herts_cluster,
            name="Renamed",
            reason=REASON,
        )
    assert not world.herts_cluster.memberships.filter(establishment=world.schools["herts_a"])
    assert SchoolGroup.objects.get(pk=world.herts_cluster.pk).name == "Dacorum Cluster"
    assert not AuditEvent.objects.exists()


# Advisers' schools


def assignment(world, who, school, *, add=True, reason=REASON):
    change = services.assign_school if add else services.unassign_school
    change(
        actor=world.users[who],
        via=Via.WEB,
        adviser=world.users["adviser"].profile,
        establishment=world.schools[school],
        reason=reason,
    )


def assigned_urns(world) -> list[int]:
    profile = world.users["adviser"].profile
    return sorted(profile.assigned_establishments.values_list("urn", flat=True))


def test_an_officer_assigns_and_unassigns_an_advisers_schools(world):
    assignment(world, "herts_officer", "herts_a")
    assert assigned_urns(world) == [117001, 117003]
    assignment(world, "herts_officer", "herts_c", add=False)
    assert assigned_urns(world) == [117001]
    unassigned, assigned = AuditEvent.objects.all()  # newest first
    assert (assigned.action, assigned.establishment) == (
        "adviser.school_assigned",
        world.schools["herts_a"],
    )
    assert assigned.changes == {"assigned_establishments": [[117003], [117001, 117003]]}
    assert unassigned.changes == {"assigned_establishments": [[117001, 117003], [117001]]}
    assert assigned.content_type.model == "profile"
    assert assigned.object_id == str(world.users["adviser"].profile.pk)


@pytest.mark.parametrize(
    ("who", "school", "add", "error"),
    [
        ("essex_officer", "herts_a", True, NotAllowed),
        ("adviser", "herts_a", True, NotAllowed),
        ("headteacher", "herts_a", True, NotAllowed),
        ("herts_officer", "essex_a", True, NotAllowed),
        ("admin", "essex_a", True, Refused),  # not the adviser's LA
        ("herts_officer", "herts_c", True, Refused),  # already assigned
        ("herts_officer", "herts_a", False, Refused),  # not assigned
    ],
)
def test_refused_assignments_write_nothing(world, who, school, add, error, nothing_written):
    with pytest.raises(error):
        assignment(world, who, school, add=add)
    nothing_written()
