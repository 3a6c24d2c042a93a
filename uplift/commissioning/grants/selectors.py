"""Reading grant schemes and applications through the user's scope."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from uplift.commissioning.access import visible_applications, visible_schemes
from uplift.commissioning.models import (
    ApplicationStatus,
    GrantApplication,
    GrantClaim,
    GrantScheme,
)


def schemes(*, user) -> QuerySet[GrantScheme]:
    return (
        visible_schemes(user)
        .select_related("fund")
        .annotate(
            applied=Count("applications"),
            awarded=Count("applications", filter=Q(applications__status=ApplicationStatus.AWARDED)),
        )
        .order_by("-closes_on", "name", "id")
    )


def scheme_for(*, user, pk: int) -> GrantScheme:
    return get_object_or_404(visible_schemes(user).select_related("fund", "la"), pk=pk)


def applications(*, user, scheme: GrantScheme | None = None) -> QuerySet[GrantApplication]:
    found = visible_applications(user).select_related("scheme", "establishment")
    if scheme is not None:
        found = found.filter(scheme=scheme)
    return found.order_by("-submitted_at", "id")


def application_for(*, user, pk: int) -> GrantApplication:
    return get_object_or_404(
        applications(user=user).select_related(
            "scheme__fund", "scheme__la", "establishment__la", "decided_by", "submitted_by"
        ),
        pk=pk,
    )


def conditions(*, application) -> QuerySet:
    return application.conditions.order_by("id")


def claims(*, application) -> QuerySet:
    return application.claims.select_related("decided_by", "payment").order_by("submitted_at", "id")


def claim_for(*, user, pk: int):
    from_scope = GrantClaim.objects.filter(application__in=visible_applications(user))
    return get_object_or_404(
        from_scope.select_related(
            "application__scheme__fund",
            "application__scheme__la",
            "application__establishment__la",
            "application__commitment",
            "decided_by",
            "submitted_by",
        ),
        pk=pk,
    )


def claims_of_la(*, la, status: str | None = None) -> QuerySet[GrantClaim]:
    """The claims against the LA's grant awards (for the trusted command line)."""
    found = GrantClaim.objects.filter(application__scheme__la=la)
    if status:
        found = found.filter(status=status)
    return found.select_related("application__scheme", "application__establishment").order_by(
        "submitted_at", "id"
    )
