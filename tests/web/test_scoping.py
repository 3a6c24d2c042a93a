"""Which establishments each role sees, as a matrix over a small two-LA world."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser

from uplift.accounts.access import can_import
from uplift.accounts.models import Role
from uplift.schools.access import visible_establishments


@pytest.fixture
def world(herts, essex, make_school, partnership, join):
    schools = {
        "herts_a": make_school(100001, herts),
        "herts_b": make_school(100002, herts),
        "essex_a": make_school(200001, essex),
        "essex_b": make_school(200002, essex),
    }
    today = date.today()
    join(partnership, schools["herts_a"], joined_on=today - timedelta(days=400))
    join(partnership, schools["essex_a"])  # no dates: current
    join(partnership, schools["herts_b"], left_on=today - timedelta(days=1))  # has left
    join(partnership, schools["essex_b"], joined_on=today + timedelta(days=30))  # not yet
    return schools


ALL = {"herts_a", "herts_b", "essex_a", "essex_b"}
HERTS = {"herts_a", "herts_b"}

MATRIX = [
    (Role.SYSTEM_ADMIN, {}, ALL),
    (Role.REGIONAL_VIEWER, {}, ALL),
    (Role.LA_OFFICER, {"la": "herts"}, HERTS),
    (Role.DATA_OFFICER, {"la": "herts"}, HERTS),
    (Role.ADVISER, {"la": "herts"}, HERTS),
    (Role.LA_OFFICER, {}, set()),  # an officer with no LA sees nothing
    (Role.HEADTEACHER, {"establishment": "essex_b"}, {"essex_b"}),
    (Role.CHAIR_OF_GOVERNORS, {"establishment": "herts_a"}, {"herts_a"}),
    (Role.HEADTEACHER, {}, set()),
    (Role.BOARD_MEMBER, {"group": "partnership"}, {"herts_a", "essex_a"}),
    (Role.BOARD_MEMBER, {}, set()),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "scope", "expected"), MATRIX)
def test_each_role_sees_its_scope(world, herts, partnership, make_user, role, scope, expected):
    resolve = {"herts": herts, "partnership": partnership, **world}
    user = make_user("someone", role, **{key: resolve[name] for key, name in scope.items()})
    names = {name for name, school in world.items() if school in visible_establishments(user)}
    assert names == expected


@pytest.mark.django_db
def test_no_profile_sees_nothing_but_a_superuser_sees_everything(world, make_user):
    plain = make_user("plain")
    boss = make_user("boss")
    boss.is_superuser = True
    boss.save()
    assert not visible_establishments(plain).exists()
    assert visible_establishments(boss).count() == len(ALL)
    assert not visible_establishments(AnonymousUser()).exists()


@pytest.mark.django_db
def test_board_member_sees_each_school_once_despite_several_memberships(
    world, partnership, make_user, join
):
    join(partnership, world["herts_a"], joined_on=date(2001, 1, 1), left_on=date(2002, 1, 1))
    user = make_user("board", Role.BOARD_MEMBER, group=partnership)
    assert sorted(visible_establishments(user).values_list("urn", flat=True)) == [100001, 200001]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "allowed"),
    [(Role.DATA_OFFICER, True), (Role.SYSTEM_ADMIN, True)]
    + [(role, False) for role in Role if role not in {Role.DATA_OFFICER, Role.SYSTEM_ADMIN}],
)
def test_only_data_officers_and_admins_may_import(make_user, role, allowed):
    assert can_import(make_user("someone", role)) is allowed


@pytest.mark.django_db
def test_import_permission_without_a_profile(make_user):
    boss = make_user("boss")
    boss.is_superuser = True
    assert can_import(boss)
    assert not can_import(make_user("plain"))
    assert not can_import(AnonymousUser())
