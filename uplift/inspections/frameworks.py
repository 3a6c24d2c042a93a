"""Ofsted's school inspection frameworks since section 5 began (September 2005), as dated data.

Each framework names its judgement areas and its grading scale. A grade is stored
as its code on that framework's own scale, with a rank (1 = best) for comparison
within the scale. See ../shared/reference/domain.md section 3.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Grade:
    code: str
    label: str
    rank: int


@dataclass(frozen=True)
class Area:
    code: str
    label: str


@dataclass(frozen=True)
class Framework:
    code: str
    name: str
    starts: date
    ends: date | None
    has_overall_grade: bool
    scale: tuple[Grade, ...]
    areas: tuple[Area, ...]

    def grade(self, code: str) -> Grade | None:
        return next((g for g in self.scale if g.code == code), None)

    def area(self, code: str) -> Area | None:
        return next((a for a in self.areas if a.code == code), None)

    def covers(self, day: date) -> bool:
        return self.starts <= day and (self.ends is None or day <= self.ends)


def _four_point(grade3: str) -> tuple[Grade, ...]:
    return (
        Grade("1", "Outstanding", 1),
        Grade("2", "Good", 2),
        Grade("3", grade3, 3),
        Grade("4", "Inadequate", 4),
    )


REPORT_CARD_SCALE = (
    Grade("exceptional", "Exceptional", 1),
    Grade("strong", "Strong standard", 2),
    Grade("expected", "Expected standard", 3),
    Grade("needs_attention", "Needs attention", 4),
    Grade("urgent_improvement", "Urgent improvement", 5),
)

OVERALL = Area("overall_effectiveness", "Overall effectiveness")
LEADERSHIP = Area("leadership_management", "Leadership and management")
EARLY_YEARS = Area("early_years", "Early years")
SIXTH_FORM = Area("sixth_form", "Sixth form")

FRAMEWORKS: tuple[Framework, ...] = (
    Framework(
        "2005",
        "Section 5 framework 2005",
        date(2005, 9, 1),
        date(2009, 8, 31),
        True,
        _four_point("Satisfactory"),
        (
            OVERALL,
            Area("capacity_to_improve", "Capacity to make further improvement"),
            Area("achievement", "Achievement and standards"),
            Area("personal_development", "Personal development and well-being"),
            Area("quality_of_teaching", "Quality of teaching and learning"),
            Area("curriculum", "Curriculum and other activities"),
            Area("care_guidance_support", "Care, guidance and support"),
            LEADERSHIP,
            EARLY_YEARS,
            SIXTH_FORM,
        ),
    ),
    Framework(
        "2009",
        "Section 5 framework 2009",
        date(2009, 9, 1),
        date(2012, 8, 31),
        True,
        _four_point("Satisfactory"),
        (
            OVERALL,
            Area("capacity_to_improve", "Capacity for sustained improvement"),
            Area("outcomes", "Outcomes for individuals and groups of pupils"),
            Area("provision", "Quality of provision"),
            LEADERSHIP,
            Area("achievement", "Achievement of pupils"),
            Area("quality_of_teaching", "Quality of teaching"),
            Area("behaviour_safety", "Behaviour and safety of pupils"),
            EARLY_YEARS,
            SIXTH_FORM,
        ),
    ),
    Framework(
        "2012",
        "Section 5 framework 2012",
        date(2012, 9, 1),
        date(2015, 8, 31),
        True,
        _four_point("Requires improvement"),
        (
            OVERALL,
            Area("achievement", "Achievement of pupils"),
            Area("quality_of_teaching", "Quality of teaching"),
            Area("behaviour_safety", "Behaviour and safety of pupils"),
            LEADERSHIP,
            EARLY_YEARS,
            SIXTH_FORM,
        ),
    ),
    Framework(
        "cif2015",
        "Common inspection framework",
        date(2015, 9, 1),
        date(2019, 8, 31),
        True,
        _four_point("Requires improvement"),
        (
            OVERALL,
            LEADERSHIP,
            Area("teaching_learning_assessment", "Teaching, learning and assessment"),
            Area(
                "personal_development_behaviour_welfare",
                "Personal development, behaviour and welfare",
            ),
            Area("outcomes", "Outcomes for pupils"),
            EARLY_YEARS,
            Area("sixteen_to_nineteen", "16 to 19 study programmes"),
        ),
    ),
    Framework(
        "eif2019",
        "Education inspection framework",
        date(2019, 9, 1),
        date(2024, 8, 31),
        True,
        _four_point("Requires improvement"),
        (
            OVERALL,
            Area("quality_of_education", "Quality of education"),
            Area("behaviour_attitudes", "Behaviour and attitudes"),
            Area("personal_development", "Personal development"),
            LEADERSHIP,
            EARLY_YEARS,
            SIXTH_FORM,
        ),
    ),
    Framework(
        "eif2024",
        "Education inspection framework (no overall grade)",
        date(2024, 9, 1),
        date(2025, 11, 9),
        False,
        _four_point("Requires improvement"),
        (
            Area("quality_of_education", "Quality of education"),
            Area("behaviour_attitudes", "Behaviour and attitudes"),
            Area("personal_development", "Personal development"),
            LEADERSHIP,
            EARLY_YEARS,
            SIXTH_FORM,
        ),
    ),
    Framework(
        "rc2025",
        "Report card framework",
        date(2025, 11, 10),
        None,
        False,
        REPORT_CARD_SCALE,
        (
            Area("inclusion", "Inclusion"),
            Area("curriculum_teaching", "Curriculum and teaching"),
            Area("achievement", "Achievement"),
            Area("attendance_behaviour", "Attendance and behaviour"),
            Area("personal_development_wellbeing", "Personal development and wellbeing"),
            Area("leadership_governance", "Leadership and governance"),
            EARLY_YEARS,
            Area("post_16", "Post-16 provision"),
        ),
    ),
)

BY_CODE = {f.code: f for f in FRAMEWORKS}
CHOICES = [(f.code, f.name) for f in FRAMEWORKS]

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


def four_point_label(code: str | int | None, on: date | None = None) -> str:
    """The label of an overall grade 1-4, with 'Satisfactory' before September 2012."""
    if code in (None, ""):
        return ""
    fw = framework_on(on) if on else None
    fw = fw if fw and fw.code != "rc2025" else BY_CODE["eif2019"]
    grade = fw.grade(str(code))
    return grade.label if grade else str(code)
