"""Reads behind the group pages, in the user's scope and a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from uplift.accounts import access as accounts_access
from uplift.schools import access
from uplift.schools.models import GroupMembership, LocalAuthority, SchoolGroup


def groups_for_list(user) -> QuerySet[SchoolGroup]:
    """The groups the user may see, each with `current_members`: how many of its schools
    the user may see are members today."""
    today = timezone.localdate()
    current_and_visible = (
        (Q(memberships__joined_on__isnull=True) | Q(memberships__joined_on__lte=today))
        & (Q(memberships__left_on__isnull=True) | Q(memberships__left_on__gte=today))
        & Q(memberships__establishment__in=access.visible_establishments(user))
    )
    return (
        access.visible_groups(user)
        .select_related("la")
        .annotate(current_members=Count("memberships", filter=current_and_visible))
        .order_by("name", "kind")
    )


@dataclass(frozen=True)
class Member:
    membership: GroupMembership
    current: bool
    editable: bool  # whether the user may record this school leaving


@dataclass(frozen=True)
class GroupMembers:
    members: list[Member]
    hidden: int  # memberships of schools the user may not see (not listed)


def group_members(user, group: SchoolGroup) -> GroupMembers:
    """The group's memberships of schools the user may see, current first, then by date."""
    visible = access.visible_establishments(user)
    memberships = list(
        group.memberships.filter(establishment__in=visible)
        .select_related("establishment")
        .order_by("left_on", "-joined_on", "establishment__name")
    )
    editable = set(
        access.editable_establishments(user)
        .filter(pk__in=[m.establishment_id for m in memberships])
        .values_list("pk", flat=True)
    )
    today = timezone.localdate()
    members = [
        Member(m, m.is_current_on(today), m.left_on is None and m.establishment_id in editable)
        for m in memberships
    ]
    members.sort(key=lambda member: not member.current)
    hidden = group.memberships.exclude(establishment__in=visible).count()
    return GroupMembers(members, hidden)


def manageable_las(user) -> QuerySet[LocalAuthority]:
    """The LAs the user may create groups in."""
    las = LocalAuthority.objects.order_by("name")
    if accounts_access.is_system_admin(user):
        return las
    profile = accounts_access.profile_of(user)
    if profile is not None and profile.la_id and access.can_manage_groups(user, profile.la):
        return las.filter(pk=profile.la_id)
    return las.none()
