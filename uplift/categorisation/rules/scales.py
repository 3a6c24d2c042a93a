"""The Ofsted scales an anchor maps from, best first, and reading grades off an inspection."""

from uplift.categorisation.conditions import Problem
from uplift.categorisation.evidence import EvidenceItem, InspectionEvidence
from uplift.inspections import frameworks
from uplift.inspections.models import CategoryOfConcern

FOUR_POINT = ("1", "2", "3", "4")
REPORT_CARD = tuple(grade.code for grade in frameworks.REPORT_CARD_SCALE)
CONCERNS = tuple(value for value in CategoryOfConcern.values if value)
SUB_GRADE_AREAS = frameworks.NO_OVERALL_GRADE_AREAS
REPORT_CARD_AREAS = frameworks.REPORT_CARD_AREAS


def framework_of(inspection: InspectionEvidence) -> frameworks.Framework:
    return frameworks.framework(inspection.framework)


def grade_label(inspection: InspectionEvidence, code: str) -> str:
    grade = framework_of(inspection).grade(code)
    return grade.label if grade else code


def weakest_area(inspection: InspectionEvidence, areas) -> tuple[str, str] | None:
    """(area, grade) of the worst graded of `areas` (the first of equals), or None."""
    framework = framework_of(inspection)
    graded = [
        (framework.grade(inspection.areas[area]).rank, position, area)
        for position, area in enumerate(areas)
        if area in inspection.areas and framework.grade(inspection.areas[area]) is not None
    ]
    if not graded:
        return None
    _, _, area = max(graded, key=lambda g: (g[0], -g[1]))
    return area, inspection.areas[area]


def area_item(inspection: InspectionEvidence, area: str, grade: str) -> EvidenceItem:
    label = framework_of(inspection).area(area)
    return EvidenceItem(
        f"Inspection: {label.label if label else area}",
        grade_label(inspection, grade),
        inspection.source,
    )


def check_areas(value, *, known: tuple[str, ...], path: str) -> list[Problem]:
    if not isinstance(value, list) or not value:
        return [Problem(path, f"must be a non-empty list of areas ({', '.join(known)})")]
    return [
        Problem(f"{path}[{index}]", f"unknown area {area!r}; use {', '.join(known)}")
        for index, area in enumerate(value)
        if area not in known
    ]
