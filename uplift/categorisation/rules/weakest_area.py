"""The shared shape of the anchors that read a framework without an overall grade: the
weakest of the listed areas, mapped to a category."""

from uplift.categorisation.conditions import Problem
from uplift.categorisation.rules.base import Fired, Rule, check_map, unknown_keys
from uplift.categorisation.rules.scales import area_item, check_areas, framework_of, weakest_area


class WeakestAreaAnchor(Rule):
    """Not registered itself: each subclass names its scale, areas and frameworks."""

    kind = "anchor"
    scale: tuple[str, ...] = ()
    known_areas: tuple[str, ...] | frozenset = ()
    what = "grade"

    @classmethod
    def covers(cls, framework) -> bool:
        raise NotImplementedError

    @classmethod
    def grade_text(cls, inspection, grade: str) -> str:
        raise NotImplementedError

    @classmethod
    def key_text(cls, key: str) -> str:
        raise NotImplementedError

    @classmethod
    def validate(cls, params, *, definition, path):
        if not isinstance(params, dict):
            return [Problem(path, "must be an object with areas and map")]
        return [
            *unknown_keys(params, {"areas", "map"}, path),
            *check_areas(params.get("areas"), known=cls.known_areas, path=f"{path}.areas"),
            *check_map(
                params.get("map"),
                keys=cls.scale,
                definition=definition,
                path=f"{path}.map",
                what=cls.what,
            ),
        ]

    @classmethod
    def apply(cls, context, params, *, name, category):
        inspection = context.evidence.inspection
        if inspection is None or not cls.covers(framework_of(inspection)):
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
                grade=cls.grade_text(inspection, grade),
                after=context.definition.label(after),
            ),
            before=None,
            after=after,
            evidence=(item,),
        )

    @classmethod
    def describe(cls, params, *, definition):
        mapping = "; ".join(
            f"{cls.key_text(key)} → {definition.label(params['map'][key])}" for key in cls.scale
        )
        return f"weakest of {', '.join(params['areas'])}: {mapping}"
