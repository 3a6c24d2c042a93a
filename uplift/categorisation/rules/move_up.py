from uplift.categorisation.rules import moves
from uplift.categorisation.rules.base import Rule
from uplift.categorisation.rules.registry import register


@register
class MoveUp(Rule):
    """Local evidence: {counted} {level} ({criteria}; the policy looks for at least
    {at_least}), so the school {outcome}."""

    code = "move_up"
    title = "Move up on local evidence"

    @classmethod
    def validate(cls, params, *, definition, path):
        return moves.validate(params, definition=definition, path=path)

    @classmethod
    def apply(cls, context, params, *, name, category):
        return moves.apply(cls, context, params, name=name, category=category, direction=-1)

    @classmethod
    def describe(cls, params, *, definition):
        return moves.describe(params, definition=definition, verb="move up")

    @classmethod
    def overlap(cls, params, other, *, definition):
        return moves.overlap(cls, params, other, definition=definition)
