"""What moving a school up or down on local evidence shares (move_down, move_up)."""

from uplift.categorisation.conditions import Problem
from uplift.categorisation.rules.base import (
    Fired,
    check_category,
    check_criteria_levels,
    check_int,
    counted,
    evidence_of,
    steps_text,
    unknown_keys,
)

PARAMS = {"criteria", "level", "at_least", "steps", "limit"}


def validate(params, *, definition, path):
    problems = unknown_keys(params, PARAMS, path)
    problems += check_criteria_levels(params, definition=definition, path=path)
    problems += check_int(params, "at_least", path=path, minimum=1)
    problems += check_int(params, "steps", path=path, minimum=1, default=1)
    if "limit" in params:
        problems += check_category(params["limit"], definition=definition, path=f"{path}.limit")
    criteria = params.get("criteria")
    at_least = params.get("at_least")
    if isinstance(criteria, list) and isinstance(at_least, int) and at_least > len(criteria):
        problems.append(
            Problem(
                f"{path}.at_least",
                f"{at_least} is more than the {len(criteria)} criteria listed, so the rule "
                "never fires",
            )
        )
    return problems


def apply(rule, context, params, *, name, category, direction: int):
    """Fire when at least `at_least` of the criteria are at `level`: move `direction` (+1 down,
    -1 up) by `steps`, never past `limit` and never the other way."""
    found = counted(context, params["criteria"], params["level"])
    if len(found) < params["at_least"]:
        return None
    definition = context.definition
    steps = params.get("steps", 1)
    rank = definition.rank(category)
    target = rank + direction * steps
    if "limit" in params:
        limit = definition.rank(params["limit"])
        target = min(target, max(limit, rank)) if direction > 0 else max(target, min(limit, rank))
    after = definition.at_rank(target)
    return Fired(
        rule=rule.code,
        name=name,
        message=rule.message(
            level=params["level"],
            counted="1 criterion is" if len(found) == 1 else f"{len(found)} criteria are",
            criteria=", ".join(a.label for a in found),
            at_least=params["at_least"],
            outcome=_outcome(definition, params, category, after, direction),
        ),
        before=category,
        after=after,
        evidence=evidence_of(found),
    )


def _outcome(definition, params, before: str, after: str, direction: int) -> str:
    way = "down" if direction > 0 else "up"
    if after != before:
        moved = steps_text(abs(definition.rank(after) - definition.rank(before)))
        return f"moves {way} {moved}, from {definition.label(before)} to {definition.label(after)}"
    if "limit" in params and definition.rank(before) * direction >= (
        definition.rank(params["limit"]) * direction
    ):
        return (
            f"stays in {definition.label(before)}: this rule moves no school {way} beyond "
            f"{definition.label(params['limit'])}"
        )
    edge = "lowest" if direction > 0 else "highest"
    return f"stays in {definition.label(before)}, the {edge} category"


def describe(params, *, definition, verb: str) -> str:
    names = ", ".join(definition.criterion(code).label for code in params["criteria"])
    text = (
        f"when at least {params['at_least']} of {names} are {params['level']}, "
        f"{verb} {steps_text(params.get('steps', 1))}"
    )
    if "limit" in params:
        bound = "no lower than" if verb == "move down" else "no higher than"
        text += f", {bound} {definition.label(params['limit'])}"
    return text


def overlap(rule, params, other, *, definition) -> str:
    if other.rule != rule.code or other.params.get("level") != params["level"]:
        return ""
    common = sorted(set(params["criteria"]) & set(other.params["criteria"]))
    if not common:
        return ""
    return (
        f"both count {params['level']} on {', '.join(common)}, so the same evidence would "
        "move the school twice; use one rule with more steps"
    )
