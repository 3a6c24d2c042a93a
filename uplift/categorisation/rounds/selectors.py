"""Reading a round's workflow: its schools for the round page, and each school's category
history and current category (published rounds plus changes made between rounds)."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import CharField, Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf

from uplift.categorisation.models import (
    BodyDecision,
    CategoryChange,
    Decision,
    Round,
    RoundStatus,
    SchoolCategorisation,
)
from uplift.core.words import person_name
from uplift.schools.models import PhaseGroup


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


def _decider(user) -> str:
    """Who decided, as colleagues know them (never a login name)."""
    return person_name(user, nobody="the system")


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
        decided_by=_decider(row.decided_by),
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
        decided_by=_decider(change.changed_by),
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


def category_version(*, establishment) -> int:
    """The version of the school's category: one more than the entries of its history (each
    published round and each re-categorisation adds one). A re-categorisation carries the
    version its officer saw, so that of two made at once the second is refused."""
    published = SchoolCategorisation.objects.filter(
        establishment=establishment, round__status=RoundStatus.PUBLISHED
    ).count()
    return 1 + published + CategoryChange.objects.filter(establishment=establishment).count()


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


def standing_category():
    """A round's row's category as it stands: the decided one, else the proposed one."""
    return Coalesce(NullIf(F("final_category"), Value("")), F("proposed_category"))


def previous_round(*, round: Round) -> Round | None:
    """The LA's latest published round before this one (by the date its evidence is read)."""
    return (
        Round.objects.filter(la_id=round.la_id, status=RoundStatus.PUBLISHED)
        .exclude(pk=round.pk)
        .filter(as_at__lte=round.as_at)
        .order_by("-as_at", "-pk")
        .first()
    )


def with_previous_category(rows, previous: Round | None):
    """Rows annotated with `standing` and `previous_category` (the school's category in the
    previous round; None when it had none)."""
    rows = rows.annotate(standing=standing_category())
    if previous is None:
        return rows.annotate(previous_category=Value(None, output_field=CharField()))
    earlier = (
        SchoolCategorisation.objects.filter(
            round=previous, establishment_id=OuterRef("establishment_id")
        )
        .annotate(was=standing_category())
        .values("was")[:1]
    )
    return rows.annotate(previous_category=Subquery(earlier))


def changed_since(rows):
    """Of rows annotated by with_previous_category: those whose category differs from the
    previous round's (or that were not in it)."""
    return rows.filter(Q(previous_category__isnull=True) | ~Q(previous_category=F("standing")))


DECISION_FILTERS = {
    "undecided": ("Not yet decided", Decision.UNDECIDED),
    "accepted": ("Accepted", Decision.ACCEPTED),
    "overridden": ("Overridden", Decision.OVERRIDDEN),
}


@dataclass(frozen=True)
class RoundFilters:
    """The round page's filters, read from its query string (unknown values are ignored)."""

    category: str = ""
    phase: str = ""
    decision: str = ""
    changed: bool = False

    @classmethod
    def from_query(cls, query, *, category_codes) -> "RoundFilters":
        category = query.get("category", "")
        phase = query.get("phase", "")
        decision = query.get("decision", "")
        if not decision and query.get("state") == "undecided":  # the page's earlier address
            decision = "undecided"
        return cls(
            category=category if category in category_codes else "",
            phase=phase if phase in PhaseGroup.values else "",
            decision=decision if decision in DECISION_FILTERS else "",
            changed=query.get("changed") == "yes",
        )

    @property
    def active(self) -> bool:
        return bool(self.category or self.phase or self.decision or self.changed)


def filtered_rows(*, round: Round, filters: RoundFilters, previous: Round | None = None):
    """The round's schools by name, filtered (the category is the standing one), each with
    `standing` and `previous_category`. A query set: page it, or update through it."""
    rows = with_previous_category(round.categorisations.all(), previous)
    if filters.category:
        rows = rows.filter(standing=filters.category)
    if filters.phase:
        rows = rows.filter(establishment__phase_group=filters.phase)
    if filters.decision:
        rows = rows.filter(decision=DECISION_FILTERS[filters.decision][1])
    if filters.changed and previous is not None:
        rows = changed_since(rows)
    return (
        rows.select_related("establishment", "decided_by")
        .prefetch_related("body_decisions")
        .order_by("establishment__name", "establishment__urn")
    )


def page_rows(rows, page_ids) -> list[SchoolCategorisation]:
    """The full rows of one page, in the page's order. The page's ids are found first (a
    query that sorts ids and names only), so that only the rows shown are read whole: their
    rationale is decoded for the 50 shown, not for every school in the round."""
    page_ids = list(page_ids)
    found = {row.pk: row for row in rows.filter(pk__in=page_ids).order_by()}
    return [found[pk] for pk in page_ids if pk in found]


def round_rows(*, round: Round, category: str = "", undecided: bool = False):
    """The round's schools by name, optionally only one category (the standing one) or only
    those not yet decided, each with the bodies' decisions on it. Two queries."""
    filters = RoundFilters(category=category, decision="undecided" if undecided else "")
    return list(filtered_rows(round=round, filters=filters))


def decision_counts(*, round: Round) -> dict[str, int]:
    """How many of the round's schools are undecided, accepted and overridden. One query."""
    counts = round.categorisations.aggregate(
        **{
            key: Count("pk", filter=Q(decision=value))
            for key, (_, value) in DECISION_FILTERS.items()
        }
    )
    counts["total"] = sum(counts.values())
    return counts


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
