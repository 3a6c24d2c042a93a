"""Who may manage which people: LA administrators their LA's, system administrators all."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from uplift.accounts.access import (  # noqa: F401 (re-exported for the views)
    administered_la_ids,
    can_manage_people,
    is_system_admin,
)
from uplift.accounts.models import Role
from uplift.core.errors import NotAllowed
from uplift.schools.models import LocalAuthority

# Roles that reach beyond one LA: only a system administrator gives them.
NATIONAL_ROLES = {Role.SYSTEM_ADMIN, Role.REGIONAL_VIEWER}


def managed_las(user) -> QuerySet[LocalAuthority]:
    ids = administered_la_ids(user)
    everything = LocalAuthority.objects.order_by("name")
    return everything if ids is None else everything.filter(pk__in=ids)


def in_las(la_ids) -> Q:
    """People belonging to these LAs: a role there, or an invitation from there."""
    return (
        Q(role_grants__la_id__in=la_ids)
        | Q(role_grants__establishment__la_id__in=la_ids)
        | Q(role_grants__group__la_id__in=la_ids)
        | Q(invitations__la_id__in=la_ids)
    )


def manageable_people(user) -> QuerySet:
    everything = get_user_model().objects.all()
    if not can_manage_people(user):
        return everything.none()
    ids = administered_la_ids(user)
    if ids is None:
        return everything
    return everything.filter(pk__in=everything.filter(in_las(ids)).values("pk"))


def check_manages_people(user) -> None:
    if not can_manage_people(user):
        raise NotAllowed("Only LA administrators can manage people")


def check_manages_la(user, la) -> None:
    check_manages_people(user)
    ids = administered_la_ids(user)
    if ids is not None and (la is None or la.pk not in ids):
        raise NotAllowed("You can manage only your own LA's people")


def check_manages_person(user, person) -> None:
    check_manages_people(user)
    if not manageable_people(user).filter(pk=person.pk).exists():
        raise NotAllowed("You can manage only your own LA's people")


def check_may_give(user, role: str) -> None:
    if role in NATIONAL_ROLES and not is_system_admin(user):
        raise NotAllowed("Only a system administrator can give this role")
