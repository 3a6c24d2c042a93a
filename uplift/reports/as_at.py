"""Each school's Ofsted picture on a chosen day, rebuilt from the accumulated inspection history.

The rules every LA report follows (documented on the report pages too):

* A school counts when it was open on the day: not opened later (`open_date`), not closed
  on or before it (`close_date`). Without a closing date, a status of "Closed" leaves the
  school out, and "Proposed to open" does unless an opening date on or before the day is
  known. The register keeps one pupil number per school (the latest), so past pictures
  use today's pupil numbers.
* An inspection counts from its publication date when known, else from its start date:
  on a day between the visit and the report, the previous grade still stands.
* The grade is that of the latest graded or report-card inspection counting on the day
  (latest by start date). Ungraded and monitoring inspections never change it. When no
  graded inspection is on file, an ungraded inspection counting on the day whose outcome
  says "School remains Good" (or another grade) confirms the grade that stands, set by a
  graded inspection the data no longer carries: the school counts under that grade, marked
  as confirmed by an ungraded inspection.
* Independent schools are not counted (Ofsted inspects them under another framework), nor
  are 16 to 19 providers and establishments of no known phase. All-through schools are
  counted with secondary schools, as DfE counts them.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from uplift.inspections.frameworks import FOUR_POINT_WORDS
from uplift.inspections.models import Inspection, InspectionKind
from uplift.inspections.selectors import GRADED_KINDS
from uplift.schools.models import Establishment, PhaseGroup

# The phases LA reports break down by, in the order they are shown.
REPORTED_PHASES = (
    PhaseGroup.PRIMARY,
    PhaseGroup.SECONDARY,
    PhaseGroup.SPECIAL,
    PhaseGroup.NURSERY,
    PhaseGroup.PRU_AP,
)
COUNTED_WITH = {PhaseGroup.ALL_THROUGH: PhaseGroup.SECONDARY}
PHASE_LABELS = {
    **{phase.value: phase.label for phase in REPORTED_PHASES},
    PhaseGroup.SECONDARY.value: "Secondary (with all-through)",
}


def open_on(day: date) -> Q:
    """Establishments open on `day` (see the module docstring)."""
    opened = Q(open_date__isnull=True) | Q(open_date__lte=day)
    not_closed = Q(close_date__gt=day) | (
        Q(close_date__isnull=True) & ~Q(status__istartswith="closed")
    )
    not_proposed = ~Q(status__istartswith="proposed to open") | Q(open_date__lte=day)
    return opened & not_closed & not_proposed


def _is_independent(type_name: str, type_group: str) -> bool:
    return "independent" in f"{type_name} {type_group}".lower()


def reported_phase(phase_group: str, type_name: str = "", type_group: str = "") -> str | None:
    """The phase a school is reported under, or None when LA reports leave it out."""
    if _is_independent(type_name, type_group):
        return None
    phase = COUNTED_WITH.get(phase_group, phase_group)
    return phase if phase in REPORTED_PHASES else None


def counting_by(day: date) -> QuerySet[Inspection]:
    """Inspections counting on `day`, newest first."""
    return (
        Inspection.objects.annotate(counts_from=Coalesce("publication_date", "start_date"))
        .filter(counts_from__lte=day)
        .order_by("-start_date", "-id")
    )


def graded_by(day: date) -> QuerySet[Inspection]:
    """Graded and report-card inspections counting on `day`, newest first."""
    return counting_by(day).filter(kind__in=GRADED_KINDS)


_REMAINS = re.compile(r"^school remains ([a-z ]+?)\s*(?:\(|-|$)")


def confirmed_grade(outcome: str) -> int | None:
    """The grade an ungraded inspection's outcome confirms: 'School remains Good
    (Concerns) - S5 Next' -> 2; None for any other outcome."""
    match = _REMAINS.match(" ".join(outcome.lower().split()))
    grade = FOUR_POINT_WORDS.get(match.group(1)) if match else None
    return int(grade) if grade else None


@dataclass(frozen=True)
class SchoolOnDay:
    pk: int
    phase: str | None  # the reported phase; None for schools LA reports leave out
    pupils: int | None
    inspection_id: int | None  # the latest graded inspection counting on the day
    framework: str
    overall_grade: int | None
    safeguarding: str
    inspected_on: date | None = None  # the start date of `inspection_id`
    confirmed: bool = False  # grade confirmed by an ungraded inspection (inspection_id is it)

    @property
    def inspected(self) -> bool:
        return self.inspection_id is not None


def with_latest_graded(schools: QuerySet[Establishment], day: date) -> QuerySet:
    """`schools` open on `day`, each annotated with its latest graded inspection counting on
    the day: latest_id, latest_framework, latest_grade, latest_safeguarding."""
    latest = graded_by(day).filter(establishment_id=OuterRef("pk"))
    return (
        schools.filter(open_on(day))
        .order_by()
        .annotate(
            latest_id=Subquery(latest.values("id")[:1]),
            latest_framework=Subquery(latest.values("framework")[:1]),
            latest_grade=Subquery(latest.values("overall_grade")[:1]),
            latest_safeguarding=Subquery(latest.values("safeguarding")[:1]),
            latest_start=Subquery(latest.values("start_date")[:1]),
        )
    )


def _with_latest_remains(schools: QuerySet, day: date) -> QuerySet:
    remains = counting_by(day).filter(
        establishment_id=OuterRef("pk"),
        kind=InspectionKind.UNGRADED,
        outcome__istartswith="school remains",
    )
    return schools.annotate(
        remains_id=Subquery(remains.values("id")[:1]),
        remains_framework=Subquery(remains.values("framework")[:1]),
        remains_outcome=Subquery(remains.values("outcome")[:1]),
        remains_start=Subquery(remains.values("start_date")[:1]),
    )


def schools_on(*, schools: QuerySet[Establishment], day: date) -> list[SchoolOnDay]:
    """Every school of `schools` open on `day` with its latest graded inspection then.
    One query, whatever the number of schools."""
    rows = _with_latest_remains(with_latest_graded(schools, day), day).values_list(
        "pk",
        "phase_group",
        "type_name",
        "type_group",
        "pupils",
        "latest_id",
        "latest_framework",
        "latest_grade",
        "latest_safeguarding",
        "latest_start",
        "remains_id",
        "remains_framework",
        "remains_outcome",
        "remains_start",
    )
    return [_school_on_day(*row) for row in rows]


def _school_on_day(
    pk,
    phase_group,
    type_name,
    type_group,
    pupils,
    latest_id,
    framework,
    grade,
    safeguarding,
    latest_start,
    remains_id,
    remains_framework,
    remains_outcome,
    remains_start,
) -> SchoolOnDay:
    phase = reported_phase(phase_group, type_name, type_group)
    confirmed = confirmed_grade(remains_outcome or "") if latest_id is None else None
    if confirmed is not None:
        return SchoolOnDay(
            pk, phase, pupils, remains_id, remains_framework, confirmed, "", remains_start, True
        )
    return SchoolOnDay(
        pk, phase, pupils, latest_id, framework or "", grade, safeguarding or "", latest_start
    )
