"""Reading a round's workflow: its schools for the round page, and each school's category
history and current category (published rounds plus changes made between rounds)."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q

from uplift.categorisation.models import (
    BodyDecision,
    CategoryChange,
    Decision,
    Round,
    RoundStatus,
    SchoolCategorisation,
)


@dataclass(frozen=True)
class CategoryEntry:
    """One category a school held from `since`: from a published round or a mid-year change."""

    since: datetime
    category: str
    label: str
    source: str  # e.g. "Round 2026-autumn" or "Re-categorised between rounds"
    reason: str  # why: the officer's override or change reason, else the policy's rationale
    evidence: str
    decided_by: str
    round_code: str = ""
    policy_version: object = field(default=None, compare=False, repr=False)  # its policy


class _Labels:
    """Category labels by policy version, each definition parsed once."""

    def __init__(self):
        self.definitions = {}

    def __call__(self, version, code: str) -> str:
        if version.pk not in self.definitions:
            self.definitions[version.pk] = version.parsed
        return self.definitions[version.pk].label(code)


def _username(user) -> str:
    return user.get_username() if user is not None else "the system"


def proposal_reason(rationale: dict) -> str:
    """The policy's rationale in one line: each rule that fired, in order."""
    return "; ".join(fired["message"] for fired in rationale.get("rationale", []))


def _round_entry(row: SchoolCategorisation, labels: _Labels) -> CategoryEntry:
    round_ = row.round
    overridden = row.decision == Decision.OVERRIDDEN
    return CategoryEntry(
        since=round_.publication.published_at,
        category=row.category,
        label=labels(round_.policy_version, row.category),
        source=f"Round {round_.code}",
        reason=row.override_reason if overridden else proposal_reason(row.rationale),
        evidence=row.override_evidence if overridden else "",
        decided_by=_username(row.decided_by),
        round_code=round_.code,
        policy_version=round_.policy_version,
    )


def _change_entry(change: CategoryChange, labels: _Labels) -> CategoryEntry:
    return CategoryEntry(
        since=change.changed_at,
        category=change.category,
        label=labels(change.policy_version, change.category),
        source="Re-categorised between rounds",
        reason=change.reason,
        evidence=change.evidence,
        decided_by=_username(change.changed_by),
        policy_version=change.policy_version,
    )


def _histories(establishment_ids) -> dict[int, list[CategoryEntry]]:
    """Each school's entries, newest first. Two queries (plus parsing each policy once)."""
    labels = _Labels()
    rows = SchoolCategorisation.objects.filter(
        establishment_id__in=establishment_ids, round__status=RoundStatus.PUBLISHED
    ).select_related("round__publication", "round__policy_version", "decided_by")
    changes = CategoryChange.objects.filter(establishment_id__in=establishment_ids).select_related(
        "policy_version", "changed_by"
    )
    found: dict[int, list[CategoryEntry]] = {}
    for row in rows:
        found.setdefault(row.establishment_id, []).append(_round_entry(row, labels))
    for change in changes:
        found.setdefault(change.establishment_id, []).append(_change_entry(change, labels))
    for entries in found.values():
        entries.sort(key=lambda entry: entry.since, reverse=True)
    return found


def category_history(*, establishment) -> list[CategoryEntry]:
    """Every category the school has held, newest first."""
    return _histories([establishment.pk]).get(establishment.pk, [])


def current_category(*, establishment) -> CategoryEntry | None:
    """The category that stands now, or None before any round is published for the school."""
    history = category_history(establishment=establishment)
    return history[0] if history else None


def current_categories(*, establishment_ids) -> dict[int, CategoryEntry]:
    """The current category of each of many schools (those with one), in two queries."""
    return {pk: entries[0] for pk, entries in _histories(establishment_ids).items()}


def rounds_for(*, las) -> list[Round]:
    """The rounds of these LAs, newest first, each with its school and undecided counts."""
    return list(
        Round.objects.filter(la__in=las)
        .select_related("la", "policy_version__policy")
        .annotate(
            schools=Count("categorisations"),
            undecided=Count(
                "categorisations", filter=Q(categorisations__decision=Decision.UNDECIDED)
            ),
        )
        .order_by("la__name", "-as_at")
    )


def round_rows(*, round: Round, category: str = "", undecided: bool = False):
    """The round's schools by name, optionally only one category (the standing one) or only
    those not yet decided, each with the bodies' decisions on it. Two queries."""
    rows = round.categorisations.select_related("establishment", "decided_by").prefetch_related(
        "body_decisions"
    )
    if category:
        rows = rows.filter(
            Q(final_category=category) | Q(final_category="", proposed_category=category)
        )
    if undecided:
        rows = rows.filter(decision=Decision.UNDECIDED)
    return list(rows.order_by("establishment__name", "establishment__urn"))


def undecided_count(*, round: Round) -> int:
    return round.categorisations.filter(decision=Decision.UNDECIDED).count()


def body_decisions(*, round: Round) -> list[dict]:
    """The bodies' decisions on the round's schools, one line per body, day and outcome,
    with how many schools: "agreed by the consortium board on 3 December 2026"."""
    return list(
        BodyDecision.objects.filter(categorisation__round=round)
        .values("body", "held_on", "outcome", "source")
        .annotate(schools=Count("id"))
        .order_by("held_on", "body", "outcome", "source")
    )
