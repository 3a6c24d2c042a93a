"""Section 5 inspections, September 2009 to August 2012: overall grade 1-4 (3 "satisfactory")."""

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
    "2009",
    "Section 5 framework 2009",
    date(2009, 9, 1),
    date(2012, 8, 31),
    True,
    four_point("Satisfactory"),
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
    reinspection_months=(60, 60, 36, 24),
)
