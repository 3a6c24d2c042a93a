"""Every combination rule, by the code a policy names it with (like uplift.imports.registry)."""

from uplift.categorisation.rules.base import Rule
from uplift.core.discovery import import_package

_RULES: dict[str, type[Rule]] = {}


def register(rule: type[Rule]) -> type[Rule]:
    if rule.code in _RULES and _RULES[rule.code] is not rule:
        raise ValueError(f"two rules are called {rule.code}")
    _RULES[rule.code] = rule
    return rule


def get(code: str) -> type[Rule]:
    _load()
    return _RULES[code]


def all_rules() -> list[type[Rule]]:
    _load()
    return list(_RULES.values())


def anchor_rules() -> list[type[Rule]]:
    """The anchor rules in the order they are tried: the first that applies sets the anchor."""
    return sorted((r for r in all_rules() if r.kind == "anchor"), key=lambda r: r.anchor_order)


def adjustment_rules() -> list[type[Rule]]:
    return [r for r in all_rules() if r.kind == "adjustment"]


def _load() -> None:
    import_package("uplift.categorisation.rules")  # importing the modules registers their rules
