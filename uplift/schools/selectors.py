"""Read queries over the register, shaped for the pages and exports that show them."""

from dataclasses import dataclass

from django.db.models import (
    Count,
    Q,
    QuerySet,
)
from django.utils import timezone

from uplift.schools.models import (
    Establishment,
    EstablishmentLink,
    GroupMembership,
    LocalAuthority,
)


@dataclass(frozen=True)
class LinkedSchool:
    link: EstablishmentLink
    visible: bool  # whether the user may open the linked school's page


def linked_schools(establishment, visible: QuerySet[Establishment]) -> list[LinkedSchool]:
    links = list(EstablishmentLink.objects.filter(urn=establishment.urn))
    openable = set(
        visible.filter(urn__in=[link.linked_urn for link in links]).values_list("urn", flat=True)
    )
    return [LinkedSchool(link, link.linked_urn in openable) for link in links]


def memberships(establishment) -> list[GroupMembership]:
    """Every group membership of the school, current ones first, then the latest joined."""
    today = timezone.localdate()
    found = list(
        establishment.memberships.select_related("group").order_by("-joined_on", "group__name")
    )
    for membership in found:
        membership.is_current = membership.is_current_on(today)
    return sorted(found, key=lambda m: not m.is_current)


def is_open(prefix: str = "") -> Q:
    """Establishments neither closed nor only proposed to open (GIAS statuses; an empty
    status, as from the performance tables, counts as open unless a past closing date is
    known). `prefix` reaches them through a relation, e.g. "establishments__"."""
    today = timezone.localdate()
    return (
        ~Q(**{f"{prefix}status__istartswith": "closed"})
        & ~Q(**{f"{prefix}status__istartswith": "proposed to open"})
        & (Q(**{f"{prefix}close_date__isnull": True}) | Q(**{f"{prefix}close_date__gt": today}))
    )


def open_establishments(schools: QuerySet[Establishment]) -> QuerySet[Establishment]:
    return schools.filter(is_open())


def las_with_open_schools(las: QuerySet[LocalAuthority]) -> list[LocalAuthority]:
    """The LAs of `las` with at least one open establishment, by name, each annotated with
    `open_schools`. One query."""
    counted = las.annotate(open_schools=Count("establishments", filter=is_open("establishments__")))
    return list(counted.filter(open_schools__gt=0).order_by("name"))
