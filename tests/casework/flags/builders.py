"""Inspections and histories for the flag rules, built directly (no database)."""

from datetime import date
from decimal import Decimal

from uplift.casework.flags.base import GradedInspection, History


def graded(day: date, grade: int | None, framework: str = "eif2019", **areas) -> GradedInspection:
    category = areas.pop("category", "")
    return GradedInspection(
        framework=framework,
        start_date=day,
        overall_grade=grade,
        category_of_concern=category,
        areas=areas,
    )


def sub_grades(day: date, qoe: str, lm: str) -> GradedInspection:
    """A 2024/25 inspection: sub-grades, no overall grade."""
    return graded(day, None, "eif2024", quality_of_education=qoe, leadership_management=lm)


def report_card(day: date, leadership: str, **others) -> GradedInspection:
    areas = {"inclusion": "expected", "achievement": "expected", **others}
    return graded(day, None, "rc2025", leadership_governance=leadership, **areas)


def history(on: date, *inspections, results=None) -> History:
    """`inspections` newest first; `results` {(code, year): number}."""
    return History(
        establishment_id=1,
        on=on,
        inspections=tuple(inspections),
        results={key: Decimal(str(v)) for key, v in (results or {}).items()},
    )
