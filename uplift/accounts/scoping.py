"""What a signed-in user may see and do, decided by their profile's role."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from uplift.accounts.models import Role
from uplift.schools.models import Establishment, GroupMembership

SEE_EVERY_SCHOOL = {Role.SYSTEM_ADMIN, Role.REGIONAL_VIEWER}
SEE_THEIR_LA = {Role.LA_OFFICER, Role.DATA_OFFICER, Role.ADVISER}
SEE_THEIR_SCHOOL = {Role.HEADTEACHER, Role.CHAIR_OF_GOVERNORS}


def profile_of(user):
    """The user's Profile, or None (anonymous users and users without one)."""
    if user is None or not user.is_authenticated:
        return None
    return getattr(user, "profile", None)


def visible_establishments(user) -> QuerySet[Establishment]:
    """The establishments this user may read."""
    everything = Establishment.objects.all()
    if user is None or not user.is_authenticated:
        return everything.none()
    if user.is_superuser:
        return everything
    profile = profile_of(user)
    if profile is None:
        return everything.none()
    if profile.role in SEE_EVERY_SCHOOL:
        return everything
    if profile.role in SEE_THEIR_LA and profile.la_id:
        return everything.filter(la_id=profile.la_id)
    if profile.role in SEE_THEIR_SCHOOL and profile.establishment_id:
        return everything.filter(pk=profile.establishment_id)
    if profile.role == Role.BOARD_MEMBER and profile.group_id:
        return everything.filter(pk__in=_current_members(profile.group_id))
    return everything.none()


def _current_members(group_id: int):
    """Establishment ids with a membership of the group that is current today."""
    today = timezone.localdate()
    return GroupMembership.objects.filter(
        Q(joined_on__isnull=True) | Q(joined_on__lte=today),
        Q(left_on__isnull=True) | Q(left_on__gte=today),
        group_id=group_id,
    ).values("establishment_id")


def can_import(user) -> bool:
    """Data officers, system administrators and superusers may import files."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    profile = profile_of(user)
    return bool(profile and profile.can_import)
