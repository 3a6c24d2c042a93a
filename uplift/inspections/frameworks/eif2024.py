"""The education inspection framework without an overall grade, September 2024 to 9 November 2025.

DfE reads an inspection as "requires improvement" when quality of education or leadership and
management requires improvement."""

from datetime import date

from uplift.inspections.frameworks.base import (
    EARLY_YEARS,
    LEADERSHIP,
    SIXTH_FORM,
    Area,
    Framework,
    four_point,
)

FRAMEWORK = Framework(
    "eif2024",
    "Education inspection framework (no overall grade)",
    date(2024, 9, 1),
    date(2025, 11, 9),
    False,
    four_point("Requires improvement"),
    (
        Area("quality_of_education", "Quality of education"),
        Area("behaviour_attitudes", "Behaviour and attitudes"),
        Area("personal_development", "Personal development"),
        LEADERSHIP,
        EARLY_YEARS,
        SIXTH_FORM,
    ),
    standing_areas=("quality_of_education", "leadership_management"),
    reinspection_months=(72, 48, 30, 30),
)
