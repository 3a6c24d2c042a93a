"""Reading officers' judgements: the criteria an LA's policies ask officers to judge, a
school's judgements with their history, and the schools a policy needs a judgement for."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, QuerySet

from uplift.categorisation.definition import Criterion, DefinitionInvalid
from uplift.categorisation.engine import definition_of
from uplift.categorisation.models import (
    OfficerJudgement,
    PolicyVersion,
    SchoolCategorisation,
    VersionStatus,
)
from uplift.categorisation.scope import EXCLUDE
from uplift.categorisation.selectors import open_schools


def judged_criteria(*, la) -> dict[str, Criterion]:
    """The criteria, by code, that the LA's policies take from an officer's judgement: those of
    each policy's active version and of its newest version (a draft being tried), the active
    version's wording first."""
    versions = (
        PolicyVersion.objects.filter(policy__la=la)
        .only("id", "policy_id", "number", "status", "definition")
        .order_by("policy_id", "-number")
    )
    chosen, newest_seen = [], set()
    for version in versions:
        if version.status == VersionStatus.ACTIVE:
            chosen.insert(0, version)
        elif version.policy_id not in newest_seen:
            chosen.append(version)
        newest_seen.add(version.policy_id)
    found: dict[str, Criterion] = {}
    for version in chosen:
        try:
            definition = version.parsed
        except DefinitionInvalid:
            continue
        for criterion in definition.criteria:
            if criterion.source == "judgement":
                found.setdefault(criterion.code, criterion)
    return found


def history(*, establishment, criterion: str) -> list[OfficerJudgement]:
    """Every judgement of the criterion for the school, the one that stands first."""
    return list(
        OfficerJudgement.objects.filter(establishment=establishment, criterion=criterion)
        .select_related("recorded_by")
        .order_by("-judged_on", "-recorded_at", "-id")
    )


def version_of(*, establishment, criterion: str) -> int:
    """How many judgements of the criterion the school has: a form carries the number it
    was shown, so that a judgement recorded by someone else meanwhile is not overlooked."""
    return OfficerJudgement.objects.filter(establishment=establishment, criterion=criterion).count()


@dataclass(frozen=True)
class Standing:
    criterion: Criterion
    latest: OfficerJudgement | None
    count: int


def standing(*, establishment, criteria: dict[str, Criterion]) -> list[Standing]:
    """For each judged criterion, the judgement that stands for the school and how many it
    has had. Two queries."""
    rows = (
        OfficerJudgement.objects.filter(establishment=establishment, criterion__in=list(criteria))
        .select_related("recorded_by")
        .order_by("criterion", "-judged_on", "-recorded_at", "-id")
    )
    latest: dict[str, OfficerJudgement] = {}
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        latest.setdefault(row.criterion, row)
        counts[row.criterion] += 1
    return [Standing(c, latest.get(code), counts[code]) for code, c in criteria.items()]


@dataclass(frozen=True)
class Missing:
    """The schools that lack a judgement the policy needs, for one criterion."""

    criterion: Criterion
    schools: list  # Establishment, by name


def missing_judgements(*, establishments: QuerySet, policy_version, as_at: date) -> list[Missing]:
    """For each criterion the policy takes from an officer, the schools it applies to that
    have no judgement of it made by `as_at`. Two queries, however many schools."""
    definition = definition_of(policy_version)
    judged = [c for c in definition.criteria if c.source == "judgement"]
    if not judged:
        return []
    fields = ("id", "urn", "name", "phase_group", "la_id", "type_name", "type_group", "status")
    schools = [
        school
        for school in establishments.only(*fields).order_by("name", "urn")
        if definition.scope.footing(school) != EXCLUDE
    ]
    have = defaultdict(set)
    for school_id, criterion in (
        OfficerJudgement.objects.filter(
            establishment_id__in=establishments.order_by().values("pk"),
            criterion__in=[c.code for c in judged],
            judged_on__lte=as_at,
        )
        .values_list("establishment_id", "criterion")
        .distinct()
    ):
        have[criterion].add(school_id)
    return [
        Missing(c, [s for s in schools if c.applies_to(s.phase_group) and s.pk not in have[c.code]])
        for c in judged
    ]


def _categorised(round_) -> QuerySet:
    return round_.la.establishments.filter(
        pk__in=SchoolCategorisation.objects.filter(round_id=round_.pk).values("establishment_id")
    )


def _round_schools(round_) -> QuerySet:
    """The round's schools: those it categorised, or every school open on its date before."""
    if round_.categorisations.exists():
        return _categorised(round_)
    return open_schools(la=round_.la, as_at=round_.as_at)


def missing_for_round(round_, policy_version=None) -> list[Missing]:
    """The round's schools that lack a judgement `policy_version` (the round's own by
    default) needs: those it categorised, or every school open on its date before then."""
    return missing_judgements(
        establishments=_round_schools(round_),
        policy_version=policy_version or round_.policy_version,
        as_at=round_.as_at,
    )


@dataclass(frozen=True)
class MissingCount:
    """How many schools lack a judgement the policy needs, for one criterion."""

    criterion: Criterion
    count: int


SHAPE = ("status", "type_name", "type_group", "phase_group")  # what scope and criteria read


def _shapes(establishments: QuerySet) -> dict[tuple, int]:
    """How many of the schools have each shape. One aggregate query."""
    return {
        tuple(row[f] for f in SHAPE): row["n"]
        for row in establishments.order_by().values(*SHAPE).annotate(n=Count("pk"))
    }


def missing_counts(
    *, establishments: QuerySet, policy_version, as_at: date, shapes: dict | None = None
) -> list[MissingCount]:
    """What missing_judgements says, as counts only: the schools are counted by the few
    shapes the policy's scope and criteria read (status, type and phase), never loaded one
    by one. Two aggregate queries (one when `shapes` of the schools is given), however
    many schools."""
    definition = definition_of(policy_version)
    judged = [c for c in definition.criteria if c.source == "judgement"]
    if not judged:
        return []
    ids = establishments.order_by().values("pk")
    shapes = _shapes(establishments) if shapes is None else shapes
    have = defaultdict(int)  # (criterion, shape) -> schools with a judgement
    for row in (
        OfficerJudgement.objects.filter(
            establishment_id__in=ids,
            criterion__in=[c.code for c in judged],
            judged_on__lte=as_at,
        )
        .order_by()
        .values("criterion", *(f"establishment__{f}" for f in SHAPE))
        .annotate(n=Count("establishment_id", distinct=True))
    ):
        shape = tuple(row[f"establishment__{f}"] for f in SHAPE)
        have[(row["criterion"], shape)] += row["n"]

    def in_scope(shape) -> bool:
        school = dict(zip(SHAPE, shape, strict=True))
        return definition.scope.footing(_Shape(**school)) != EXCLUDE

    counted = [shape for shape in shapes if in_scope(shape)]
    return [
        MissingCount(
            c,
            sum(
                shapes[shape] - have[(c.code, shape)]
                for shape in counted
                if c.applies_to(shape[SHAPE.index("phase_group")])
            ),
        )
        for c in judged
    ]


@dataclass(frozen=True)
class _Shape:
    status: str
    type_name: str
    type_group: str
    phase_group: str


def missing_counts_for_round(round_, policy_version=None) -> list[MissingCount]:
    """missing_for_round as counts, for the round and what-if pages (a fixed number of
    queries and work by the schools' few shapes, not by their number)."""
    schools = _categorised(round_)
    shapes = _shapes(schools)
    if not shapes:  # the round categorised none: every school open on its date
        schools = open_schools(la=round_.la, as_at=round_.as_at)
        shapes = None
    return missing_counts(
        establishments=schools,
        policy_version=policy_version or round_.policy_version,
        as_at=round_.as_at,
        shapes=shapes,
    )
