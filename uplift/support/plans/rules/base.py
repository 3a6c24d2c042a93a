"""The registry of the rules of plans and cycles (the shared mechanism: uplift.core.rules).

A rule lists the changes (service names) it guards; `broken(**facts)` looks at the facts the
service gathered (no database access) and answers None when the change is fine, or the
values that fill the {placeholders} of its docstring, which is the message a user reads.
`check` runs the rules of a change in order and raises RuleRefused, a Refused carrying
the rule's code, at the first broken one.
"""

from uplift.core.errors import RuleRefused
from uplift.core.rules import Registry, Rule

__all__ = ["RULES", "Rule", "RuleRefused", "all_rules", "check", "get", "register", "rules_for"]

RULES = Registry(
    "plans and cycles",
    modules=(
        "uplift.support.cycles.rules",
        "uplift.support.plans.rules.dates",
        "uplift.support.plans.rules.plans",
    ),
)
register = RULES.register
get = RULES.get
all_rules = RULES.all
rules_for = RULES.rules_for
check = RULES.check
