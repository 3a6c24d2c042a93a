"""Report cards, from 10 November 2025: five-point grades per evaluation area, no overall grade."""

from datetime import date

from uplift.inspections.frameworks.base import (
    EARLY_YEARS,
    REPORT_CARD_SCALE,
    Area,
    Framework,
)

FRAMEWORK = Framework(
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
    below_good_rank=4,
    reinspection_months=(48, 48, 48, 30, 24),
)
