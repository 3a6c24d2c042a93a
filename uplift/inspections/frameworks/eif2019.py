"""The education inspection framework, September 2019 to August 2024."""

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
    "eif2019",
    "Education inspection framework",
    date(2019, 9, 1),
    date(2024, 8, 31),
    True,
    four_point("Requires improvement"),
    (
        OVERALL,
        Area("quality_of_education", "Quality of education"),
        Area("behaviour_attitudes", "Behaviour and attitudes"),
        Area("personal_development", "Personal development"),
        LEADERSHIP,
        EARLY_YEARS,
        SIXTH_FORM,
    ),
    reinspection_months=(72, 48, 30, 30),
)
