"""Reading a graded inspection the way the flag definitions do, on whichever framework it
was made: its overall grade, "requires improvement" (or DfE's equivalent when there was no
overall grade), "below good", and report-card areas. Each answer comes with its words."""

from uplift.casework.flags.base import GradedInspection
from uplift.core.dates import long_date
from uplift.inspections import frameworks
from uplift.inspections.models import CategoryOfConcern

LEADERSHIP_GOVERNANCE = "leadership_governance"


def framework_of(inspection: GradedInspection) -> frameworks.Framework:
    return frameworks.framework(inspection.framework)


def is_report_card(inspection: GradedInspection) -> bool:
    return framework_of(inspection).is_report_card


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
    """Graded "requires improvement" (or "satisfactory"), or DfE's equivalent where the
    framework gave no overall grade; None when it cannot be told (a report card, or no
    grades). A category of concern is worse than requiring improvement."""
    if inspection.category_of_concern:
        return False
    return framework_of(inspection).requires_improvement(
        overall=overall(inspection), areas=inspection.areas
    )


def below_good(inspection: GradedInspection) -> bool | None:
    """Below good (or its equivalent on the inspection's framework: on a report card any
    area needing attention or worse), a category of concern included. None when the
    inspection's grades were not recorded."""
    if inspection.category_of_concern:
        return True
    return framework_of(inspection).below_good(overall=overall(inspection), areas=inspection.areas)


def leadership_governance(inspection: GradedInspection) -> str | None:
    """A report card's leadership and governance grade code."""
    return inspection.areas.get(LEADERSHIP_GOVERNANCE) if is_report_card(inspection) else None


def report_card_concern_areas(inspection: GradedInspection) -> list[str]:
    return [area for area, code in inspection.areas.items() if code == "needs_attention"]
