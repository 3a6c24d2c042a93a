"""Who reads and runs which partnerships, and the schools a board member reaches.

A partnership is run (members, seats, meetings, votes recorded) by its LA's officers and
system administrators; it is read by them, by its LA's staff, by regional viewers and by
whoever holds one of its seats today. A board member reaches the schools the partnerships
they hold a seat on today are responsible for today, and nothing once their term ends."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from uplift.accounts.access import (
    SEE_EVERY_SCHOOL,
    SEE_THEIR_LA,
    at,
    has_role,
    is_system_admin,
    officer_la_scope,
    profile_of,
)
from uplift.accounts.models import Role
from uplift.partnerships.models import (
    Holding,
    Member,
    MemberKind,
    Partnership,
    Responsibility,
    Sight,
)
from uplift.schools import access as schools_access
from uplift.schools.models import LocalAuthority


def current_holdings(user, day=None) -> QuerySet[Holding]:
    day = day or timezone.localdate()
    return Holding.objects.filter(user=user, starts_on__lte=day, ends_on__gte=day)


def seated_partnership_ids(user, day=None):
    """Ids of the partnerships the user holds a seat on today (a subquery)."""
    return current_holdings(user, day).values("seat__partnership_id")


def responsible_establishment_ids(partnership_ids, day=None):
    """Ids of the schools these partnerships are responsible for today (a subquery)."""
    day = day or timezone.localdate()
    return Responsibility.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=day),
        partnership_id__in=partnership_ids,
        starts_on__lte=day,
    ).values("establishment_id")


def member_school_ids(partnership_id, day=None):
    """Ids of the schools that are members of the partnership today (a subquery)."""
    day = day or timezone.localdate()
    return Member.objects.filter(
        Q(left_on__isnull=True) | Q(left_on__gte=day),
        partnership_id=partnership_id,
        kind=MemberKind.SCHOOL,
        joined_on__lte=day,
    ).values("establishment_id")


def is_responsible_for(partnership, establishment, day=None) -> bool:
    """Whether the partnership is responsible for the school today."""
    ids = responsible_establishment_ids([partnership.pk], day)
    return ids.filter(establishment_id=establishment.pk).exists()


def board_member_scope(profile, path: str) -> Q | None:
    """A board member who has held a seat reaches the schools their partnerships are
    responsible for, while a seat is current; one who never has keeps their group's."""
    if not Holding.objects.filter(user_id=profile.user_id).exists():
        return schools_access.board_member_scope(profile, path)
    partnerships = seated_partnership_ids(profile.user)
    return Q(**{at(path, "pk__in"): responsible_establishment_ids(partnerships)})


# What the LA's operating model lets its partnerships' members see, beyond categories and
# profiles: the sights that include each kind of record.
SIGHTS_OF = {
    "support": (Sight.SUPPORT, Sight.CASES),
    "cases": (Sight.CASES,),
}


def _seated_sight_scope(kind: str, user, path: str) -> Q | None:
    """A board member reads (never changes) the records of `kind` of the schools their
    partnerships are responsible for today, where their LA's operating model grants
    partnerships that sight, while their seat is current."""
    if not has_role(user, Role.BOARD_MEMBER):
        return None
    granted = current_holdings(user).filter(
        seat__partnership__la__operating_model__partnerships_see__in=SIGHTS_OF[kind]
    )
    if not granted.exists():  # so a member without the sight is refused, not shown nothing
        return None
    partnerships = granted.values("seat__partnership_id")
    return Q(**{at(path, "pk__in"): responsible_establishment_ids(partnerships)})


def seated_support_scope(user, path: str) -> Q | None:
    """Visits, action plans and support cycles a board member reads (see _seated_sight_scope)."""
    return _seated_sight_scope("support", user, path)


def seated_case_scope(user, path: str) -> Q | None:
    """Concern cases a board member reads (see _seated_sight_scope)."""
    return _seated_sight_scope("cases", user, path)


def managed_partnerships(user) -> QuerySet[Partnership]:
    """The partnerships this user runs: their LA's for an LA officer, all for an admin."""
    scope = officer_la_scope(user)
    everything = Partnership.objects.all()
    if scope is None:
        return everything.none()
    return everything if is_system_admin(user) else everything.filter(la__in=_las(scope))


def visible_partnerships(user) -> QuerySet[Partnership]:
    """The partnerships this user may read."""
    everything = Partnership.objects.all()
    if user is None or not user.is_authenticated:
        return everything.none()
    if is_system_admin(user):
        return everything
    profile = profile_of(user)
    reach = Q(pk__in=seated_partnership_ids(user))
    if profile is not None and profile.role in SEE_EVERY_SCHOOL:
        return everything
    if profile is not None and profile.role in SEE_THEIR_LA and profile.la_id:
        reach |= Q(la_id=profile.la_id)
    return everything.filter(reach)


def can_manage(user, partnership) -> bool:
    return managed_partnerships(user).filter(pk=partnership.pk).exists()


def holds_current_seat(user, partnership) -> bool:
    return current_holdings(user).filter(seat__partnership=partnership).exists()


def _las(scope: Q):
    return LocalAuthority.objects.filter(scope)
