"""The group pages: the list and a group's page in the user's scope, and the forms that
create and rename groups and add and end memberships, each with a required reason."""

from datetime import date

import pytest
from django.urls import reverse

from tests.audit.world import build_world, school
from uplift.audit.models import AuditEvent
from uplift.schools.models import GroupKind, GroupMembership, SchoolGroup

LIST = reverse("groups:list")
REASON = "Agreed at the heads' meeting"


@pytest.fixture
def world(db):
    return build_world()


def signed_in(client, world, who):
    client.force_login(world.users[who])
    return client


def detail(group) -> str:
    return reverse("groups:detail", args=[group.pk])


def names_listed(response) -> set[str]:
    return {group.name for group in response.context["page"].object_list}


@pytest.mark.parametrize(
    ("who", "expected", "can_create"),
    [
        ("herts_officer", {"North Herts Partnership", "Dacorum Cluster"}, True),
        ("essex_officer", {"North Herts Partnership", "Tendring Consortium"}, True),
        ("admin", {"North Herts Partnership", "Dacorum Cluster", "Tendring Consortium"}, True),
        ("adviser", {"North Herts Partnership", "Dacorum Cluster"}, False),
        ("headteacher", {"North Herts Partnership"}, False),
        ("board_member", {"North Herts Partnership"}, False),
        ("no_profile", set(), False),
    ],
)
def test_the_list_shows_the_groups_the_user_may_see(client, world, who, expected, can_create):
    response = signed_in(client, world, who).get(LIST)
    assert response.status_code == 200
    assert names_listed(response) == expected
    assert (reverse("groups:create") in response.content.decode()) is can_create


def test_the_list_counts_current_members_the_user_may_see(client, world):
    response = signed_in(client, world, "herts_officer").get(LIST)
    counts = {g.name: g.current_members for g in response.context["page"].object_list}
    assert counts == {"North Herts Partnership": 1, "Dacorum Cluster": 1}  # not the Essex one


def test_a_groups_page_lists_visible_members_with_dates(client, world):
    GroupMembership.objects.create(
        group=world.herts_partnership,
        establishment=world.schools["herts_b"],
        joined_on=date(2020, 9, 1),
        left_on=date(2023, 7, 31),
    )
    response = signed_in(client, world, "herts_officer").get(detail(world.herts_partnership))
    html = response.content.decode()
    assert "Abbots Langley Primary" in html and "1 September 2024" in html
    assert "31 July 2023" in html and "Left</strong>" in html
    assert "Colchester Primary" not in html  # Essex: not listed, only counted
    assert "1 other membership of schools outside your area is not listed" in html
    members = [m.membership.establishment.urn for m in response.context["members"].members]
    assert members == [117001, 117002]  # current first
    history = reverse("audit:object", args=["schools.schoolgroup", world.herts_partnership.pk])
    assert history in html


@pytest.mark.parametrize(
    ("who", "group", "status"),
    [
        ("herts_officer", "essex_consortium", 404),
        ("headteacher", "herts_cluster", 404),
        ("board_member", "herts_cluster", 404),
        ("essex_officer", "herts_partnership", 200),  # it has an Essex member
        ("viewer", "essex_consortium", 200),
    ],
)
def test_groups_outside_the_users_scope_are_not_found(client, world, who, group, status):
    response = signed_in(client, world, who).get(detail(getattr(world, group)))
    assert response.status_code == status


def test_end_links_and_buttons_follow_the_write_scope(client, world):
    html = signed_in(client, world, "adviser").get(detail(world.herts_cluster)).content.decode()
    assert "Add a school" in html  # for their assigned school
    assert "Rename the group" not in html and "End membership" not in html  # herts_b isn't theirs
    assert reverse("audit:object", args=["schools.schoolgroup", world.herts_cluster.pk]) not in html
    html = signed_in(client, world, "headteacher").get(detail(world.herts_partnership))
    html = html.content.decode()
    assert "Add a school" not in html and "End membership" not in html
    html = signed_in(client, world, "herts_officer").get(detail(world.herts_cluster))
    assert "Rename the group" in html.content.decode()


# Adding a member


def add_page(world) -> str:
    return reverse("groups:member_add", args=[world.herts_cluster.pk])


def add_form(urn="117001", day="1", month="9", year="2026", reason=REASON) -> dict:
    return {
        "urn": urn,
        "joined_on_day": day,
        "joined_on_month": month,
        "joined_on_year": year,
        "reason": reason,
    }


def test_an_officer_adds_a_school_and_it_is_audited(client, world):
    response = signed_in(client, world, "herts_officer").post(add_page(world), add_form())
    assert response.status_code == 302 and response.url == detail(world.herts_cluster)
    membership = world.herts_cluster.memberships.get(establishment=world.schools["herts_a"])
    assert membership.joined_on == date(2026, 9, 1)
    event = AuditEvent.objects.get()
    assert (event.via, event.actor, event.reason) == ("web", world.users["herts_officer"], REASON)
    html = client.get(response.url).content.decode()
    assert "Abbots Langley Primary (URN 117001) added to Dacorum Cluster" in html


@pytest.mark.parametrize(
    ("form", "message"),
    [
        (add_form(reason=""), "Enter the reason for the change"),
        (add_form(month=""), "Date the school joined must include a month"),
        (add_form(day="31", month="2"), "Date the school joined must be a real date"),
        (add_form(day="", month="", year=""), "Enter the date the school joined"),
        (add_form(urn="abc"), "The URN must be a number"),
        (add_form(urn="881001"), "Enter the URN of a school whose groups you can change"),
        (add_form(urn="117002"), "already a member on that date"),
    ],
)
def test_add_form_errors_write_nothing(client, world, form, message):
    response = signed_in(client, world, "herts_officer").post(add_page(world), form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and message in html
    assert not AuditEvent.objects.exists()
    assert world.herts_cluster.memberships.count() == 1


def test_the_date_error_links_to_the_day_box(client, world):
    response = signed_in(client, world, "herts_officer").post(add_page(world), add_form(day=""))
    html = response.content.decode()
    assert 'href="#id_joined_on_day"' in html and 'id="id_joined_on_day"' in html
    assert 'value="9"' in html and 'value="2026"' in html  # what was typed is kept


@pytest.mark.parametrize("who", ["headteacher", "data_officer", "viewer", "board_member"])
def test_add_page_is_forbidden_without_schools_to_change(client, world, who):
    client = signed_in(client, world, who)
    group = world.herts_partnership
    url = reverse("groups:member_add", args=[group.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, add_form()).status_code == 403
    assert not AuditEvent.objects.exists()


# Ending a membership


def end_page(world, key="herts_b", group=None):
    group = group or world.herts_cluster
    membership = group.memberships.get(establishment=world.schools[key])
    return reverse("groups:member_end", args=[group.pk, membership.pk]), membership


def test_an_officer_ends_a_membership(client, world):
    url, membership = end_page(world)
    form = {"left_on_day": "31", "left_on_month": "8", "left_on_year": "2026", "reason": REASON}
    response = signed_in(client, world, "herts_officer").post(url, form)
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.left_on == date(2026, 8, 31)
    assert AuditEvent.objects.get().changes == {"left_on": [None, "2026-08-31"]}


def test_a_membership_cannot_end_before_it_began(client, world):
    url, membership = end_page(world)
    form = {"left_on_day": "1", "left_on_month": "1", "left_on_year": "2020", "reason": REASON}
    html = signed_in(client, world, "herts_officer").post(url, form).content.decode()
    assert "must be on or after it joined (1 September 2024)" in html
    membership.refresh_from_db()
    assert membership.left_on is None and not AuditEvent.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"), [("adviser", 403), ("essex_officer", 404), ("headteacher", 404)]
)
def test_others_may_not_end_a_herts_membership(client, world, who, status):
    url, _ = end_page(world)
    assert signed_in(client, world, who).get(url).status_code == status


def test_an_invisible_membership_of_a_visible_group_is_not_found(client, world):
    url, _ = end_page(world, "essex_a", world.herts_partnership)
    assert signed_in(client, world, "herts_officer").get(url).status_code == 404


# Creating and renaming groups


def test_an_officer_creates_a_group_in_their_own_la(client, world):
    client = signed_in(client, world, "herts_officer")
    page = client.get(reverse("groups:create")).content.decode()
    assert 'name="la"' not in page and "The group will belong to Hertfordshire" in page
    form = {"kind": GroupKind.FEDERATION, "name": "Ware Federation", "reason": REASON}
    response = client.post(reverse("groups:create"), form)
    group = SchoolGroup.objects.get(name="Ware Federation")
    assert response.url == detail(group) and group.la == world.herts
    assert AuditEvent.objects.get().action == "group.created"


def test_an_admin_chooses_the_la(client, world):
    client = signed_in(client, world, "admin")
    form = {"la": "", "kind": "cluster", "name": "Harlow Cluster", "reason": REASON}
    assert (
        "Choose the local authority" in client.post(reverse("groups:create"), form).content.decode()
    )
    form["la"] = world.essex.pk
    assert client.post(reverse("groups:create"), form).status_code == 302
    assert SchoolGroup.objects.get(name="Harlow Cluster").la == world.essex


@pytest.mark.parametrize("who", ["adviser", "headteacher", "data_officer", "viewer"])
def test_only_officers_and_admins_create_groups(client, world, who):
    client = signed_in(client, world, who)
    assert client.get(reverse("groups:create")).status_code == 403
    form = {"kind": "cluster", "name": "X", "reason": REASON}
    assert client.post(reverse("groups:create"), form).status_code == 403
    assert not AuditEvent.objects.exists()


def test_renaming_needs_a_reason_and_is_audited(client, world):
    url = reverse("groups:rename", args=[world.herts_cluster.pk])
    client = signed_in(client, world, "herts_officer")
    assert 'value="Dacorum Cluster"' in client.get(url).content.decode()
    html = client.post(url, {"name": "Dacorum Schools", "reason": ""}).content.decode()
    assert "Enter the reason for the change" in html and not AuditEvent.objects.exists()
    assert client.post(url, {"name": "Dacorum Schools", "reason": REASON}).status_code == 302
    event = AuditEvent.objects.get()
    assert event.changes == {"name": ["Dacorum Cluster", "Dacorum Schools"]}


@pytest.mark.parametrize(("who", "status"), [("essex_officer", 404), ("adviser", 403)])
def test_others_may_not_rename(client, world, who, status):
    url = reverse("groups:rename", args=[world.herts_cluster.pk])
    assert signed_in(client, world, who).get(url).status_code == status


# Query counts


def grow(world, members: int) -> None:
    for number in range(members):
        member = school(118000 + number, world.herts, f"Extra School {number}")
        GroupMembership.objects.create(
            group=world.herts_cluster, establishment=member, joined_on=date(2025, 9, 1)
        )
        SchoolGroup.objects.create(kind="cluster", name=f"Extra Cluster {number}", la=world.herts)


@pytest.mark.parametrize("members", [0, 30])
def test_group_pages_make_a_fixed_number_of_queries(
    client, world, members, django_assert_max_num_queries
):
    grow(world, members)
    client = signed_in(client, world, "herts_officer")
    for url in (LIST, detail(world.herts_cluster)):
        with django_assert_max_num_queries(11):  # 8, the roles, the finance permission (two)
            assert client.get(url).status_code == 200
