"""Brokerage: for a support request, the leaders who could give it, ranked with their reasons
in words, and those excluded by a conflict of interest or their school's eligibility, with
the rule that excludes each. A fixed number of queries however many leaders."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum
from django.utils import timezone

from uplift.brokerage.conflict_facts import ConflictFacts
from uplift.brokerage.eligibility import eligibility_of
from uplift.brokerage.models import (
    Deployment,
    DeploymentStatus,
    Designation,
    Impact,
    SupportSession,
    SystemLeader,
)
from uplift.brokerage.ranking import extra_points
from uplift.brokerage.rules import CONFLICT, registry
from uplift.brokerage.specialisms import specialism_label
from uplift.brokerage.terms import postcode_area, postcode_district, term_of
from uplift.partnerships.access import member_school_ids
from uplift.schools.models import GroupKind, PhaseGroup

NEARBY_KINDS = {
    GroupKind.CLUSTER,
    GroupKind.CONSORTIUM,
    GroupKind.PARTNERSHIP,
    GroupKind.ALLIANCE,
    GroupKind.TEACHING_SCHOOL_HUB,
}
IMPACT_POINTS = {Impact.STRONG: 10, Impact.SOME: 5, Impact.LITTLE: -5}


@dataclass
class Proposal:
    leader: SystemLeader
    score: int
    reasons: list[str]
    capacity_left: Decimal


@dataclass
class Exclusion:
    leader: SystemLeader
    reasons: list[str]
    codes: list[str]


@dataclass
class Brokerage:
    proposals: list[Proposal] = field(default_factory=list)
    exclusions: list[Exclusion] = field(default_factory=list)


def candidate_leaders(*, la_id, day, partnership_id=None):
    """Leaders of the LA's organisations with a designation current on the day; for a
    partnership's request, only those of its member schools."""
    current = Designation.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=day), starts_on__lte=day
    )
    leaders = SystemLeader.objects.filter(organisation__la_id=la_id)
    if partnership_id is not None:
        members = member_school_ids(partnership_id, day)
        leaders = leaders.filter(organisation__establishment_id__in=members)
    return (
        leaders.filter(pk__in=current.values("leader_id"))
        .select_related("organisation__establishment", "organisation__group")
        .prefetch_related(Prefetch("designations", queryset=current, to_attr="current"))
        .order_by("name", "pk")
    )


def committed_days(*, leaders, day) -> dict[int, Decimal]:
    """Days each leader is committed for in the day's term: sessions held in the term plus
    the days still to deliver on deployments that run."""
    _, first, last = term_of(day)
    ids = [ld.pk for ld in leaders]
    held = dict(
        SupportSession.objects.filter(
            deployment__leader_id__in=ids, held_on__gte=first, held_on__lte=last
        )
        .values_list("deployment__leader_id")
        .annotate(days=Sum("days"))
        .order_by()
    )
    running = Deployment.objects.filter(
        leader_id__in=ids, status__in=[DeploymentStatus.AGREED, DeploymentStatus.IN_PROGRESS]
    ).annotate(delivered=Sum("sessions__days"))
    owed: dict[int, Decimal] = {}
    for deployment in running.values("leader_id", "days_planned", "delivered"):
        left = Decimal(deployment["days_planned"]) - (deployment["delivered"] or 0)
        owed[deployment["leader_id"]] = owed.get(deployment["leader_id"], 0) + max(left, 0)
    return {pk: Decimal(held.get(pk) or 0) + owed.get(pk, 0) for pk in ids}


def track_records(*, leaders) -> dict[int, dict[str, int]]:
    """Each leader's completed deployments by impact."""
    rows = (
        Deployment.objects.filter(
            leader_id__in=[ld.pk for ld in leaders], status=DeploymentStatus.COMPLETED
        )
        .values("leader_id", "impact")
        .annotate(n=Count("pk"))
        .order_by()
    )
    found: dict[int, dict[str, int]] = {}
    for row in rows:
        found.setdefault(row["leader_id"], {})[row["impact"]] = row["n"]
    return found


def broker(*, request, day=None) -> Brokerage:
    """The ranked proposals and the exclusions for a support request."""
    day = day or timezone.localdate()
    school = request.establishment
    leaders = list(
        candidate_leaders(la_id=school.la_id, day=day, partnership_id=request.partnership_id)
    )
    facts = ConflictFacts(school=school, leaders=leaders, day=day)
    supporter_schools = {
        ld.organisation.establishment_id: ld.organisation.establishment
        for ld in leaders
        if ld.organisation.establishment_id
    }
    eligibility = eligibility_of(schools=supporter_schools.values())
    committed = committed_days(leaders=leaders, day=day)
    records = track_records(leaders=leaders)
    extras = extra_points(leaders=leaders, request=request)
    found = Brokerage()
    for leader in leaders:
        broken = list(registry.broken(CONFLICT, leader=leader, school=school, facts=facts))
        codes = [rule.code for rule, _ in broken]
        reasons = [rule.message(**values) for rule, values in broken]
        verdict = eligibility.get(leader.organisation.establishment_id)
        if verdict is not None and not verdict.eligible:
            codes += verdict.codes
            reasons += verdict.reasons
        if reasons:
            found.exclusions.append(Exclusion(leader, reasons, codes))
            continue
        proposal = _score(leader, request, facts, committed[leader.pk], records.get(leader.pk, {}))
        for points, reason in extras.get(leader.pk, []):
            proposal.score += points
            proposal.reasons.append(reason)
        found.proposals.append(proposal)
    found.proposals.sort(key=lambda p: (-p.score, p.leader.name, p.leader.pk))
    return found


def _score(leader, request, facts, committed, record) -> Proposal:
    score, reasons = 0, []
    for part in (_specialisms, _phase, _nearby, _postcode):
        points, reason = part(leader, request, facts)
        score += points
        if reason:
            reasons.append(reason)
    left = max(Decimal(leader.days_per_term) - committed, Decimal(0))
    wanted = Decimal(max(request.days, 1))
    score += int(min(left, wanted) / wanted * 20)
    reasons.append(f"{float(left):g} of {leader.days_per_term} days left this term")
    points, reason = _record(record)
    return Proposal(leader, score + points, [*reasons, reason], left)


def _specialisms(leader, request, facts):
    matched = [code for code in request.areas if code in set(leader.specialisms)]
    missing = [code for code in request.areas if code not in matched]
    words = []
    if matched:
        words.append("Specialises in " + _and(specialism_label(c).lower() for c in matched))
    if missing:
        words.append("not in " + _and(specialism_label(c).lower() for c in missing))
    return 30 * len(matched), "; ".join(words).capitalize()


def _phase(leader, request, facts):
    phase = request.establishment.phase_group
    label = PhaseGroup(phase).label.lower() if phase in PhaseGroup.values else phase
    if phase in leader.phases:
        return 15, f"Works in {label} schools"
    return 0, f"Does not work in {label} schools"


def _nearby(leader, request, facts):
    mine = {g for g in facts.groups_of_leader(leader) if g[1] in NEARBY_KINDS}
    theirs = {g for g in facts._groups.get(request.establishment_id, set()) if g[1] in NEARBY_KINDS}
    shared = sorted({g[2] for g in mine & theirs})
    if shared:
        return 10, f"In the same cluster or partnership: {_and(shared)}"
    return 0, ""


def _postcode(leader, request, facts):
    here = request.establishment.postcode
    there = leader.organisation.postcode or (
        leader.organisation.establishment.postcode if leader.organisation.establishment else ""
    )
    if not here or not there:
        return 0, ""
    if postcode_district(here) == postcode_district(there):
        return 8, f"In the same postcode district ({postcode_district(here)})"
    if postcode_area(here) == postcode_area(there):
        return 3, f"In the same postcode area ({postcode_area(here)})"
    return 0, f"In another postcode area ({postcode_area(there)})"


def _record(record: dict[str, int]):
    total = sum(record.values())
    if not total:
        return 0, "No past deployments"
    points = sum(IMPACT_POINTS.get(impact, 0) * n for impact, n in record.items())
    parts = [f"{n} {Impact(i).label.lower()}" for i, n in record.items() if i in Impact.values]
    detail = f": {_and(parts)}" if parts else ""
    return points, f"{total} past deployment{'s' if total != 1 else ''}{detail}"


def _and(items) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
