"""Every casework rule, by its code (like uplift.categorisation.rules.registry)."""

import importlib

from uplift.casework.rules.base import Attempt, Refusal, Rule

# Importing these modules registers their rules, in this order: the first refusal is the one
# a user is shown first.
MODULES = ("stages", "letters", "notices", "eligibility", "powers", "closing")

_RULES: dict[str, type[Rule]] = {}


def register(rule: type[Rule]) -> type[Rule]:
    if rule.code in _RULES and _RULES[rule.code] is not rule:
        raise ValueError(f"two casework rules are called {rule.code}")
    _RULES[rule.code] = rule
    return rule


def get(code: str) -> type[Rule]:
    _load()
    return _RULES[code]


def all_rules() -> list[type[Rule]]:
    _load()
    return list(_RULES.values())


def refusals(attempt: Attempt) -> list[Refusal]:
    """Every rule that refuses the attempt, in the order they are registered."""
    return [r for r in (rule.refusal(attempt) for rule in all_rules()) if r is not None]


_loaded = False


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in MODULES:
        importlib.import_module(f"uplift.casework.rules.{module}")
