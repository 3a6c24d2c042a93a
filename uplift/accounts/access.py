"""Who a signed-in user is, and which schools their role reaches: the primitives every app's
own access rules are built from.

This module knows roles and profiles only. The schools a role reaches are given as a filter
(a Q object) on a path to an establishment, so each app applies it to its own records
(`visible_cases` filters cases on "establishment", letters on "case__establishment").
A role whose reach is decided elsewhere (a board member's: the schools of their board)
registers a provider with `register_school_scope` from its app's ready().
"""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from uplift.accounts.models import Profile, Role

SEE_EVERY_SCHOOL = {Role.SYSTEM_ADMIN, Role.REGIONAL_VIEWER}
SEE_THEIR_LA = {Role.LA_OFFICER, Role.DATA_OFFICER, Role.ADVISER}
SEE_THEIR_SCHOOL = {Role.HEADTEACHER, Role.CHAIR_OF_GOVERNORS}

ScopeProvider = Callable[[Profile, str], Q | None]
_SCHOOL_SCOPES: dict[str, ScopeProvider] = {}


def register_school_scope(role: str, provider: ScopeProvider) -> None:
    """Let an app decide which schools a role reaches: provider(profile, path) -> Q or None."""
    _SCHOOL_SCOPES[role] = provider


def at(path: str, lookup: str) -> str:
    """The lookup `lookup` of the establishment at `path` ("" for the establishment itself)."""
    return f"{path}__{lookup}" if path else lookup


def profile_of(user):
    """The user's Profile, or None (anonymous users and users without one)."""
    if user is None or not user.is_authenticated:
        return None
    return getattr(user, "profile", None)


def role_of(user) -> str | None:
    profile = profile_of(user)
    return profile.role if profile is not None else None


def is_system_admin(user) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or role_of(user) == Role.SYSTEM_ADMIN


def is_la_officer(user) -> bool:
    profile = profile_of(user)
    return bool(profile and profile.role == Role.LA_OFFICER and profile.la_id)


def can_import(user) -> bool:
    """Data officers, system administrators and superusers may import files."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    profile = profile_of(user)
    return bool(profile and profile.can_import)


def can_read_history(user) -> bool:
    """The audit trail is for LA officers (their LA's objects) and system administrators."""
    return is_system_admin(user) or is_la_officer(user)


def own_school_id(user) -> int | None:
    """The school of a headteacher or chair of governors."""
    profile = profile_of(user)
    if profile is not None and profile.role in SEE_THEIR_SCHOOL and profile.establishment_id:
        return profile.establishment_id
    return None


def school_scope(user, path: str = "") -> Q | None:
    """The schools this user may read, as a filter on the establishment at `path`: every
    school for system administrators and regional viewers, their LA's for LA staff, their
    own for a headteacher or chair, a registered provider's answer for other roles. None
    when the user may read no school."""
    if user is None or not user.is_authenticated:
        return None
    if user.is_superuser:
        return Q()
    profile = profile_of(user)
    if profile is None:
        return None
    if profile.role in SEE_EVERY_SCHOOL:
        return Q()
    if profile.role in SEE_THEIR_LA and profile.la_id:
        return Q(**{at(path, "la_id"): profile.la_id})
    if profile.role in SEE_THEIR_SCHOOL and profile.establishment_id:
        return Q(**{at(path, "pk"): profile.establishment_id})
    provider = _SCHOOL_SCOPES.get(profile.role)
    return provider(profile, path) if provider is not None else None


def staff_school_scope(user, path: str = "") -> Q | None:
    """The schools whose confidential records (cases, visits, plans) LA staff may read, as a
    filter on the establishment at `path`: all for a system administrator, their LA's for
    an LA officer, their assigned schools for an adviser. None for anyone else."""
    if is_system_admin(user):
        return Q()
    profile = profile_of(user)
    if profile is None:
        return None
    if profile.role == Role.LA_OFFICER and profile.la_id:
        return Q(**{at(path, "la_id"): profile.la_id})
    if profile.role == Role.ADVISER:
        return Q(**{at(path, "pk__in"): profile.assigned_establishments.values("pk")})
    return None


def officer_la_scope(user) -> Q | None:
    """The LAs whose policies, rounds and casework this user runs, as a filter on LAs: every
    LA for a system administrator, their own for an LA officer, None for anyone else."""
    if is_system_admin(user):
        return Q()
    profile = profile_of(user)
    if profile and profile.role == Role.LA_OFFICER and profile.la_id:
        return Q(pk=profile.la_id)
    return None


def readable_la_scope(user) -> Q | None:
    """The LAs whose overview this user may read, as a filter on LAs: every LA for system
    administrators and regional viewers, their own for LA staff, None for anyone else."""
    if user is None or not user.is_authenticated:
        return None
    if user.is_superuser:
        return Q()
    profile = profile_of(user)
    if profile is None:
        return None
    if profile.role in SEE_EVERY_SCHOOL:
        return Q()
    if profile.role in SEE_THEIR_LA and profile.la_id:
        return Q(pk=profile.la_id)
    return None


def assignable_advisers(user) -> QuerySet[Profile]:
    """Advisers whose assigned schools this user may change: their LA's, for an LA officer."""
    advisers = Profile.objects.filter(role=Role.ADVISER)
    if is_system_admin(user):
        return advisers
    profile = profile_of(user)
    if profile and profile.role == Role.LA_OFFICER and profile.la_id:
        return advisers.filter(la_id=profile.la_id)
    return advisers.none()


def people_of_school(establishment) -> QuerySet:
    """Active users who work with the school: its LA's officers and data officers, its
    assigned advisers, its headteacher and chair of governors."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(
                profile__role__in=[Role.LA_OFFICER, Role.DATA_OFFICER],
                profile__la_id=establishment.la_id,
            )
            | Q(profile__role=Role.ADVISER, profile__assigned_establishments=establishment)
            | Q(profile__role__in=SEE_THEIR_SCHOOL, profile__establishment=establishment)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
