"""What every rule of plans and cycles shares, and the registry.

A rule is a class registered under a code, listing the changes (service names) it guards.
`broken(facts)` looks at the facts the service gathered (no database access) and answers
None when the change is fine, or the values that fill the {placeholders} of its docstring,
which is the message a user reads. `check` runs the rules of a change in order and raises
RuleBroken, a ChangeRefused carrying the rule's code, at the first broken one.
"""

import inspect
from datetime import date
from functools import cache
from typing import ClassVar

from uplift.schools.services import ChangeRefused


class Rule:
    code: ClassVar[str]
    actions: ClassVar[tuple[str, ...]]
    order: ClassVar[int] = 50  # lower runs first: state before dates

    @classmethod
    def broken(cls, facts: dict) -> dict | None:
        raise NotImplementedError

    @classmethod
    def message(cls, **values) -> str:
        return _template(cls).format(**values)


@cache
def _template(rule: type[Rule]) -> str:
    return " ".join(inspect.getdoc(rule).split())


class RuleBroken(ChangeRefused):
    """A rule of plans or cycles refuses the change; str() is its message."""

    def __init__(self, rule: type[Rule], values: dict):
        self.rule = rule
        self.code = rule.code
        super().__init__(rule.message(**values))


_RULES: dict[str, type[Rule]] = {}


def register(rule: type[Rule]) -> type[Rule]:
    if rule.code in _RULES and _RULES[rule.code] is not rule:
        raise ValueError(f"two rules are called {rule.code}")
    if not inspect.getdoc(rule):
        raise ValueError(f"rule {rule.code} has no message (docstring)")
    _RULES[rule.code] = rule
    return rule


def _load() -> None:
    from uplift.support.plans_rules import cycles, dates, plans  # noqa: F401


def all_rules() -> list[type[Rule]]:
    _load()
    return list(_RULES.values())


def get(code: str) -> type[Rule]:
    _load()
    return _RULES[code]


def rules_for(action: str) -> list[type[Rule]]:
    return sorted((r for r in all_rules() if action in r.actions), key=lambda r: r.order)


def check(action: str, **facts) -> None:
    """Raise RuleBroken for the first rule of `action` the facts break."""
    for rule in rules_for(action):
        values = rule.broken(facts)
        if values is not None:
            raise RuleBroken(rule, values)


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
