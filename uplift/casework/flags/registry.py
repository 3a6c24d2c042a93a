"""Every flag rule by name; for each flag, the one whose dates cover a day applies."""

from datetime import date

from uplift.casework.flags.base import FlagRule
from uplift.core.discovery import import_package

_RULES: dict[str, type[FlagRule]] = {}


def register(rule: type[FlagRule]) -> type[FlagRule]:
    if rule.name in _RULES and _RULES[rule.name] is not rule:
        raise ValueError(f"two flag rules are called {rule.name}")
    _RULES[rule.name] = rule
    return rule


def all_rules() -> list[type[FlagRule]]:
    _load()
    return list(_RULES.values())


def get(name: str) -> type[FlagRule]:
    _load()
    return _RULES[name]


def rules_of(flag: str) -> list[type[FlagRule]]:
    """The flag's rules in date order."""
    return sorted(
        (rule for rule in all_rules() if rule.flag == flag),
        key=lambda rule: rule.applies_from or date.min,
    )


def rule_on(flag: str, day: date) -> type[FlagRule]:
    """The flag's rule in force on `day` (exactly one: the rules tile time)."""
    matching = [rule for rule in rules_of(flag) if rule.covers(day)]
    if len(matching) != 1:
        raise LookupError(f"{len(matching)} rules of {flag} cover {day}")
    return matching[0]


def _load() -> None:
    import_package("uplift.casework.flags.rules")  # importing the modules registers their rules
