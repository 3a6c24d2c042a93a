"""Every flag rule by name; for each flag, the one whose dates cover a day applies."""

from datetime import date

from uplift.casework.flags.base import FlagRule

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


_loaded = False


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    from uplift.casework.flags.rules import (  # noqa: F401
        coasting_2017,
        coasting_2022,
        coasting_2025,
        not_defined,
        rise_stuck_2025,
        rise_stuck_report_cards,
    )
