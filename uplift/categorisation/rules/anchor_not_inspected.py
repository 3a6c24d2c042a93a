from uplift.categorisation.rules.base import Fired, Rule, check_category
from uplift.categorisation.rules.registry import register


@register
class AnchorNotInspected(Rule):
    """Ofsted anchor: {why}, so the school starts in {after}."""

    code = "anchor_not_inspected"
    kind = "anchor"
    section = "not_inspected"
    anchor_order = 9
    title = "No usable graded inspection"

    @classmethod
    def validate(cls, params, *, definition, path):
        return check_category(params, definition=definition, path=path)

    @classmethod
    def apply(cls, context, params, *, name, category):
        inspection = context.evidence.inspection
        if inspection is None:
            why = "there is no graded inspection or report card on or before the round's date"
        else:
            why = f"the latest graded inspection ({inspection.source.label}) records no grade"
        return Fired(
            rule=cls.code,
            name=name,
            message=cls.message(why=why, after=context.definition.label(params)),
            before=None,
            after=params,
        )

    @classmethod
    def describe(cls, params, *, definition):
        return f"schools without a usable graded inspection start in {definition.label(params)}"
