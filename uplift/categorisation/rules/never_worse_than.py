from uplift.categorisation.rules import limits
from uplift.categorisation.rules import when as conditions
from uplift.categorisation.rules.base import Rule
from uplift.categorisation.rules.registry import register


@register
class NeverWorseThan(Rule):
    """Limit: {condition}, so the school is placed no worse than {category}; {outcome}."""

    code = "never_worse_than"
    title = "Never worse than (a floor)"

    @classmethod
    def validate(cls, params, *, definition, path):
        return limits.validate(params, definition=definition, path=path)

    @classmethod
    def apply(cls, context, params, *, name, category):
        return limits.apply(cls, context, params, name=name, category=category, worse=False)

    @classmethod
    def describe(cls, params, *, definition):
        condition = conditions.describe(params["when"], definition=definition)
        return f"when {condition}, never worse than {definition.label(params['category'])}"

    @classmethod
    def overlap(cls, params, other, *, definition):
        if not limits.same_condition(params, other):
            return ""
        if other.rule == cls.code:
            return "both set a floor on the same condition; keep one"
        if other.rule == "never_better_than" and definition.rank(other.params["category"]) > (
            definition.rank(params["category"])
        ):
            return (
                f"on the same condition one says never better than {other.params['category']} "
                f"and the other never worse than {params['category']}"
            )
        return ""
