from uplift.categorisation.rules import limits
from uplift.categorisation.rules import when as conditions
from uplift.categorisation.rules.base import Rule
from uplift.categorisation.rules.registry import register


@register
class NeverBetterThan(Rule):
    """Limit: {condition}, so the school is placed no better than {category}; {outcome}."""

    code = "never_better_than"
    title = "Never better than (a cap)"

    @classmethod
    def validate(cls, params, *, definition, path):
        return limits.validate(params, definition=definition, path=path)

    @classmethod
    def apply(cls, context, params, *, name, category):
        return limits.apply(cls, context, params, name=name, category=category, worse=True)

    @classmethod
    def describe(cls, params, *, definition):
        condition = conditions.describe(params["when"], definition=definition)
        return f"when {condition}, never better than {definition.label(params['category'])}"

    @classmethod
    def overlap(cls, params, other, *, definition):
        if not limits.same_condition(params, other):
            return ""
        if other.rule == cls.code:
            return "both cap the category on the same condition; keep one"
        if other.rule == "never_worse_than" and definition.rank(params["category"]) > (
            definition.rank(other.params["category"])
        ):
            return (
                f"on the same condition one says never better than {params['category']} and "
                f"the other never worse than {other.params['category']}"
            )
        return ""
