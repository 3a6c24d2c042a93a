from uplift.categorisation.conditions import Problem
from uplift.categorisation.rules.base import Fired, Rule, check_map, unknown_keys
from uplift.categorisation.rules.registry import register
from uplift.categorisation.rules.scales import (
    REPORT_CARD,
    REPORT_CARD_AREAS,
    area_item,
    check_areas,
    framework_of,
    grade_label,
    weakest_area,
)


@register
class AnchorReportCard(Rule):
    """Ofsted anchor: the latest report card ({inspection}) has as its weakest evaluation
    area {area} at {grade}, which places the school in {after}."""

    code = "anchor_report_card"
    kind = "anchor"
    section = "report_card"
    anchor_order = 4
    title = "Report card evaluation areas (from November 2025)"

    @classmethod
    def validate(cls, params, *, definition, path):
        if not isinstance(params, dict):
            return [Problem(path, "must be an object with areas and map")]
        return [
            *unknown_keys(params, {"areas", "map"}, path),
            *check_areas(params.get("areas"), known=REPORT_CARD_AREAS, path=f"{path}.areas"),
            *check_map(
                params.get("map"),
                keys=REPORT_CARD,
                definition=definition,
                path=f"{path}.map",
                what="report card grade",
            ),
        ]

    @classmethod
    def apply(cls, context, params, *, name, category):
        inspection = context.evidence.inspection
        if inspection is None or framework_of(inspection).grade(REPORT_CARD[0]) is None:
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
                grade=grade_label(inspection, grade).lower(),
                after=context.definition.label(after),
            ),
            before=None,
            after=after,
            evidence=(item,),
        )

    @classmethod
    def describe(cls, params, *, definition):
        mapping = "; ".join(
            f"{key.replace('_', ' ')} → {definition.label(params['map'][key])}"
            for key in REPORT_CARD
        )
        return f"weakest of {', '.join(params['areas'])}: {mapping}"
