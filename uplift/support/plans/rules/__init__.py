"""The rules of action plans and support cycles. Each is a small registered unit whose
docstring is the message a user reads when it refuses a change (see base.py)."""

from uplift.support.plans.rules.base import (  # noqa: F401
    Rule,
    RuleRefused,
    all_rules,
    check,
    get,
    rules_for,
)
