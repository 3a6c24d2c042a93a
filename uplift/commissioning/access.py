"""Who sees commissions, grants and traded services. Money is its own permission
(uplift.funds.access): an LA officer with the finance capability keeps their LA's providers,
commissions, schemes and subscriptions; a system administrator keeps every LA's. A
headteacher or chair sees their own school's grant applications, subscriptions and charges,
and the schemes of their school's LA; a headteacher applies for grants. Everyone else sees
none of it."""

from django.db.models import QuerySet

from uplift.accounts.access import own_school_id, profile_of
from uplift.accounts.models import Role
from uplift.commissioning.models import (
    Commission,
    GrantApplication,
    GrantScheme,
    Provider,
    Subscription,
    TradedService,
)
from uplift.funds.access import can_keep_money_of, finance_la_scope, has_finance
from uplift.schools.models import Establishment

__all__ = ["can_keep_money_of", "has_finance"]


def _own_school(user) -> Establishment | None:
    school = own_school_id(user)
    return None if school is None else Establishment.objects.filter(pk=school).first()


def _scoped(model, user, la_path: str, school_path: str | None) -> QuerySet:
    scope = finance_la_scope(user, la_path)
    if scope is not None:
        return model.objects.filter(scope)
    school = own_school_id(user)
    if school is not None and school_path is not None:
        return model.objects.filter(**{school_path: school})
    return model.objects.none()


def visible_providers(user) -> QuerySet[Provider]:
    return _scoped(Provider, user, "la_id", None)


def visible_commissions(user) -> QuerySet[Commission]:
    return _scoped(Commission, user, "la_id", None)


def visible_services(user) -> QuerySet[TradedService]:
    scope = finance_la_scope(user)
    if scope is None:
        school = _own_school(user)
        return (
            TradedService.objects.none()
            if school is None
            else TradedService.objects.filter(la_id=school.la_id)
        )
    return _scoped(TradedService, user, "la_id", None)


def visible_subscriptions(user) -> QuerySet[Subscription]:
    return _scoped(Subscription, user, "service__la_id", "establishment_id")


def visible_applications(user) -> QuerySet[GrantApplication]:
    return _scoped(GrantApplication, user, "scheme__la_id", "establishment_id")


def visible_schemes(user) -> QuerySet[GrantScheme]:
    """Finance officers their LA's schemes; a head or chair their school's LA's."""
    if finance_la_scope(user) is not None:
        return _scoped(GrantScheme, user, "la_id", None)
    school = _own_school(user)
    if school is None:
        return GrantScheme.objects.none()
    return GrantScheme.objects.filter(la_id=school.la_id)


def can_apply_for_grant(user, scheme: GrantScheme) -> bool:
    """The headteacher of a school in the scheme's LA."""
    profile = profile_of(user)
    return bool(
        profile
        and profile.role == Role.HEADTEACHER
        and profile.establishment_id
        and Establishment.objects.filter(pk=profile.establishment_id, la_id=scheme.la_id).exists()
    )


def reads_money(user) -> bool:
    """Whether the user may open the money pages at all (else 403)."""
    return has_finance(user) or own_school_id(user) is not None
