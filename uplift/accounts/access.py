"""Who a signed-in user is, and which schools their roles reach: the primitives every app's
own access rules are built from.

A user holds one or more roles (RoleGrant); what they reach is the union of their grants.
The schools a role reaches are given as a filter (a Q object) on a path to an establishment,
so each app applies it to its own records (`visible_cases` filters cases on "establishment",
letters on "case__establishment"). A role whose reach is decided elsewhere (a board member's:
the schools of their board) registers a provider with `register_school_scope` from its app's
ready(); the provider receives the grant (role, la_id, establishment_id, group_id).
Likewise a higher app may widen who reads a lower app's confidential records of a kind
("support", "cases") with `register_record_scope`; the lower app asks `record_scope`.
"""

from collections.abc import Callable
from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from uplift.accounts import signals
from uplift.accounts.models import Profile, Role, RoleGrant

SEE_EVERY_SCHOOL = {Role.SYSTEM_ADMIN, Role.REGIONAL_VIEWER}
SEE_THEIR_LA = {Role.LA_OFFICER, Role.DATA_OFFICER, Role.ADVISER, Role.LA_ADMIN}
SEE_THEIR_SCHOOL = {Role.HEADTEACHER, Role.CHAIR_OF_GOVERNORS}

ScopeProvider = Callable[[RoleGrant, str], Q | None]
_SCHOOL_SCOPES: dict[str, ScopeProvider] = {}


def register_school_scope(role: str, provider: ScopeProvider) -> None:
    """Let an app decide which schools a role reaches: provider(grant, path) -> Q or None."""
    _SCHOOL_SCOPES[role] = provider


RecordScopeProvider = Callable[[object, str], Q | None]
_RECORD_SCOPES: dict[str, dict[str, RecordScopeProvider]] = {}


def register_record_scope(kind: str, provider: RecordScopeProvider) -> None:
    """Let a higher app widen whose records of a kind ("support", "cases") a user reads:
    provider(user, path) -> a filter on the establishment at `path`, or None."""
    key = f"{provider.__module__}.{provider.__qualname__}"
    _RECORD_SCOPES.setdefault(kind, {})[key] = provider


def record_scope(user, kind: str, path: str = "") -> Q | None:
    """The schools whose records of `kind` the registered providers let the user read, beyond
    their role's own reach; None when none do."""
    if user is None or not user.is_authenticated:
        return None
    found = (provider(user, path) for provider in _RECORD_SCOPES.get(kind, {}).values())
    return _union([q for q in found if q is not None])


def at(path: str, lookup: str) -> str:
    """The lookup `lookup` of the establishment at `path` ("" for the establishment itself)."""
    return f"{path}__{lookup}" if path else lookup


def profile_of(user):
    """The user's Profile (their primary role), or None (anonymous users, users without)."""
    if user is None or not user.is_authenticated:
        return None
    return getattr(user, "profile", None)


def role_of(user) -> str | None:
    profile = profile_of(user)
    return profile.role if profile is not None else None


def grants_of(user) -> list[RoleGrant]:
    """The roles the user holds (primary first); one query per change of any grant."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    cached = getattr(user, "_uplift_grants", None)
    if cached is not None and cached[0] == signals.generation(user.pk):
        return cached[1]
    grants = list(RoleGrant.objects.filter(user_id=user.pk).order_by("-primary", "pk"))
    user._uplift_grants = (signals.generation(user.pk), grants)
    return grants


def has_role(user, *roles: str) -> bool:
    return any(g.role in roles for g in grants_of(user))


def _union(parts: list[Q]) -> Q | None:
    return reduce(or_, parts) if parts else None


def any_of(*scopes: Q | None) -> Q | None:
    """The union of the scopes given that are not None; None when all are."""
    return _union([scope for scope in scopes if scope is not None])


def _adviser_schools(grants: list[RoleGrant], path: str) -> Q:
    ids = [g.pk for g in grants]
    through = RoleGrant.schools.through.objects.filter(rolegrant_id__in=ids)
    return Q(**{at(path, "pk__in"): through.values("establishment_id")})


def is_system_admin(user) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or has_role(user, Role.SYSTEM_ADMIN)


def is_la_officer(user) -> bool:
    return any(g.role == Role.LA_OFFICER and g.la_id for g in grants_of(user))


def administered_la_ids(user) -> set[int] | None:
    """The LAs whose people this user manages: None for every LA (system administrators),
    their LAs for an LA administrator, none for anyone else."""
    if is_system_admin(user):
        return None
    return {g.la_id for g in grants_of(user) if g.role == Role.LA_ADMIN and g.la_id}


def can_manage_people(user) -> bool:
    return is_system_admin(user) or bool(administered_la_ids(user))


def can_import(user) -> bool:
    """Data officers, system administrators and superusers may import files."""
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or any(g.can_import for g in grants_of(user))


def can_read_history(user) -> bool:
    """The audit trail is for LA officers (their LA's objects) and system administrators."""
    return is_system_admin(user) or is_la_officer(user)


def own_school_id(user) -> int | None:
    """The school of a headteacher or chair of governors (their first such grant)."""
    for grant in grants_of(user):
        if grant.role in SEE_THEIR_SCHOOL and grant.establishment_id:
            return grant.establishment_id
    return None


def school_scope(user, path: str = "") -> Q | None:
    """The schools this user may read, as a filter on the establishment at `path`: every
    school for system administrators and regional viewers, their LA's for LA staff, their
    own for a headteacher or chair, a registered provider's answer for other roles; the
    union over the user's roles. None when the user may read no school."""
    if user is None or not user.is_authenticated:
        return None
    if user.is_superuser:
        return Q()
    parts = []
    for grant in grants_of(user):
        if grant.role in SEE_EVERY_SCHOOL:
            return Q()
        if grant.role in SEE_THEIR_LA and grant.la_id:
            parts.append(Q(**{at(path, "la_id"): grant.la_id}))
        elif grant.role in SEE_THEIR_SCHOOL and grant.establishment_id:
            parts.append(Q(**{at(path, "pk"): grant.establishment_id}))
        elif grant.role == Role.ADVISER:  # an adviser of no LA: their assigned schools
            parts.append(_adviser_schools([grant], path))
        elif (provider := _SCHOOL_SCOPES.get(grant.role)) is not None:
            if (found := provider(grant, path)) is not None:
                parts.append(found)
    return _union(parts)


def staff_school_scope(user, path: str = "") -> Q | None:
    """The schools whose confidential records (cases, visits, plans) LA staff may read, as a
    filter on the establishment at `path`: all for a system administrator, their LA's for
    an LA officer, their assigned schools for an adviser. None for anyone else."""
    if is_system_admin(user):
        return Q()
    grants = grants_of(user)
    parts = [
        Q(**{at(path, "la_id"): g.la_id}) for g in grants if g.role == Role.LA_OFFICER and g.la_id
    ]
    advisers = [g for g in grants if g.role == Role.ADVISER]
    if advisers:
        parts.append(_adviser_schools(advisers, path))
    return _union(parts)


def officer_la_scope(user) -> Q | None:
    """The LAs whose policies, rounds and casework this user runs, as a filter on LAs: every
    LA for a system administrator, their own for an LA officer, None for anyone else."""
    if is_system_admin(user):
        return Q()
    ids = {g.la_id for g in grants_of(user) if g.role == Role.LA_OFFICER and g.la_id}
    return Q(pk__in=sorted(ids)) if ids else None


def readable_la_scope(user) -> Q | None:
    """The LAs whose overview this user may read, as a filter on LAs: every LA for system
    administrators and regional viewers, their own for LA staff, None for anyone else."""
    if user is None or not user.is_authenticated:
        return None
    if user.is_superuser or has_role(user, *SEE_EVERY_SCHOOL):
        return Q()
    ids = {g.la_id for g in grants_of(user) if g.role in SEE_THEIR_LA and g.la_id}
    return Q(pk__in=sorted(ids)) if ids else None


def assignable_advisers(user) -> QuerySet[Profile]:
    """Advisers whose assigned schools this user may change: their LA's, for an LA officer."""
    advisers = Profile.objects.filter(role=Role.ADVISER)
    if is_system_admin(user):
        return advisers
    ids = {g.la_id for g in grants_of(user) if g.role == Role.LA_OFFICER and g.la_id}
    return advisers.filter(la_id__in=ids) if ids else advisers.none()


def people_of_school(establishment) -> QuerySet:
    """Active users who work with the school: its LA's officers and data officers, its
    assigned advisers, its headteacher and chair of governors."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(
                role_grants__role__in=[Role.LA_OFFICER, Role.DATA_OFFICER],
                role_grants__la_id=establishment.la_id,
            )
            | Q(role_grants__role=Role.ADVISER, role_grants__schools=establishment)
            | Q(role_grants__role__in=SEE_THEIR_SCHOOL, role_grants__establishment=establishment)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
