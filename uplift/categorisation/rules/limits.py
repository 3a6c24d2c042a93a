"""What the limits share (never_better_than, never_worse_than): a category and a condition."""

import json

from uplift.categorisation.rules import when as conditions
from uplift.categorisation.rules.base import Fired, check_category, unknown_keys


def validate(params, *, definition, path):
    return [
        *unknown_keys(params, {"category", "when"}, path),
        *check_category(params.get("category"), definition=definition, path=f"{path}.category"),
        *conditions.check(params.get("when"), definition=definition, path=f"{path}.when"),
    ]


def apply(rule, context, params, *, name, category, worse: bool):
    """When the condition holds: keep the school at `category` or worse (worse=True), or at
    `category` or better (worse=False)."""
    holds, evidence = conditions.holds(params["when"], context)
    if not holds:
        return None
    definition = context.definition
    rank, bound = definition.rank(category), definition.rank(params["category"])
    after = definition.at_rank(max(rank, bound) if worse else min(rank, bound))
    if after == category:
        outcome = f"it stays in {definition.label(category)}"
    else:
        outcome = f"it moves from {definition.label(category)} to {definition.label(after)}"
    return Fired(
        rule=rule.code,
        name=name,
        message=rule.message(
            condition=conditions.describe(params["when"], definition=definition),
            category=definition.label(params["category"]),
            outcome=outcome,
        ),
        before=category,
        after=after,
        evidence=evidence,
    )


def same_condition(params, other) -> bool:
    return json.dumps(params["when"], sort_keys=True) == json.dumps(
        other.params.get("when"), sort_keys=True
    )
