"""Reads behind the school pages: each in a fixed number of queries, whatever the data size."""

from dataclasses import dataclass

from django.db.models import F, QuerySet

from uplift.performance.models import Level, Measure
from uplift.performance.selectors import MeasureTrend, school_trend
from uplift.schools.models import (
    Establishment,
    EstablishmentLink,
    GroupMembership,
    LocalAuthority,
    PhaseGroup,
)

SORTS = ("name", "urn", "pupils")
YEARS_SHOWN = 5  # academic years of each performance measure on a school's page
DEFAULT_SORT = "name"


@dataclass(frozen=True)
class SchoolFilters:
    """The school list's query string, cleaned: unknown values are ignored, not errors."""

    q: str = ""
    la: str = ""
    phase_group: str = ""
    status: str = ""
    sort: str = DEFAULT_SORT

    @classmethod
    def from_query(cls, query) -> "SchoolFilters":
        sort = query.get("sort", DEFAULT_SORT)
        phase = query.get("phase_group", "")
        return cls(
            q=query.get("q", "").strip()[:200],
            la=query.get("la", "").strip()[:3],
            phase_group=phase if phase in PhaseGroup.values else "",
            status=query.get("status", "").strip()[:60],
            sort=sort if sort.lstrip("-") in SORTS else DEFAULT_SORT,
        )

    @property
    def sort_key(self) -> str:
        return self.sort.lstrip("-")

    @property
    def descending(self) -> bool:
        return self.sort.startswith("-")


def filter_schools(visible: QuerySet[Establishment], filters: SchoolFilters):
    """The visible schools matching the filters, sorted, with their LA joined."""
    schools = visible.select_related("la")
    if filters.q:
        q = filters.q
        schools = schools.filter(urn=int(q)) if q.isdigit() else schools.filter(name__icontains=q)
    if filters.la:
        schools = schools.filter(la__code=filters.la)
    if filters.phase_group:
        schools = schools.filter(phase_group=filters.phase_group)
    if filters.status:
        schools = schools.filter(status=filters.status)
    column = F(filters.sort_key)
    first = column.desc(nulls_last=True) if filters.descending else column.asc(nulls_last=True)
    return schools.order_by(first, "name", "urn")


def la_choices(visible: QuerySet[Establishment]) -> list[LocalAuthority]:
    return list(LocalAuthority.objects.filter(pk__in=visible.values("la_id")).order_by("name"))


def status_choices(visible: QuerySet[Establishment]) -> list[str]:
    statuses = visible.exclude(status="").order_by("status").values_list("status", flat=True)
    return list(statuses.distinct())


# The school page


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
    return list(
        establishment.memberships.select_related("group").order_by("-joined_on", "group__name")
    )


def performance(establishment) -> list[MeasureTrend]:
    """Every measure the school has results for (by dataset, then label), each with its
    recent years beside the LA's and England's results."""
    codes = (
        Measure.objects.filter(results__establishment=establishment, results__level=Level.SCHOOL)
        .order_by("dataset", "label", "code")
        .values_list("code", flat=True)
        .distinct()
    )
    return school_trend(establishment=establishment, measure_codes=list(codes), years=YEARS_SHOWN)
