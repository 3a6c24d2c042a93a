from uplift.categorisation.conditions import Problem
from uplift.categorisation.rules.base import Fired, Rule, check_map, unknown_keys
from uplift.categorisation.rules.registry import register
from uplift.categorisation.rules.scales import (
    FOUR_POINT,
    SUB_GRADE_AREAS,
    area_item,
    check_areas,
    framework_of,
    grade_label,
    weakest_area,
)


@register
class AnchorSubGrades(Rule):
    """Ofsted anchor: the latest graded inspection ({inspection}) gave no overall grade; its
    weakest key judgement, {area} {grade}, places the school in {after}."""

    code = "anchor_sub_grades"
    kind = "anchor"
    section = "sub_grades"
    anchor_order = 3
    title = "Key judgements without an overall grade (September 2024 to November 2025)"

    @classmethod
    def validate(cls, params, *, definition, path):
        if not isinstance(params, dict):
            return [Problem(path, "must be an object with areas and map")]
        return [
            *unknown_keys(params, {"areas", "map"}, path),
            *check_areas(params.get("areas"), known=SUB_GRADE_AREAS, path=f"{path}.areas"),
            *check_map(
                params.get("map"),
                keys=FOUR_POINT,
                definition=definition,
                path=f"{path}.map",
                what="grade",
            ),
        ]

    @classmethod
    def apply(cls, context, params, *, name, category):
        inspection = context.evidence.inspection
        if inspection is None:
            return None
        framework = framework_of(inspection)
        if framework.has_overall_grade or framework.grade("1") is None:
            return None
        weakest = weakest_area(inspection, params["areas"])
        if weakest is None:
            return None
        area, grade = weakest
        item = area_item(inspection, area, grade)
        after = params["map"][grade]
        return Fired(
            rule=cls.code,
            name=name,
            message=cls.message(
                inspection=inspection.source.label,
                area=item.label.removeprefix("Inspection: ").lower(),
                grade=f"{grade_label(inspection, grade)} ({grade})",
                after=context.definition.label(after),
            ),
            before=None,
            after=after,
            evidence=(item,),
        )

    @classmethod
    def describe(cls, params, *, definition):
        mapping = "; ".join(
            f"grade {key} → {definition.label(params['map'][key])}" for key in FOUR_POINT
        )
        return f"weakest of {', '.join(params['areas'])}: {mapping}"
