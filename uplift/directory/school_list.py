"""Reads behind the school pages: each in a fixed number of queries, whatever the data size.

Every function takes the queryset of schools the user may see (from
the app's access module) and never widens it.
"""

from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone

from uplift.core.csv_files import safe_cell
from uplift.inspections.models import Inspection
from uplift.inspections.selectors import (
    GRADED_KINDS,
    grade_summary,
    latest_graded_inspections,
    latest_ungraded_inspections,
)
from uplift.schools.models import (
    Establishment,
    GroupKind,
    GroupMembership,
    LocalAuthority,
    PhaseGroup,
    SchoolGroup,
)

# Sort keys of the school list and the column each sorts by.
SORTS = {
    "name": "name",
    "urn": "urn",
    "la": "la__name",
    "type": "type_name",
    "pupils": "pupils",
    "grade": "latest_grade",
}
DEFAULT_SORT = "name"


class Outcome:
    """The school list's "latest Ofsted outcome" filter: what the school's most recent
    graded or report-card inspection gave."""

    NO_OVERALL_GRADE = "areas"
    REPORT_CARD = "report_card"
    NOT_GRADED = "none"
    CHOICES = (
        ("1", "Outstanding"),
        ("2", "Good"),
        ("3", "Requires improvement (satisfactory before September 2012)"),
        ("4", "Inadequate"),
        (NO_OVERALL_GRADE, "Graded by area, no overall grade (September 2024 to November 2025)"),
        (REPORT_CARD, "Report card (from November 2025)"),
        (NOT_GRADED, "No graded inspection"),
    )
    VALUES = frozenset(value for value, _ in CHOICES)


def _positive_int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() and len(text) < 10 else None


@dataclass(frozen=True)
class SchoolFilters:
    """The school list's query string, cleaned: unknown values are ignored, not errors."""

    q: str = ""
    la: str = ""
    phase_group: str = ""
    type: str = ""
    outcome: str = ""
    trust: int | None = None
    group: int | None = None
    status: str = ""
    sort: str = DEFAULT_SORT

    @classmethod
    def from_query(cls, query) -> "SchoolFilters":
        sort = query.get("sort", DEFAULT_SORT)
        phase = query.get("phase_group", "")
        outcome = query.get("outcome", "")
        return cls(
            q=query.get("q", "").strip()[:200],
            la=query.get("la", "").strip()[:3],
            phase_group=phase if phase in PhaseGroup.values else "",
            type=query.get("type", "").strip()[:100],
            outcome=outcome if outcome in Outcome.VALUES else "",
            trust=_positive_int(query.get("trust", "")),
            group=_positive_int(query.get("group", "")),
            status=query.get("status", "").strip()[:60],
            sort=sort if sort.lstrip("-") in SORTS else DEFAULT_SORT,
        )

    @property
    def sort_key(self) -> str:
        return self.sort.lstrip("-")

    @property
    def descending(self) -> bool:
        return self.sort.startswith("-")


def _latest_grading() -> QuerySet:
    return Inspection.objects.filter(
        establishment_id=OuterRef("pk"), kind__in=GRADED_KINDS
    ).order_by("-start_date", "-id")


def with_latest_outcome(schools: QuerySet[Establishment]) -> QuerySet[Establishment]:
    """Annotate each school with its latest graded or report-card inspection's overall
    grade, framework and kind (all None when it was never graded)."""
    latest = _latest_grading()
    return schools.annotate(
        latest_grade=Subquery(latest.values("overall_grade")[:1]),
        latest_framework=Subquery(latest.values("framework")[:1]),
        latest_kind=Subquery(latest.values("kind")[:1]),
    )


def _current_memberships_of(group_id: int) -> QuerySet:
    today = timezone.localdate()
    return GroupMembership.objects.filter(
        Q(joined_on__isnull=True) | Q(joined_on__lte=today),
        Q(left_on__isnull=True) | Q(left_on__gte=today),
        group_id=group_id,
    ).values("establishment_id")


def _outcome_condition(outcome: str) -> Q:
    if outcome == Outcome.NOT_GRADED:
        return Q(latest_kind__isnull=True)
    if outcome == Outcome.REPORT_CARD:
        return Q(latest_kind="report_card")
    if outcome == Outcome.NO_OVERALL_GRADE:
        return Q(latest_grade__isnull=True, latest_kind="graded")
    return Q(latest_grade=int(outcome))


def filter_schools(visible: QuerySet[Establishment], filters: SchoolFilters) -> QuerySet:
    """The visible schools matching the filters, sorted, with their LA and trust joined
    and their latest outcome annotated (see with_latest_outcome)."""
    schools = with_latest_outcome(visible.select_related("la", "trust"))
    if filters.q:
        q = filters.q
        by_name = Q(name__icontains=q)
        schools = schools.filter(by_name | Q(urn=int(q)) if q.isdigit() else by_name)
    if filters.la:
        schools = schools.filter(la__code=filters.la)
    if filters.phase_group:
        schools = schools.filter(phase_group=filters.phase_group)
    if filters.type:
        schools = schools.filter(type_name=filters.type)
    if filters.outcome:
        schools = schools.filter(_outcome_condition(filters.outcome))
    if filters.trust is not None:
        schools = schools.filter(trust_id=filters.trust)
    if filters.group is not None:
        schools = schools.filter(pk__in=_current_memberships_of(filters.group))
    if filters.status:
        schools = schools.filter(status=filters.status)
    column = F(SORTS[filters.sort_key])
    first = column.desc(nulls_last=True) if filters.descending else column.asc(nulls_last=True)
    if filters.sort_key == "name":  # schools known only by URN go last either way
        nameless = ExpressionWrapper(Q(name=""), output_field=BooleanField())
        return schools.order_by(nameless.asc(), first, "urn")
    return schools.order_by(first, "name", "urn")


# The filters' options, each one query over the visible schools.


def la_choices(visible: QuerySet[Establishment]) -> list[LocalAuthority]:
    return list(LocalAuthority.objects.filter(pk__in=visible.values("la_id")).order_by("name"))


def status_choices(visible: QuerySet[Establishment]) -> list[str]:
    statuses = visible.exclude(status="").order_by("status").values_list("status", flat=True)
    return list(statuses.distinct())


def type_choices(visible: QuerySet[Establishment]) -> list[str]:
    types = visible.exclude(type_name="").order_by("type_name").values_list("type_name", flat=True)
    return list(types.distinct())


def trust_choices(visible: QuerySet[Establishment]) -> list[SchoolGroup]:
    return list(SchoolGroup.objects.filter(pk__in=visible.values("trust_id")).order_by("name"))


def group_choices(visible: QuerySet[Establishment]) -> list[SchoolGroup]:
    """Groups other than trusts (those have their own filter) with a visible member today."""
    today = timezone.localdate()
    current = GroupMembership.objects.filter(
        Q(joined_on__isnull=True) | Q(joined_on__lte=today),
        Q(left_on__isnull=True) | Q(left_on__gte=today),
        establishment__in=visible,
    ).values("group_id")
    return list(
        SchoolGroup.objects.filter(pk__in=current)
        .exclude(kind=GroupKind.TRUST)
        .order_by("name", "kind")
    )


# The CSV download of the filtered list

CSV_HEADER = (
    "URN",
    "LAESTAB",
    "Name",
    "Local authority",
    "Phase group",
    "Type",
    "Status",
    "Pupils",
    "Trust",
    "Latest graded inspection",
    "Framework",
    "Grades",
    "Category of concern",
    "Latest ungraded inspection",
    "Ungraded outcome",
)


def csv_rows(schools: QuerySet[Establishment]) -> list[tuple]:
    """One row per school of `schools` (a filtered list, in its order) with its latest
    graded and ungraded inspections. Five queries, whatever the number of schools."""
    listed = list(schools)
    # The queryset, not the list: its ids stay a subquery however many schools match.
    graded = latest_graded_inspections(establishments=schools)
    ungraded = latest_ungraded_inspections(establishments=schools)
    rows = []
    for school in listed:
        latest = graded.get(school.pk)
        other = ungraded.get(school.pk)
        concern = (
            latest.get_category_of_concern_display()
            if latest and latest.category_of_concern
            else ""
        )
        values = (
            school.urn,
            school.laestab,
            school.name,
            school.la.name if school.la else "",
            school.get_phase_group_display(),
            school.type_name,
            school.status,
            school.pupils,
            school.trust.name if school.trust else "",
            latest.start_date if latest else None,
            latest.get_framework_display() if latest else "",
            grade_summary(latest) if latest else "",
            concern,
            other.start_date if other else None,
            other.outcome if other else "",
        )
        rows.append(tuple(safe_cell(value) for value in values))
    return rows


# The school page


# Inspection history as a timeline


# Key measures: a 3-year trend against the LA and England, drawn as a chart
