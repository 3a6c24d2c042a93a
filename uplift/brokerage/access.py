"""Who reads and changes school-to-school support.

LA officers (their LA's) and system administrators keep the register, raise and broker
requests, agree deployments and keep the ledger. Advisers read their assigned schools'
requests and deployments. A headteacher or chair reads their school's requests and
deployments (received or given by their school) and its credits; a head raises requests for
their own school, comments on sessions and books its shaped sessions. A system leader reads
and logs sessions on the deployments they work on. A board member reads those of their
board's schools.
"""

from django.db.models import Q, QuerySet

from uplift.accounts.access import (
    is_system_admin,
    own_school_id,
    profile_of,
    readable_la_scope,
    school_scope,
    staff_school_scope,
)
from uplift.accounts.models import Role
from uplift.brokerage.models import Deployment, SupportOrganisation, SupportRequest, SystemLeader
from uplift.schools.models import Establishment, LocalAuthority


def managed_las(user) -> QuerySet[LocalAuthority]:
    """The LAs whose school-to-school support this user runs: every LA for a system
    administrator, their own for an LA officer, none for anyone else."""
    if is_system_admin(user):
        return LocalAuthority.objects.all()
    profile = profile_of(user)
    if profile and profile.role == Role.LA_OFFICER and profile.la_id:
        return LocalAuthority.objects.filter(pk=profile.la_id)
    return LocalAuthority.objects.none()


def can_manage(user, la_id) -> bool:
    return managed_las(user).filter(pk=la_id).exists()


def is_leader(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and (
        SystemLeader.objects.filter(user=user).exists()
    )


def register_las(user) -> QuerySet[LocalAuthority] | None:
    """The LAs whose register of organisations and leaders (and good practice) this user
    reads: LA staff and viewers as for the LA overview, a head or chair their school's LA, a
    system leader their organisation's LA. None when the user reads none."""
    scope = readable_la_scope(user)
    if scope is not None:
        return LocalAuthority.objects.filter(scope)
    school = own_school_id(user)
    if school is not None:
        return LocalAuthority.objects.filter(establishments__pk=school)
    if is_leader(user):
        return LocalAuthority.objects.filter(support_organisations__leaders__user=user).distinct()
    return None


def visible_organisations(user) -> QuerySet:
    las = register_las(user)
    if las is None:
        return SupportOrganisation.objects.none()
    return SupportOrganisation.objects.filter(la__in=las.values("pk"))


def visible_leaders(user) -> QuerySet:
    las = register_las(user)
    if las is None:
        return SystemLeader.objects.none()
    return SystemLeader.objects.filter(organisation__la__in=las.values("pk"))


def _school_reach(user, path: str) -> Q | None:
    """Staff's schools; a head's or chair's own; a board member's board schools."""
    scope = staff_school_scope(user, path)
    if scope is not None:
        return scope
    school = own_school_id(user)
    if school is not None:
        return Q(**{f"{path}_id" if path else "pk": school})
    profile = profile_of(user)
    if profile is not None and profile.role == Role.BOARD_MEMBER:
        return school_scope(user, path)
    return None


def _any(model, filters: list[Q]) -> QuerySet:
    """The model's rows matching any of the filters (an empty Q matches every row; no
    filters, none)."""
    if not filters:
        return model.objects.none()
    if any(not f for f in filters):
        return model.objects.all()
    combined = filters[0]
    for more in filters[1:]:
        combined |= more
    return model.objects.filter(combined)


def reads_support(user) -> bool:
    """Whether the user's role reads any school-to-school support at all (others are refused
    rather than shown empty lists)."""
    return (
        register_las(user) is not None
        or _school_reach(user, "establishment") is not None
        or is_leader(user)
    )


def visible_requests(user) -> QuerySet:
    reach = _school_reach(user, "establishment")
    filters = [] if reach is None else [reach]
    if is_leader(user):
        filters.append(Q(pk__in=Deployment.objects.filter(leader__user=user).values("request_id")))
    return _any(SupportRequest, filters)


def visible_deployments(user) -> QuerySet:
    """Deployments received by the schools the user reaches, given by their own school, or
    worked on by them as a system leader."""
    reach = _school_reach(user, "establishment")
    filters = [] if reach is None else [reach]
    school = own_school_id(user)
    if school is not None:
        filters.append(Q(organisation__establishment_id=school))
    if getattr(user, "is_authenticated", False):
        filters.append(Q(leader__user=user))
    return _any(Deployment, filters)


def can_raise_request(user, establishment) -> bool:
    """Officers for their LA's schools; a headteacher for their own school."""
    if can_manage(user, establishment.la_id):
        return True
    profile = profile_of(user)
    return bool(
        profile
        and profile.role == Role.HEADTEACHER
        and profile.establishment_id == establishment.pk
    )


def can_log_session(user, deployment) -> bool:
    """The deployment's leader, or an officer of its LA."""
    if deployment.leader.user_id and deployment.leader.user_id == getattr(user, "pk", None):
        return True
    return can_manage(user, deployment.establishment.la_id)


def can_comment(user, deployment) -> bool:
    """The headteacher of the school receiving support."""
    profile = profile_of(user)
    return bool(
        profile
        and profile.role == Role.HEADTEACHER
        and profile.establishment_id == deployment.establishment_id
    )


def credit_schools(user) -> QuerySet[Establishment] | None:
    """The schools whose credits statement the user reads: staff's schools and a head's or
    chair's own. None for roles that read none."""
    reach = _school_reach(user, "")
    return None if reach is None else Establishment.objects.filter(reach)
