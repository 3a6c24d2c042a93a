"""Who reads and keeps which governing bodies.

The LA's governor services (its officers) keep every governing body of their LA's schools
and alone record the LA's rating; system administrators keep every body. LA staff read their
LA's, regional viewers read every LA's. A headteacher or chair of governors reads and keeps
their own school's body (its governors, constitution, clerk and training)."""

from django.db.models import Q, QuerySet

from uplift.accounts.access import (
    SEE_THEIR_SCHOOL,
    grants_of,
    is_system_admin,
    officer_la_scope,
    readable_la_scope,
)
from uplift.governors.models import GoverningBody
from uplift.schools.models import Establishment, LocalAuthority


def _own_schools(user) -> set[int]:
    return {
        g.establishment_id
        for g in grants_of(user)
        if g.role in SEE_THEIR_SCHOOL and g.establishment_id
    }


def readable_school_scope(user) -> Q | None:
    """The schools whose governing body this user reads, as a filter on establishments."""
    if user is None or not user.is_authenticated:
        return None
    parts = []
    la_scope = readable_la_scope(user)
    if la_scope is not None:
        parts.append(Q(la__in=LocalAuthority.objects.filter(la_scope)))
    if own := _own_schools(user):
        parts.append(Q(pk__in=sorted(own)))
    if not parts:
        return None
    scope = parts[0]
    for part in parts[1:]:
        scope |= part
    return scope


def readable_schools(user) -> QuerySet[Establishment]:
    scope = readable_school_scope(user)
    return Establishment.objects.none() if scope is None else Establishment.objects.filter(scope)


def visible_bodies(user) -> QuerySet[GoverningBody]:
    return GoverningBody.objects.filter(establishment__in=readable_schools(user))


def is_governor_services(user, la_id: int) -> bool:
    """An officer of the LA (its governor services) or a system administrator."""
    scope = officer_la_scope(user)
    return scope is not None and LocalAuthority.objects.filter(scope, pk=la_id).exists()


def can_keep(user, establishment) -> bool:
    """May change the school's governing body: its LA's officers, its head or chair."""
    if is_system_admin(user) or establishment.pk in _own_schools(user):
        return True
    return is_governor_services(user, establishment.la_id)


def runs_governor_services(user) -> bool:
    """Sees the governor services page of an LA (not only their own school)."""
    return readable_la_scope(user) is not None
