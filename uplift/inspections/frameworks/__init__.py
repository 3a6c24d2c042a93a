"""Ofsted's school inspection frameworks since section 5 began (September 2005), as dated data.

Each framework is one module of this package defining FRAMEWORK (see base.Framework): its
dates, judgement areas, grading scale and the decisions that differ between frameworks
("below good", the areas that stand for an overall grade). A grade is stored as its code on
that framework's own scale, with a rank (1 = best) for comparison within the scale. Adding a
framework is adding a module here (and its tests); nothing else names one.
See ../shared/reference/domain.md section 3.
"""

from datetime import date

from uplift.core.discovery import import_package
from uplift.inspections.frameworks.base import (
    EARLY_YEARS,
    LEADERSHIP,
    OVERALL,
    REPORT_CARD_SCALE,
    SIXTH_FORM,
    Area,
    Framework,
    Grade,
)

__all__ = [
    "EARLY_YEARS", "LEADERSHIP", "OVERALL", "REPORT_CARD_SCALE", "SIXTH_FORM", "Area",
    "Framework", "Grade", "FRAMEWORKS", "BY_CODE", "CHOICES", "FOUR_POINT_WORDS",
    "REPORT_CARD_WORDS", "REPORT_CARD_AREAS", "NO_OVERALL_GRADE_AREAS", "framework_on",
    "framework", "four_point_label", "latest_four_point",
]  # fmt: skip


def _discover() -> tuple[Framework, ...]:
    found = []
    for name in import_package(__name__):
        module = __import__(name, fromlist=["FRAMEWORK"])
        if isinstance(getattr(module, "FRAMEWORK", None), Framework):
            found.append(module.FRAMEWORK)
    return tuple(sorted(found, key=lambda f: f.starts))


FRAMEWORKS: tuple[Framework, ...] = _discover()
BY_CODE = {f.code: f for f in FRAMEWORKS}
CHOICES = [(f.code, f.name) for f in FRAMEWORKS]


def _areas_where(predicate) -> tuple[str, ...]:
    """The area codes of every framework `predicate` selects, in first-seen order."""
    codes = [area.code for f in FRAMEWORKS if predicate(f) for area in f.areas]
    return tuple(dict.fromkeys(codes))


REPORT_CARD_AREAS = _areas_where(lambda f: f.is_report_card)
# Areas of the four-point frameworks that gave no overall grade (September 2024 on).
NO_OVERALL_GRADE_AREAS = _areas_where(lambda f: not f.has_overall_grade and not f.is_report_card)

# Grade words found in public files, mapped to the four-point code.
FOUR_POINT_WORDS = {
    "outstanding": "1",
    "good": "2",
    "satisfactory": "3",
    "requires improvement": "3",
    "inadequate": "4",
    "serious weaknesses": "4",
    "special measures": "4",
}
REPORT_CARD_WORDS = {g.label.lower(): g.code for g in REPORT_CARD_SCALE}


def framework_on(day: date) -> Framework | None:
    """The framework in force on a date; None before section 5 inspections began (Sep 2005).

    Schools exempt from routine inspection can carry a 2005-09 grade for years, so the
    2005 framework is kept although Uplift's reporting starts with 2009."""
    return next((f for f in FRAMEWORKS if f.covers(day)), None)


def framework(code: str) -> Framework:
    return BY_CODE[code]


def latest_four_point() -> Framework:
    """The newest framework graded 1 to 4 (its words name a grade given without a date)."""
    return [f for f in FRAMEWORKS if not f.is_report_card][-1]


def four_point_label(code: str | int | None, on: date | None = None) -> str:
    """The label of an overall grade 1-4, with 'Satisfactory' before September 2012."""
    if code in (None, ""):
        return ""
    fw = framework_on(on) if on else None
    fw = fw if fw and not fw.is_report_card else latest_four_point()
    grade = fw.grade(str(code))
    return grade.label if grade else str(code)
