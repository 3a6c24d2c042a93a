"""Every casework rule, by its code (the shared mechanism: uplift.core.rules)."""

from uplift.casework.cases.rules.base import Attempt, Refusal, Rule
from uplift.core.rules import Registry

# Importing these modules registers their rules, in this order: the first refusal is the one
# a user is shown first.
MODULES = (
    "uplift.casework.cases.rules.stages",
    "uplift.casework.cases.rules.letters",
    "uplift.casework.notices.rules",
    "uplift.casework.powers.eligibility_rules",
    "uplift.casework.powers.rules",
    "uplift.casework.cases.rules.closing",
)

RULES = Registry("casework", modules=MODULES)
register = RULES.register
get = RULES.get


def all_rules() -> list[type[Rule]]:
    return RULES.all()


def refusals(attempt: Attempt) -> list[Refusal]:
    """Every rule that refuses the attempt, in the order they are registered."""
    return [
        Refusal(rule.code, rule.message(**values))
        for rule, values in RULES.broken(attempt.action, attempt=attempt)
    ]
