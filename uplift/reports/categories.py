"""The LA's categories by phase in a categorisation round, and its priority school list.

Rounds a reader may use: every round of the LA for those who run categorisation there
(uplift.categorisation.access.categorisation_las), published rounds only for anyone else who can
see the LA. A school's category is the one that stands in the round: the officer's decision,
else the policy's proposal.

The priority school list puts the LA's schools on their way to good or outstanding in order,
those not yet good first (see PRIORITIES): by the overall grade of the latest graded
inspection counting on the chosen day, or for report cards and 2024-25 inspections by their
lowest area grade (an area needing attention or urgent improvement counts as not yet good).
Within a priority, schools in a worse category come first, then those inspected longest ago.
Outstanding schools, and report-card schools at the expected standard or better in every
area, are not on the list.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from uplift.categorisation.access import categorisation_las
from uplift.categorisation.models import Round, RoundStatus, SchoolCategorisation
from uplift.inspections import frameworks
from uplift.inspections.models import Judgement
from uplift.reports.as_at import (
    PHASE_LABELS,
    REPORTED_PHASES,
    reported_phase,
    schools_on,
    with_latest_graded,
)
from uplift.reports.ofsted_summary import ALL_PHASES, ALL_PHASES_LABEL
from uplift.reports.percentages import percent
from uplift.schools.models import Establishment, LocalAuthority

NOT_CATEGORISED = "not_categorised"


def readable_rounds(*, user, la: LocalAuthority) -> QuerySet[Round]:
    """The LA's rounds this user may read, newest first."""
    rounds = Round.objects.filter(la=la).select_related("policy_version").order_by("-as_at", "-pk")
    if categorisation_las(user).filter(pk=la.pk).exists():
        return rounds
    return rounds.filter(status=RoundStatus.PUBLISHED)


@dataclass(frozen=True)
class CategoryRow:
    code: str
    label: str
    causing_concern: str  # yes, maybe or no
    schools: int
    schools_pct: Decimal | None
    pupils: int
    pupils_pct: Decimal | None


@dataclass(frozen=True)
class PhaseCategories:
    key: str
    label: str
    schools: int
    pupils: int
    rows: tuple[CategoryRow, ...]  # the policy's categories, best first
    causing_concern: int  # schools in a category marked as causing concern ("yes")


@dataclass(frozen=True)
class CategoriesByPhase:
    la: LocalAuthority
    round: Round
    phases: tuple[PhaseCategories, ...]
    total: PhaseCategories
    left_out: int  # categorised schools outside the reported phases


def categories_by_phase(
    *, la: LocalAuthority, schools: QuerySet[Establishment], round: Round
) -> CategoriesByPhase:
    """Counts of the round's schools among `schools`, by phase and category. One query."""
    categories = round.policy_version.parsed.categories
    placed = (
        SchoolCategorisation.objects.filter(round=round, establishment__in=schools.filter(la=la))
        .values_list(
            "final_category",
            "proposed_category",
            "establishment__phase_group",
            "establishment__type_name",
            "establishment__type_group",
            "establishment__pupils",
        )
        .order_by()
    )
    by_phase: dict[str, list[tuple[str, int]]] = defaultdict(list)
    left_out = 0
    for final, proposed, phase_group, type_name, type_group, pupils in placed:
        phase = reported_phase(phase_group, type_name, type_group)
        if phase is None:
            left_out += 1
            continue
        by_phase[phase].append((final or proposed, pupils or 0))
    everyone = [entry for entries in by_phase.values() for entry in entries]
    return CategoriesByPhase(
        la=la,
        round=round,
        phases=tuple(
            _phase(phase.value, PHASE_LABELS[phase.value], by_phase[phase.value], categories)
            for phase in REPORTED_PHASES
        ),
        total=_phase(ALL_PHASES, ALL_PHASES_LABEL, everyone, categories),
        left_out=left_out,
    )


def _phase(key, label, entries: list[tuple[str, int]], categories) -> PhaseCategories:
    schools = Counter(code for code, _ in entries)
    pupils: Counter[str] = Counter()
    for code, count in entries:
        pupils[code] += count
    total_pupils = sum(pupils.values())
    rows = tuple(
        CategoryRow(
            code=category.code,
            label=category.label,
            causing_concern=category.causing_concern,
            schools=schools[category.code],
            schools_pct=percent(schools[category.code], len(entries)),
            pupils=pupils[category.code],
            pupils_pct=percent(pupils[category.code], total_pupils),
        )
        for category in categories
    )
    return PhaseCategories(
        key=key,
        label=label,
        schools=len(entries),
        pupils=total_pupils,
        rows=rows,
        causing_concern=sum(row.schools for row in rows if row.causing_concern == "yes"),
    )


# The priority school list


@dataclass(frozen=True)
class Priority:
    rank: int
    label: str


PRIORITIES = (
    Priority(1, "Not yet good: inadequate, or urgent improvement in an area"),
    Priority(2, "Not yet good: requires improvement, or an area needing attention"),
    Priority(3, "Not yet good: no graded inspection"),
    Priority(4, "Good: towards outstanding"),
)
# Area grades (by rank on their scale) that keep a school without an overall grade from good.
REPORT_CARD_BELOW = {4: 2, 5: 1}  # needs attention, urgent improvement
FOUR_POINT_BELOW = {3: 2, 4: 1}  # requires improvement, inadequate


@dataclass(frozen=True)
class PriorityEntry:
    priority: Priority
    establishment: Establishment
    phase_label: str
    latest: str  # what the latest graded inspection gave, in words
    inspected_on: date | None
    framework: str
    category: str  # the category label in the round, "" when not categorised
    category_rank: int | None  # 0 for the best category
    previous_category: str  # in the round before, when there is one
    movement: str  # "improved", "declined", "same" or "" (no comparison possible)


@dataclass(frozen=True)
class PriorityList:
    la: LocalAuthority
    as_at: date
    round: Round | None
    previous_round: Round | None
    entries: tuple[PriorityEntry, ...]


def priority_schools(
    *,
    la: LocalAuthority,
    schools: QuerySet[Establishment],
    as_at: date,
    round: Round | None,
    previous_round: Round | None = None,
) -> PriorityList:
    """At most five queries, whatever the number of schools."""
    in_la = schools.filter(la=la)
    on_day = [s for s in schools_on(schools=in_la, day=as_at) if s.phase is not None]
    lowest = _lowest_area_ranks(in_la, as_at)
    candidates = {}
    for school in on_day:
        priority = _priority(school, lowest.get(school.inspection_id))
        if priority is not None:
            candidates[school.pk] = (school, priority)
    establishments = {school.pk: school for school in in_la.order_by()}
    current = _categories(round)
    before = _categories(previous_round)
    same_policy = (
        round is not None
        and previous_round is not None
        and round.policy_version.policy_id == previous_round.policy_version.policy_id
    )
    entries = []
    for pk, (school, priority) in candidates.items():
        category, rank = current.get(pk, ("", None))
        previous, previous_rank = before.get(pk, ("", None))
        entries.append(
            PriorityEntry(
                priority=priority,
                establishment=establishments[pk],
                phase_label=PHASE_LABELS[school.phase],
                latest=_latest_words(school, lowest.get(school.inspection_id)),
                inspected_on=school.inspected_on,
                framework=school.framework,
                category=category,
                category_rank=rank,
                previous_category=previous,
                movement=_movement(rank, previous_rank) if same_policy else "",
            )
        )
    entries.sort(
        key=lambda e: (
            e.priority.rank,
            -(e.category_rank if e.category_rank is not None else -1),
            e.inspected_on or date.min,
            e.establishment.name,
            e.establishment.urn,
        )
    )
    return PriorityList(la, as_at, round, previous_round, tuple(entries))


def _movement(rank: int | None, previous_rank: int | None) -> str:
    if rank is None or previous_rank is None:
        return ""
    if rank == previous_rank:
        return "same"
    return "improved" if rank < previous_rank else "declined"


def _lowest_area_ranks(schools: QuerySet[Establishment], as_at: date) -> dict[int, int]:
    """For the schools' latest graded inspections with no overall grade: the worst rank
    among their area grades, by inspection id."""
    lowest: dict[int, int] = {}
    rows = Judgement.objects.filter(
        inspection_id__in=with_latest_graded(schools, as_at).values("latest_id"),
        inspection__overall_grade__isnull=True,
    ).values_list("inspection_id", "grade_rank")
    for inspection_id, rank in rows:
        lowest[inspection_id] = max(rank, lowest.get(inspection_id, 0))
    return lowest


def _priority(school, lowest_rank: int | None) -> Priority | None:
    if not school.inspected:
        return PRIORITIES[2]
    if school.overall_grade is not None:
        grade = school.overall_grade
        return {4: PRIORITIES[0], 3: PRIORITIES[1], 2: PRIORITIES[3]}.get(grade)
    below = (
        REPORT_CARD_BELOW
        if frameworks.framework(school.framework).is_report_card
        else FOUR_POINT_BELOW
    )
    position = below.get(lowest_rank or 0)
    return PRIORITIES[position - 1] if position else None


def _latest_words(school, lowest_rank: int | None) -> str:
    if not school.inspected:
        return "No graded inspection"
    framework = frameworks.framework(school.framework)
    if school.overall_grade is not None:
        words = frameworks.four_point_label(school.overall_grade, framework.starts)
        return f"{words} (confirmed by an ungraded inspection)" if school.confirmed else words
    grade = next((g for g in framework.scale if g.rank == lowest_rank), None)
    return f"No overall grade; lowest area grade: {grade.label}" if grade else "No overall grade"


def _categories(round: Round | None) -> dict[int, tuple[str, int | None]]:
    """The category label and rank (0 = best) of each school of the round, by id."""
    if round is None:
        return {}
    definition = round.policy_version.parsed
    rows = SchoolCategorisation.objects.filter(round=round).values_list(
        "establishment_id", "final_category", "proposed_category"
    )
    found = {}
    for establishment_id, final, proposed in rows:
        code = final or proposed
        category = definition.category(code)
        found[establishment_id] = (
            definition.label(code),
            definition.rank(code) if category else None,
        )
    return found
