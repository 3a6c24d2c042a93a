"""Facts and attempts for the rule tests (no database)."""

from dataclasses import replace
from datetime import date

from uplift.casework.cases.rules.base import Attempt, CaseFacts, NoticeFacts, PowerFacts
from uplift.casework.cases.rules.registry import get, refusals

TODAY = date(2026, 11, 20)


def facts(**values) -> CaseFacts:
    base = CaseFacts(
        school="Abbots Langley Primary (URN 117001)",
        maintained=True,
        school_type="a community school",
        today=TODAY,
        case_id=7,
        stage="concern_raised",
        stage_changed_on=date(2026, 3, 1),
    )
    return replace(base, **values)


def notice(**values) -> NoticeFacts:
    base = NoticeFacts(
        id=1,
        issued_on=date(2026, 5, 22),
        route="s60",
        compliance_deadline=date(2026, 6, 15),
        powers_window_ends=date(2026, 8, 15),
        copied_to_dfe_on=date(2026, 5, 26),
        compliance="not_complied",
        compliance_decided_on=date(2026, 6, 16),
    )
    return replace(base, **values)


def power(**values) -> PowerFacts:
    return replace(PowerFacts(id=1, power="s64", used_on=date(2026, 7, 1)), **values)


def attempt(action, **values) -> Attempt:
    values.setdefault("facts", facts())
    return Attempt(action, **values)


def refusal(code: str, attempt_: Attempt) -> str | None:
    """The message of rule `code` for the attempt, None when it lets it through."""
    found = get(code).refusal(attempt_)
    return found.message if found else None


def codes(attempt_: Attempt) -> list[str]:
    return [r.rule for r in refusals(attempt_)]
