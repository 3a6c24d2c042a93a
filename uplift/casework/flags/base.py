"""What every flag rule shares.

A flag rule is a small class registered under its name (flags/registry.py) for one flag
("coasting" or "rise_stuck") and the dates it was in force. Its docstring is the definition
a user reads; `evaluate` decides, without touching the database, whether one school's
history as at a day raises the flag, and says why in words.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import ClassVar

from uplift.core.rules import template

COASTING, RISE_STUCK = "coasting", "rise_stuck"
LABELS = {COASTING: "Coasting school", RISE_STUCK: 'RISE "stuck" school'}


@dataclass(frozen=True)
class FlagResult:
    """One flag of one school on one day, with the rule that decided it."""

    code: str  # "coasting" | "rise_stuck"
    label: str
    raised: bool
    rule: str  # the registered rule's name
    rule_text: str  # its docstring: the definition a user reads
    applies_from: date | None  # the rule's validity (None: open-ended)
    applies_to: date | None
    reason: str  # in words: which inspections or results led to it, or why it cannot be decided
    decided: bool = True  # False when the evidence needed is missing

    def as_json(self) -> dict:
        return {
            "code": self.code,
            "label": self.label,
            "raised": self.raised,
            "decided": self.decided,
            "rule": self.rule,
            "rule_text": self.rule_text,
            "applies_from": self.applies_from.isoformat() if self.applies_from else None,
            "applies_to": self.applies_to.isoformat() if self.applies_to else None,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class GradedInspection:
    """A graded (section 5) or report-card inspection as the rules read it."""

    framework: str  # a code of uplift.inspections.frameworks
    start_date: date
    overall_grade: int | None = None
    category_of_concern: str = ""  # a CategoryOfConcern value, "" for none
    areas: dict[str, str] = field(default_factory=dict)  # area code -> grade code
    number: str = ""


@dataclass(frozen=True)
class History:
    """One school as at a day: its graded inspections up to that day, newest first, and
    (for the data-based rules) its results by (measure code, academic year)."""

    establishment_id: int
    on: date
    inspections: tuple[GradedInspection, ...] = ()
    results: dict[tuple[str, str], Decimal | None] = field(default_factory=dict)

    @property
    def latest(self) -> GradedInspection | None:
        return self.inspections[0] if self.inspections else None

    @property
    def previous(self) -> GradedInspection | None:
        return self.inspections[1] if len(self.inspections) > 1 else None


@dataclass(frozen=True)
class Outcome:
    raised: bool
    reason: str
    decided: bool = True


class FlagRule:
    flag: ClassVar[str]  # COASTING or RISE_STUCK
    name: ClassVar[str]
    applies_from: ClassVar[date | None]
    applies_to: ClassVar[date | None]
    measures: ClassVar[tuple[str, ...]] = ()  # performance measures the rule reads, if any

    @classmethod
    def covers(cls, day: date) -> bool:
        return (cls.applies_from is None or cls.applies_from <= day) and (
            cls.applies_to is None or day <= cls.applies_to
        )

    @classmethod
    def text(cls) -> str:
        return template(cls)  # its docstring as one paragraph

    @classmethod
    def evaluate(cls, history: History) -> Outcome:
        raise NotImplementedError

    @classmethod
    def result(cls, history: History) -> FlagResult:
        outcome = cls.evaluate(history)
        return FlagResult(
            code=cls.flag,
            label=LABELS[cls.flag],
            raised=outcome.raised,
            rule=cls.name,
            rule_text=cls.text(),
            applies_from=cls.applies_from,
            applies_to=cls.applies_to,
            reason=outcome.reason,
            decided=outcome.decided,
        )
