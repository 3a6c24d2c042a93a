from uplift.categorisation.rules.registry import register
from uplift.categorisation.rules.scales import FOUR_POINT, SUB_GRADE_AREAS, grade_label
from uplift.categorisation.rules.weakest_area import WeakestAreaAnchor


@register
class AnchorSubGrades(WeakestAreaAnchor):
    """Ofsted anchor: the latest graded inspection ({inspection}) gave no overall grade; its
    weakest key judgement, {area} {grade}, places the school in {after}."""

    code = "anchor_sub_grades"
    section = "sub_grades"
    anchor_order = 3
    title = "Key judgements without an overall grade (September 2024 to November 2025)"
    scale = FOUR_POINT
    known_areas = SUB_GRADE_AREAS

    @classmethod
    def covers(cls, framework) -> bool:
        return not framework.has_overall_grade and framework.grade("1") is not None

    @classmethod
    def grade_text(cls, inspection, grade: str) -> str:
        return f"{grade_label(inspection, grade)} ({grade})"

    @classmethod
    def key_text(cls, key: str) -> str:
        return f"grade {key}"
