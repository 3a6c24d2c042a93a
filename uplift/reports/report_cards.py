"""The report card equivalent of the Ofsted summary: for the schools whose latest graded
inspection on the chosen day gave no overall grade, how many schools (and pupils) got each
grade in each evaluation area, framework by framework.

Frameworks grade on their own scales (report cards: exceptional to urgent improvement;
the 2024-25 education inspection framework: 1 to 4 by area), so each framework has its own
table and no figure adds grades of two frameworks together. Percentages are of the schools
(pupils) whose latest graded inspection was under that framework, in the chosen phase; the
"Not graded in this area" row holds those with no grade for the area (early years and
post-16 apply to some schools only).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from uplift.inspections import frameworks
from uplift.inspections.models import Judgement, Safeguarding
from uplift.reports.as_at import PHASE_LABELS, SchoolOnDay, schools_on, with_latest_graded
from uplift.reports.ofsted_summary import ALL_PHASES, ALL_PHASES_LABEL
from uplift.reports.percentages import percent
from uplift.schools.models import Establishment, LocalAuthority

NOT_GRADED = frameworks.Grade("not_graded", "Not graded in this area", 99)


@dataclass(frozen=True)
class AreaGradeRow:
    grade: frameworks.Grade
    schools: int
    schools_pct: Decimal | None
    pupils: int
    pupils_pct: Decimal | None


@dataclass(frozen=True)
class AreaTable:
    area: frameworks.Area
    rows: tuple[AreaGradeRow, ...]  # the framework's scale, best first, then NOT_GRADED


@dataclass(frozen=True)
class FrameworkAreas:
    framework: frameworks.Framework
    schools: int
    pupils: int
    areas: tuple[AreaTable, ...]  # the framework's areas with at least one grade, in order
    safeguarding: tuple[tuple[str, int], ...]  # (label, schools), recorded values only


@dataclass(frozen=True)
class ReportCardAreas:
    la: LocalAuthority
    as_at: date
    phase: str  # a reported phase, or ALL_PHASES
    phase_label: str
    frameworks: tuple[FrameworkAreas, ...]  # newest framework first


def report_card_areas(
    *,
    la: LocalAuthority,
    schools: QuerySet[Establishment],
    as_at: date,
    phase: str = ALL_PHASES,
) -> ReportCardAreas:
    """Two queries, whatever the number of schools."""
    in_la = schools.filter(la=la)
    chosen = [
        school
        for school in schools_on(schools=in_la, day=as_at)
        if school.phase is not None
        and school.inspected
        and school.overall_grade is None
        and phase in (ALL_PHASES, school.phase)
    ]
    by_inspection = {school.inspection_id: school for school in chosen}
    grades: dict[tuple[str, str], list[SchoolOnDay]] = defaultdict(list)
    latest_ids = with_latest_graded(in_la, as_at).values("latest_id")
    judgements = Judgement.objects.filter(
        inspection_id__in=latest_ids, inspection__overall_grade__isnull=True
    ).values_list("inspection_id", "area", "grade")
    for inspection_id, area, grade in judgements:
        school = by_inspection.get(inspection_id)
        if school is not None:
            grades[(area, grade)].append(school)
    by_framework: dict[str, list[SchoolOnDay]] = defaultdict(list)
    for school in chosen:
        by_framework[school.framework].append(school)
    tables = [
        _framework_areas(frameworks.framework(code), members, grades)
        for code, members in by_framework.items()
    ]
    tables.sort(key=lambda table: table.framework.starts, reverse=True)
    return ReportCardAreas(
        la=la,
        as_at=as_at,
        phase=phase,
        phase_label=ALL_PHASES_LABEL if phase == ALL_PHASES else PHASE_LABELS[phase],
        frameworks=tuple(tables),
    )


def _framework_areas(framework, members: list[SchoolOnDay], grades) -> FrameworkAreas:
    member_ids = {school.pk for school in members}
    total_pupils = sum(school.pupils or 0 for school in members)
    areas = []
    for area in framework.areas:
        by_grade = {
            grade.code: [s for s in grades.get((area.code, grade.code), []) if s.pk in member_ids]
            for grade in framework.scale
        }
        graded = {s.pk for found in by_grade.values() for s in found}
        if not graded:
            continue
        by_grade[NOT_GRADED.code] = [s for s in members if s.pk not in graded]
        rows = tuple(
            AreaGradeRow(
                grade=grade,
                schools=len(by_grade[grade.code]),
                schools_pct=percent(len(by_grade[grade.code]), len(members)),
                pupils=sum(s.pupils or 0 for s in by_grade[grade.code]),
                pupils_pct=percent(sum(s.pupils or 0 for s in by_grade[grade.code]), total_pupils),
            )
            for grade in (*framework.scale, NOT_GRADED)
        )
        areas.append(AreaTable(area, rows))
    safeguarding = Counter(school.safeguarding for school in members if school.safeguarding)
    return FrameworkAreas(
        framework=framework,
        schools=len(members),
        pupils=total_pupils,
        areas=tuple(areas),
        safeguarding=tuple(
            (label, safeguarding[value])
            for value, label in Safeguarding.choices
            if safeguarding[value]
        ),
    )
