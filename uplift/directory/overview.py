"""An LA's overview: its open establishments by phase and type, and their latest Ofsted
outcomes, each figure labelled with the framework it comes from.

All counting happens in the database: four queries whatever the number of schools.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, OuterRef, QuerySet, Subquery

from uplift.inspections import frameworks
from uplift.inspections.models import Inspection, Judgement
from uplift.inspections.selectors import GRADED_KINDS
from uplift.schools.models import Establishment, LocalAuthority, PhaseGroup
from uplift.schools.selectors import open_establishments

OVERALL_GRADES = (1, 2, 3, 4)


@dataclass(frozen=True)
class Tally:
    label: str
    count: int


@dataclass(frozen=True)
class FrameworkGrades:
    """How many schools' latest graded inspection was on `framework`, by overall grade."""

    framework: frameworks.Framework
    counts: tuple[int, ...]  # one per OVERALL_GRADES
    not_recorded: int = 0  # the source gave no overall grade

    @property
    def total(self) -> int:
        return sum(self.counts) + self.not_recorded


@dataclass(frozen=True)
class AreaGrades:
    area: frameworks.Area
    counts: tuple[int, ...]  # one per grade of the framework's scale, best first

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class FrameworkAreas:
    """For a framework without an overall grade: how many schools whose latest graded
    inspection was on it got each grade in each evaluation area."""

    framework: frameworks.Framework
    schools: int
    areas: tuple[AreaGrades, ...]


@dataclass(frozen=True)
class LaOverview:
    la: LocalAuthority
    open_schools: int
    by_phase: tuple[Tally, ...]
    by_type: tuple[Tally, ...]
    overall_grades: tuple[FrameworkGrades, ...]  # newest framework first
    by_area: tuple[FrameworkAreas, ...]  # frameworks with no overall grade, newest first
    not_graded: int  # open schools with no graded or report-card inspection

    @property
    def overall_grade_totals(self) -> tuple[int, ...]:
        return tuple(
            sum(row.counts[i] for row in self.overall_grades) for i in range(len(OVERALL_GRADES))
        )

    @property
    def overall_not_recorded(self) -> int:
        return sum(row.not_recorded for row in self.overall_grades)

    @property
    def graded_on_overall_frameworks(self) -> int:
        return sum(row.total for row in self.overall_grades)


def la_overview(*, la: LocalAuthority, visible: QuerySet[Establishment]) -> LaOverview:
    """The overview of `la` over the schools of `visible` (the user's scope) in it."""
    schools = open_establishments(visible.filter(la=la)).order_by()
    by_phase = _by_phase(schools)
    latest = Subquery(
        Inspection.objects.filter(establishment_id=OuterRef("pk"), kind__in=GRADED_KINDS)
        .order_by("-start_date", "-id")
        .values("id")[:1]
    )
    latest_ids = schools.annotate(latest_id=latest).values("latest_id")
    graded = (
        Inspection.objects.filter(pk__in=latest_ids)
        .order_by()
        .values_list("framework", "overall_grade")
        .annotate(n=Count("pk"))
    )
    grade_counts: dict[str, dict[int | None, int]] = defaultdict(dict)
    for framework_code, grade, n in graded:
        grade_counts[framework_code][grade] = n
    judgements = (
        Judgement.objects.filter(
            inspection_id__in=latest_ids,
            inspection__framework__in=[
                f.code for f in frameworks.FRAMEWORKS if not f.has_overall_grade
            ],
        )
        .order_by()
        .values_list("inspection__framework", "area", "grade")
        .annotate(n=Count("pk"))
    )
    area_counts: dict[tuple[str, str, str], int] = {
        (framework_code, area, grade): n for framework_code, area, grade, n in judgements
    }
    open_count = sum(tally.count for tally in by_phase)
    graded_count = sum(sum(counts.values()) for counts in grade_counts.values())
    return LaOverview(
        la=la,
        open_schools=open_count,
        by_phase=by_phase,
        by_type=_by_type(schools),
        overall_grades=_overall_grades(grade_counts),
        by_area=_by_area(grade_counts, area_counts),
        not_graded=open_count - graded_count,
    )


def _by_phase(schools) -> tuple[Tally, ...]:
    counts = dict(schools.values_list("phase_group").annotate(n=Count("pk")))
    return tuple(
        Tally(label, counts[value]) for value, label in PhaseGroup.choices if counts.get(value)
    )


def _by_type(schools) -> tuple[Tally, ...]:
    counts = schools.values_list("type_name").annotate(n=Count("pk"))
    ordered = sorted(counts, key=lambda pair: (-pair[1], pair[0] == "", pair[0]))
    return tuple(Tally(type_name or "Type not known", n) for type_name, n in ordered)


def _newest_first(codes) -> list[frameworks.Framework]:
    return sorted(
        (frameworks.framework(code) for code in codes), key=lambda f: f.starts, reverse=True
    )


def _overall_grades(grade_counts) -> tuple[FrameworkGrades, ...]:
    return tuple(
        FrameworkGrades(
            framework,
            tuple(grade_counts[framework.code].get(g, 0) for g in OVERALL_GRADES),
            not_recorded=grade_counts[framework.code].get(None, 0),
        )
        for framework in _newest_first(grade_counts)
        if framework.has_overall_grade
    )


def _by_area(grade_counts, area_counts) -> tuple[FrameworkAreas, ...]:
    tables = []
    for framework in _newest_first(grade_counts):
        if framework.has_overall_grade:
            continue
        areas = tuple(
            AreaGrades(
                area,
                tuple(
                    area_counts.get((framework.code, area.code, g.code), 0) for g in framework.scale
                ),
            )
            for area in framework.areas
        )
        tables.append(
            FrameworkAreas(
                framework,
                schools=sum(grade_counts[framework.code].values()),
                areas=tuple(row for row in areas if row.total),
            )
        )
    return tuple(tables)
