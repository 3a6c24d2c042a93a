"""What every registered rule shares (casework steps, letters and meetings, action plans and
support cycles, visits).

A rule is a small class registered under a code in an area's Registry, listing the actions
(steps, service names) it guards and an order (lower runs first). Its docstring is the message
a user reads when it refuses a change, with {placeholders} filled from the values its
`broken(**facts)` returns; `broken` answers None when the change may go ahead. A registry's
`check(action, **facts)` runs the rules of the action in order and raises RuleRefused, a
Refused carrying the rule's code, at the first broken one.

(The categorisation engine's rules, uplift.categorisation.rules, are another kind of rule.)
"""

import importlib
import inspect
from collections.abc import Iterable, Iterator
from functools import cache
from typing import ClassVar

from uplift.core.errors import RuleRefused


class Rule:
    """A rule: its docstring is its message (see the module's docstring)."""

    code: ClassVar[str] = ""
    actions: ClassVar[Iterable[str]] = ()
    order: ClassVar[int] = 50

    @classmethod
    def broken(cls, **facts) -> dict | None:
        """None when the change may go ahead, else the values the message is filled with."""
        raise NotImplementedError

    @classmethod
    def message(cls, **values) -> str:
        return template(cls).format(**values)

    @classmethod
    def refused(cls, **values) -> RuleRefused:
        """The refusal to raise when the rule is broken with these values."""
        return RuleRefused(cls.code, cls.message(**values))


@cache
def template(rule: type) -> str:
    """The rule's own docstring on one line, ready to be filled in."""
    return " ".join(inspect.cleandoc(rule.__doc__ or "").split())


class Registry:
    """The rules of one area by their code, in the order they are registered.

    `modules` are imported (once, when the rules are first asked for) to register the rules
    they define; `actions`, when given, are the only actions the area's rules may guard."""

    def __init__(
        self, name: str, *, modules: Iterable[str] = (), actions: Iterable[str] | None = None
    ):
        self.name = name
        self.modules = tuple(modules)
        self.actions = None if actions is None else frozenset(actions)
        self._rules: dict[str, type[Rule]] = {}
        self._loaded = not self.modules

    def register(self, rule: type[Rule]) -> type[Rule]:
        """Class decorator: registers the rule, refusing one without a code or a message and
        two rules with the same code."""
        if not rule.code:
            raise ValueError(f"the {self.name} rule {rule.__name__} has no code")
        if not (rule.__doc__ or "").strip():
            raise ValueError(f"the {self.name} rule {rule.code} has no message (docstring)")
        if rule.code in self._rules and self._rules[rule.code] is not rule:
            raise ValueError(f"two {self.name} rules are called {rule.code}")
        if self.actions is not None:
            unknown = set(rule.actions) - self.actions
            if unknown:
                raise ValueError(f"{rule.code}: unknown actions {sorted(unknown)}")
        self._rules[rule.code] = rule
        return rule

    def get(self, code: str) -> type[Rule]:
        self._load()
        return self._rules[code]

    def all(self) -> list[type[Rule]]:
        self._load()
        return list(self._rules.values())

    def rules_for(self, action: str) -> list[type[Rule]]:
        """The rules that guard `action`, in their order (then as registered)."""
        return sorted((r for r in self.all() if action in r.actions), key=lambda r: r.order)

    def broken(self, action: str, **facts) -> Iterator[tuple[type[Rule], dict]]:
        """Each rule of `action` the facts break, in order, with the values of its message."""
        for rule in self.rules_for(action):
            values = rule.broken(**facts)
            if values is not None:
                yield rule, values

    def check(self, action: str, **facts) -> None:
        """Raise the refusal (RuleRefused) of the first rule of `action` the facts break."""
        for rule, values in self.broken(action, **facts):
            raise rule.refused(**values)

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        for module in self.modules:
            importlib.import_module(module)
