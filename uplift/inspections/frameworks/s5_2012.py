"""Section 5 inspections, September 2012 to August 2015: grade 3 renamed "requires
improvement"; four key judgements."""

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
    "2012",
    "Section 5 framework 2012",
    date(2012, 9, 1),
    date(2015, 8, 31),
    True,
    four_point("Requires improvement"),
    (
        OVERALL,
        Area("achievement", "Achievement of pupils"),
        Area("quality_of_teaching", "Quality of teaching"),
        Area("behaviour_safety", "Behaviour and safety of pupils"),
        LEADERSHIP,
        EARLY_YEARS,
        SIXTH_FORM,
    ),
    reinspection_months=(120, 60, 24, 24),
)
