"""A school's inspections as a timeline, each in its own framework's words."""

from dataclasses import dataclass

from uplift.inspections import frameworks
from uplift.inspections.models import Inspection
from uplift.inspections.selectors import (
    GRADED_KINDS,
    inspection_history,
)

OVERALL_AREA = frameworks.OVERALL.code


@dataclass(frozen=True)
class TimelineEntry:
    """One inspection as the school page's timeline shows it, in its framework's words."""

    inspection: Inspection
    framework: frameworks.Framework
    overall: str  # the overall grade's label, "" where none was given
    areas: tuple[tuple[str, str], ...]  # (area, grade) in the framework's order
    scale: str  # the framework's grades, best first

    @property
    def shows_outcome(self) -> bool:
        """Ungraded and monitoring inspections say what they found in words."""
        return bool(self.inspection.outcome) and self.inspection.kind not in GRADED_KINDS


def inspection_timeline(establishment) -> list[TimelineEntry]:
    """The school's inspections, newest first, across every framework. Two queries."""
    entries = []
    for inspection in inspection_history(establishment):
        framework = inspection.framework_info
        order = {area.code: position for position, area in enumerate(framework.areas)}
        overall = inspection.overall_label if inspection.overall_grade is not None else ""
        judgements = sorted(
            (j for j in inspection.judgements.all() if not (overall and j.area == OVERALL_AREA)),
            key=lambda j: (order.get(j.area, len(order)), j.area),
        )
        entries.append(
            TimelineEntry(
                inspection=inspection,
                framework=framework,
                overall=overall,
                areas=tuple((j.area_label, j.grade_label) for j in judgements),
                scale=", ".join(grade.label for grade in framework.scale),
            )
        )
    return entries
