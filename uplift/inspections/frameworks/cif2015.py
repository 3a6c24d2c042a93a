"""The common inspection framework, September 2015 to August 2019."""

from datetime import date

from uplift.inspections.frameworks.base import (
    EARLY_YEARS,
    LEADERSHIP,
    OVERALL,
    Area,
    Framework,
    four_point,
)

FRAMEWORK = Framework(
    "cif2015",
    "Common inspection framework",
    date(2015, 9, 1),
    date(2019, 8, 31),
    True,
    four_point("Requires improvement"),
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
    reinspection_months=(120, 36, 24, 24),
)
