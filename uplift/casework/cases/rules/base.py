"""What every casework rule shares: the facts of a case a rule reads, the step attempted,
and the refusal a rule gives.

A rule's docstring is its message, with {placeholders} filled from what `check` returns
(the shared mechanism: uplift.core.rules); `check` returns None when the rule lets the step
through. Rules marked `needs_input` judge what a person enters (a date, the grounds): they
are left out when the case page previews which next steps are open.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from uplift.casework.cases.steps import (  # noqa: F401 (the rules' vocabulary)
    CASE_ACTIONS,
    CLOSE,
    COMPLIANCE,
    DFE_COPY,
    INTENTION,
    MOVE,
    NOTICE,
    OPEN,
    POWER,
    POWER_DFE,
    STAGE_ORDER,
    STRUCTURAL,
)
from uplift.casework.models import Stage
from uplift.core import rules
from uplift.core.dates import long_date

# Ofsted categories that make a maintained school eligible for intervention (s.61, s.62).
CONCERN_CATEGORIES = frozenset(
    {
        "special_measures",
        "serious_weaknesses",
        "notice_to_improve",
        "requires_significant_improvement",
    }
)


def day(value: date | None) -> str:
    """A date as the rules' messages write it: 3 April 2026 ("no date" when none)."""
    return long_date(value, missing="no date")


def stage_label(stage: str) -> str:
    return str(Stage(stage).label).lower() if stage in STAGE_ORDER else stage


@dataclass(frozen=True)
class NoticeFacts:
    id: int | None
    issued_on: date
    route: str
    compliance_deadline: date
    powers_window_ends: date
    copied_to_dfe_on: date | None = None
    compliance: str = ""
    compliance_decided_on: date | None = None


@dataclass(frozen=True)
class PowerFacts:
    id: int | None
    power: str
    used_on: date
    dfe_notified_on: date | None = None


@dataclass(frozen=True)
class CaseFacts:
    """What the rules know of a school and its case (case_id None when none is open)."""

    school: str
    maintained: bool
    school_type: str
    today: date
    case_id: int | None = None
    stage: str = ""
    stage_changed_on: date | None = None
    closed_on: date | None = None
    open_case_id: int | None = None  # the school's open case, for opening another
    open_case_opened_on: date | None = None
    concern_inspection: str = ""  # the latest inspection's category of concern, if any
    concern_inspection_on: date | None = None
    concern_letter_sent_on: date | None = None
    notice_of_intention_on: date | None = None
    notices: tuple[NoticeFacts, ...] = ()
    powers: tuple[PowerFacts, ...] = ()

    @property
    def latest_notice(self) -> NoticeFacts | None:
        return self.notices[-1] if self.notices else None

    @property
    def eligible_by_inspection(self) -> bool:
        return self.concern_inspection in CONCERN_CATEGORIES


@dataclass(frozen=True)
class Attempt:
    """One step someone tries on a case, with what they entered."""

    action: str
    facts: CaseFacts
    on: date | None = None
    to_stage: str = ""
    preview: bool = False
    reason: str = ""
    action_plan_due_on: date | None = None
    grounds: tuple[str, ...] = ()
    route: str = "s60"
    power: str = ""
    sos_consent_on: date | None = None
    compliance: str = ""
    notice: NoticeFacts | None = None
    power_use: PowerFacts | None = None
    extra: dict = field(default_factory=dict)

    @property
    def target(self) -> str:
        """The stage the step takes the case to."""
        if self.to_stage:
            return self.to_stage
        return {
            NOTICE: Stage.WARNING_NOTICE,
            POWER: Stage.POWERS_USED,
            STRUCTURAL: Stage.STRUCTURAL,
            CLOSE: Stage.CLOSED,
        }.get(self.action, "")


@dataclass(frozen=True)
class Refusal:
    rule: str
    message: str


class Rule(rules.Rule):
    actions: ClassVar[frozenset[str]]
    needs_input: ClassVar[bool] = False

    @classmethod
    def applies(cls, attempt: Attempt) -> bool:
        return attempt.action in cls.actions and not (attempt.preview and cls.needs_input)

    @classmethod
    def check(cls, attempt: Attempt) -> dict | None:
        raise NotImplementedError

    @classmethod
    def broken(cls, *, attempt: Attempt, **facts) -> dict | None:
        return cls.check(attempt) if cls.applies(attempt) else None

    @classmethod
    def refusal(cls, attempt: Attempt) -> Refusal | None:
        values = cls.broken(attempt=attempt)
        return None if values is None else Refusal(cls.code, cls.message(**values))
