"""What every combination rule shares.

A rule is a small class registered under a code (rules/registry.py). Its docstring is the
message a user reads when it fires, with {placeholders} filled from the evidence; `validate`
checks its part of a policy, `describe` says in words what it does, and `apply` decides,
without touching the database, whether it fires for one school.
"""

import inspect
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from uplift.categorisation.conditions import Problem
from uplift.categorisation.evidence import EvidenceItem, SchoolEvidence


@dataclass(frozen=True)
class Assessment:
    """The level one criterion gives one school, and why."""

    criterion: str
    label: str
    applicable: bool
    level: str | None
    reason: str
    evidence: tuple[EvidenceItem, ...] = ()

    def as_json(self) -> dict:
        return {
            "criterion": self.criterion,
            "label": self.label,
            "applicable": self.applicable,
            "level": self.level,
            "reason": self.reason,
            "evidence": [item.as_json() for item in self.evidence],
        }


@dataclass(frozen=True)
class Context:
    definition: object  # definition.Definition
    evidence: SchoolEvidence
    assessments: dict[str, Assessment]


@dataclass(frozen=True)
class Fired:
    """A rule that fired for a school: its message, the category before and after, and the
    evidence it used."""

    rule: str
    name: str
    message: str
    before: str | None
    after: str
    evidence: tuple[EvidenceItem, ...] = ()

    def as_json(self) -> dict:
        return {
            "rule": self.rule,
            "name": self.name,
            "message": self.message,
            "before": self.before,
            "after": self.after,
            "evidence": [item.as_json() for item in self.evidence],
        }


class Rule:
    code: ClassVar[str]
    kind: ClassVar[str] = "adjustment"  # or "anchor"
    title: ClassVar[str]
    section: ClassVar[str] = ""  # anchors: their key in rules.anchor
    anchor_order: ClassVar[int] = 0  # anchors: the order they are tried in

    @classmethod
    def message(cls, **values) -> str:
        return _template(cls).format(**values)

    @classmethod
    def validate(cls, params, *, definition, path: str) -> list[Problem]:
        raise NotImplementedError

    @classmethod
    def apply(cls, context: Context, params, *, name: str, category: str | None) -> Fired | None:
        raise NotImplementedError

    @classmethod
    def describe(cls, params, *, definition) -> str:
        raise NotImplementedError

    @classmethod
    def overlap(cls, params, other, *, definition) -> str:
        """Why this rule and an earlier adjustment `other` clash ("" when they do not)."""
        return ""


@cache
def _template(rule: type[Rule]) -> str:
    """The rule's docstring on one line, ready to be filled in."""
    return " ".join(inspect.cleandoc(rule.__doc__ or "").split())


# Checks shared by several rules


def unknown_keys(params: dict, allowed: set[str], path: str) -> list[Problem]:
    return [Problem(f"{path}.{key}", "unknown key") for key in sorted(set(params) - allowed)]


def check_category(value, *, definition, path: str) -> list[Problem]:
    if not isinstance(value, str) or definition.category(value) is None:
        known = ", ".join(c.code for c in definition.categories)
        return [Problem(path, f"unknown category code {value!r}; categories: {known}")]
    return []


def check_map(value, *, keys: tuple[str, ...], definition, path: str, what: str) -> list[Problem]:
    """A map from every one of `keys` (best first) to a category, never better for a worse key."""
    if not isinstance(value, dict):
        return [Problem(path, f"must map each {what} ({', '.join(keys)}) to a category")]
    problems = [
        Problem(f"{path}.{key}", f"unknown {what}; use {', '.join(keys)}")
        for key in sorted(set(value) - set(keys))
        if not key.startswith("\x00")
    ]
    problems += [Problem(path, f"{what} {key} is not mapped") for key in keys if key not in value]
    for key in keys:
        if key in value:
            problems += check_category(value[key], definition=definition, path=f"{path}.{key}")
    if problems:
        return problems
    for better, worse in zip(keys, keys[1:], strict=False):
        if definition.rank(value[worse]) < definition.rank(value[better]):
            problems.append(
                Problem(
                    f"{path}.{worse}",
                    f"a worse outcome ({worse}) must not give a better category "
                    f"({value[worse]}) than {better} ({value[better]})",
                )
            )
    return problems


def check_int(params, key, *, path, minimum: int, default=None) -> list[Problem]:
    value = params.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        return [Problem(f"{path}.{key}", f"must be a whole number from {minimum}")]
    return []


def check_criteria_levels(params, *, definition, path: str) -> list[Problem]:
    """`criteria` (a list of criterion codes) each of which has `level` among its levels."""
    problems = []
    criteria = params.get("criteria")
    level = params.get("level")
    if not isinstance(criteria, list) or not criteria:
        return [Problem(f"{path}.criteria", "must be a non-empty list of criterion codes")]
    if len(set(map(str, criteria))) != len(criteria):
        problems.append(Problem(f"{path}.criteria", "each criterion may appear once"))
    for index, code in enumerate(criteria):
        criterion = definition.criterion(code) if isinstance(code, str) else None
        if criterion is None:
            problems.append(Problem(f"{path}.criteria[{index}]", f"unknown criterion {code!r}"))
        elif level not in criterion.levels:
            problems.append(
                Problem(
                    f"{path}.level",
                    f"{level!r} is not a level of {code} ({', '.join(criterion.levels)})",
                )
            )
    return problems


def steps_text(steps: int) -> str:
    return "one category" if steps == 1 else f"{steps} categories"


def counted(context: Context, criteria, level) -> list:
    """The applicable assessments among `criteria` at `level`."""
    return [
        context.assessments[code]
        for code in criteria
        if code in context.assessments and context.assessments[code].level == level
    ]


def evidence_of(assessments) -> tuple[EvidenceItem, ...]:
    return tuple(dict.fromkeys(item for a in assessments for item in a.evidence))
