"""Which schools, LAs and groups of the register a user may read or change."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from uplift.accounts.access import (
    SEE_EVERY_SCHOOL,
    at,
    is_system_admin,
    profile_of,
    readable_la_scope,
    school_scope,
    staff_school_scope,
)
from uplift.accounts.models import Role
from uplift.schools.models import Establishment, GroupMembership, LocalAuthority, SchoolGroup


def visible_establishments(user) -> QuerySet[Establishment]:
    """The establishments this user may read."""
    scope = school_scope(user)
    everything = Establishment.objects.all()
    return everything.none() if scope is None else everything.filter(scope)


def board_member_scope(profile, path: str) -> Q | None:
    """A board member reads the schools that are members of their board's group today."""
    if not profile.group_id:
        return None
    return Q(**{at(path, "pk__in"): current_members(profile.group_id)})


def current_members(group_id: int):
    """Establishment ids with a membership of the group that is current today."""
    today = timezone.localdate()
    return GroupMembership.objects.filter(
        Q(joined_on__isnull=True) | Q(joined_on__lte=today),
        Q(left_on__isnull=True) | Q(left_on__gte=today),
        group_id=group_id,
    ).values("establishment_id")


def editable_establishments(user) -> QuerySet[Establishment]:
    """The establishments this user may change: an LA officer their LA's, an adviser their
    assigned schools, a system administrator every one; nobody else any."""
    everything = Establishment.objects.all()
    scope = staff_school_scope(user)
    return everything.none() if scope is None else everything.filter(scope)


def can_manage_groups(user, la) -> bool:
    """Create and rename groups of this LA: its officers and system administrators.
    Groups of no LA (national trusts, for instance) are for system administrators only."""
    if is_system_admin(user):
        return True
    profile = profile_of(user)
    return bool(
        profile and profile.role == Role.LA_OFFICER and la is not None and la.pk == profile.la_id
    )


def visible_groups(user) -> QuerySet[SchoolGroup]:
    """Groups with at least one member the user may see, or of the user's own LA."""
    everything = SchoolGroup.objects.all()
    if user is None or not user.is_authenticated:
        return everything.none()
    if user.is_superuser:
        return everything
    profile = profile_of(user)
    if profile is not None and profile.role in SEE_EVERY_SCHOOL:
        return everything
    with_visible_member = GroupMembership.objects.filter(
        establishment__in=visible_establishments(user)
    ).values("group_id")
    own_la = Q(la_id=profile.la_id) if profile is not None and profile.la_id else Q(pk__in=[])
    return everything.filter(Q(pk__in=with_visible_member) | own_la)


def can_change_membership(user, *, group, establishment) -> bool:
    """Record a school joining or leaving a group: the school must be one the user may
    change, and the group one they may see (so an adviser may record it for their schools)."""
    return (
        editable_establishments(user).filter(pk=establishment.pk).exists()
        and visible_groups(user).filter(pk=group.pk).exists()
    )


def visible_local_authorities(user) -> QuerySet[LocalAuthority]:
    """The LAs whose overview this user may read: every LA for system administrators and
    regional viewers, their own LA for its officers, data officers and advisers."""
    scope = readable_la_scope(user)
    everything = LocalAuthority.objects.all()
    return everything.none() if scope is None else everything.filter(scope)
