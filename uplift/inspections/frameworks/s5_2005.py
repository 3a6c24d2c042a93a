"""Section 5 inspections, September 2005 to August 2009: overall grade 1-4 (3 "satisfactory")."""

from datetime import date

from uplift.inspections.frameworks.base import (
    EARLY_YEARS,
    LEADERSHIP,
    OVERALL,
    SIXTH_FORM,
    Area,
    Framework,
    four_point,
)

FRAMEWORK = Framework(
    "2005",
    "Section 5 framework 2005",
    date(2005, 9, 1),
    date(2009, 8, 31),
    True,
    four_point("Satisfactory"),
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
    reinspection_months=(36, 36, 36, 12),
)
