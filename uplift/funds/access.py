"""Who may see and keep money. Money is its own permission: an LA officer whose account has
the finance capability (the permission funds.manage_finance, given by a system administrator)
keeps their LA's funds; system administrators keep every LA's. Other roles see no fund;
a headteacher sees their own school's charges, grants and subscriptions through the
commissioning pages."""

from django.db.models import Q, QuerySet

from uplift.accounts.access import is_system_admin, profile_of
from uplift.accounts.models import Role
from uplift.funds.models import Fund

FINANCE_PERMISSION = "funds.manage_finance"


def finance_la_scope(user, path: str = "la_id") -> Q | None:
    """The LAs whose money this user keeps, as a filter on the LA id at `path`: every LA for
    a system administrator, their own for an LA officer with the finance capability, None
    for anyone else."""
    if is_system_admin(user):
        return Q()
    profile = profile_of(user)
    if (
        profile is not None
        and profile.role == Role.LA_OFFICER
        and profile.la_id
        and user.has_perm(FINANCE_PERMISSION)
    ):
        return Q(**{path: profile.la_id})
    return None


def has_finance(user) -> bool:
    return finance_la_scope(user) is not None


def can_keep_money_of(user, la_id: int) -> bool:
    scope = finance_la_scope(user)
    if scope is None:
        return False
    return is_system_admin(user) or profile_of(user).la_id == la_id


def visible_funds(user) -> QuerySet[Fund]:
    scope = finance_la_scope(user)
    return Fund.objects.none() if scope is None else Fund.objects.filter(scope)


def own_la(user):
    """The LA an LA officer with the finance capability keeps money for (None otherwise)."""
    profile = profile_of(user)
    if profile is None or not profile.la_id or finance_la_scope(user) is None:
        return None
    return profile.la
