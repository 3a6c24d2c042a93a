"""Reading a graded inspection the way the flag definitions do, on whichever framework it
was made: its overall grade, "requires improvement" (or DfE's equivalent when there was no
overall grade), "below good", and report-card areas. Each answer comes with its words."""

from uplift.casework.flags.base import GradedInspection
from uplift.core.dates import long_date
from uplift.inspections import frameworks
from uplift.inspections.models import CategoryOfConcern

REPORT_CARD = "rc2025"
NO_OVERALL_GRADE = "eif2024"
# DfE reads a 2024/25 inspection (no overall grade) as "requires improvement" when quality of
# education and/or leadership and management requires improvement.
EQUIVALENT_AREAS = ("quality_of_education", "leadership_management")
CONCERN_GRADES = ("needs_attention", "urgent_improvement")
LEADERSHIP_GOVERNANCE = "leadership_governance"


def is_report_card(inspection: GradedInspection) -> bool:
    return inspection.framework == REPORT_CARD


def overall(inspection: GradedInspection) -> int | None:
    """The overall effectiveness grade 1-4, on frameworks that award one."""
    if not frameworks.framework(inspection.framework).has_overall_grade:
        return None
    if inspection.overall_grade is not None:
        return inspection.overall_grade
    code = inspection.areas.get("overall_effectiveness", "")
    return int(code) if code.isdigit() else None


def describe(inspection: GradedInspection) -> str:
    """'the graded inspection of 5 May 2023 (requires improvement)' and the like."""
    framework = frameworks.framework(inspection.framework)
    kind = "report-card inspection" if is_report_card(inspection) else "graded inspection"
    grades = []
    grade = overall(inspection)
    if grade is not None:
        grades.append(frameworks.four_point_label(grade, inspection.start_date).lower())
    elif inspection.areas:
        grades.append(
            ", ".join(
                f"{_area(framework, area)} {_grade(framework, code)}"
                for area, code in inspection.areas.items()
            )
        )
    else:
        grades.append("no grades recorded")
    if inspection.category_of_concern:
        grades.append(CategoryOfConcern(inspection.category_of_concern).label.lower())
    return f"the {kind} of {long_date(inspection.start_date)} ({'; '.join(grades)})"


def _area(framework, code: str) -> str:
    area = framework.area(code)
    return (area.label if area else code).lower()


def _grade(framework, code: str) -> str:
    grade = framework.grade(code)
    return (grade.label if grade else code).lower()


def requires_improvement(inspection: GradedInspection) -> bool | None:
    """Graded "requires improvement" (or "satisfactory"), or DfE's equivalent for a
    2024/25 inspection; None when it cannot be told (a report card, or no grades)."""
    if inspection.category_of_concern:
        return False
    grade = overall(inspection)
    if grade is not None:
        return grade == 3
    if inspection.framework == NO_OVERALL_GRADE:
        grades = [inspection.areas.get(area) for area in EQUIVALENT_AREAS]
        known = [g for g in grades if g and g.isdigit()]
        if not known:
            return None
        return any(int(g) >= 3 for g in known) and all(int(g) <= 3 for g in known)
    return None


def below_good(inspection: GradedInspection) -> bool | None:
    """Below good (or its equivalent): requires improvement, satisfactory or inadequate,
    a category of concern, on a 2024/25 inspection quality of education or leadership and
    management below good, on a report card any area needing attention or worse. None when
    the inspection's grades were not recorded."""
    if inspection.category_of_concern:
        return True
    grade = overall(inspection)
    if grade is not None:
        return grade >= 3
    if inspection.framework == NO_OVERALL_GRADE:
        known = [g for g in (inspection.areas.get(a) for a in EQUIVALENT_AREAS) if g]
        if not known:
            return None
        return any(g.isdigit() and int(g) >= 3 for g in known)
    if is_report_card(inspection):
        if not inspection.areas:
            return None
        return any(code in CONCERN_GRADES for code in inspection.areas.values())
    return None


def leadership_governance(inspection: GradedInspection) -> str | None:
    """A report card's leadership and governance grade code."""
    return inspection.areas.get(LEADERSHIP_GOVERNANCE) if is_report_card(inspection) else None


def report_card_concern_areas(inspection: GradedInspection) -> list[str]:
    return [area for area, code in inspection.areas.items() if code == "needs_attention"]
