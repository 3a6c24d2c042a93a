"""Track records: for each provider, system leader and adviser, the saved findings of the
support they gave (commissions, deployments, and the support cycles and concern cases whose
visits an adviser made) against the schools' comparison groups. Set-based: one query per
kind of support, however many people. Also the brokerage ranking signal made of them."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery

from uplift.brokerage.models import Deployment, SystemLeader
from uplift.commissioning.models import Commission, Provider
from uplift.core.words import person_name
from uplift.impact.measures import OUTCOMES
from uplift.impact.models import Finding, PieceKind
from uplift.support.models import Visit

POINTS_PER_MEASURE, MOST_POINTS = 4, 20


@dataclass
class Record:
    who: str  # "leader", "provider" or "adviser"
    pk: int
    name: str
    pieces: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def measured(self) -> list[Finding]:
        return [f for f in self.findings if f.enough and f.gain is not None]

    @property
    def better(self) -> int:
        return sum(1 for f in self.measured if f.gain > 0)

    @property
    def worse(self) -> int:
        return sum(1 for f in self.measured if f.gain < 0)

    @property
    def summary(self) -> str:
        if not self.measured:
            return "Not enough comparison yet"
        return (
            f"Better than similar schools on {self.better} of {len(self.measured)} "
            f"measure{'s' if len(self.measured) != 1 else ''}"
        )


def _findings_by_owner(kind: str, owner_of_piece) -> dict[int, list[Finding]]:
    """Saved findings of one kind of support, by the owner `owner_of_piece` names (a
    subquery giving the owner's id for the piece in OuterRef('piece_id'))."""
    found = defaultdict(list)
    rows = Finding.objects.filter(kind=kind).annotate(owner=Subquery(owner_of_piece))
    for finding in rows.exclude(owner__isnull=True).order_by("piece_id", "measure"):
        found[finding.owner].append(finding)
    return found


def leader_records(*, las) -> list[Record]:
    leaders = SystemLeader.objects.filter(organisation__la__in=las).order_by("name", "pk")
    pieces = defaultdict(int)
    for leader_id in Deployment.objects.filter(leader__in=leaders).values_list(
        "leader_id", flat=True
    ):
        pieces[leader_id] += 1
    findings = _findings_by_owner(
        PieceKind.DEPLOYMENT,
        Deployment.objects.filter(pk=OuterRef("piece_id")).values("leader_id")[:1],
    )
    return [
        Record("leader", ld.pk, ld.name, pieces[ld.pk], findings.get(ld.pk, [])) for ld in leaders
    ]


def provider_records(*, las) -> list[Record]:
    providers = Provider.objects.filter(la__in=las).order_by("name", "pk")
    pieces = defaultdict(int)
    for provider_id in Commission.objects.filter(provider__in=providers).values_list(
        "provider_id", flat=True
    ):
        pieces[provider_id] += 1
    findings = _findings_by_owner(
        PieceKind.COMMISSION,
        Commission.objects.filter(pk=OuterRef("piece_id")).values("provider_id")[:1],
    )
    return [
        Record("provider", p.pk, p.name, pieces[p.pk], findings.get(p.pk, [])) for p in providers
    ]


def adviser_records(*, las) -> list[Record]:
    """Advisers who visited schools of the LAs as part of a support cycle or concern case."""
    visits = Visit.objects.filter(establishment__la__in=las)
    owned = {
        PieceKind.CYCLE: visits.exclude(cycle__isnull=True).values_list("adviser_id", "cycle_id"),
        PieceKind.CASE: visits.exclude(case__isnull=True).values_list("adviser_id", "case_id"),
    }
    pieces: dict[int, set] = defaultdict(set)
    for kind, pairs in owned.items():
        for adviser_id, piece_id in pairs.distinct():
            pieces[adviser_id].add((kind, piece_id))
    if not pieces:
        return []
    by_piece = defaultdict(list)
    for kind, column in ((PieceKind.CYCLE, "cycle_id"), (PieceKind.CASE, "case_id")):
        saved = Finding.objects.filter(kind=kind, piece_id__in=visits.values(column))
        for finding in saved.order_by("piece_id", "measure"):
            by_piece[(finding.kind, finding.piece_id)].append(finding)
    users = get_user_model().objects.filter(pk__in=list(pieces))
    return sorted(
        (
            Record(
                "adviser",
                u.pk,
                person_name(u),
                len(pieces[u.pk]),
                [f for key in sorted(pieces[u.pk]) for f in by_piece.get(key, [])],
            )
            for u in users
        ),
        key=lambda r: (r.name, r.pk),
    )


def records_of(*, who: str, las) -> list[Record]:
    return {"leader": leader_records, "provider": provider_records, "adviser": adviser_records}[
        who
    ](las=las)


def measure_label(key: str) -> str:
    found = OUTCOMES.get(key)
    return found.label if found else key


def leader_signal(*, leaders, request) -> dict[int, tuple[int, str]]:
    """Brokerage: points for leaders whose past deployments' schools did better than similar
    schools (and fewer for worse), in one query."""
    ids = [ld.pk for ld in leaders]
    rows = (
        Finding.objects.filter(kind=PieceKind.DEPLOYMENT, enough=True, gain__isnull=False)
        .annotate(
            leader=Subquery(
                Deployment.objects.filter(pk=OuterRef("piece_id")).values("leader_id")[:1]
            )
        )
        .filter(leader__in=ids)
        .values_list("leader", "gain")
    )
    tally: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for leader_id, gain in rows:
        if gain:
            tally[leader_id][0 if gain > 0 else 1] += 1
    found = {}
    for leader_id, (better, worse) in tally.items():
        points = max(-MOST_POINTS, min(MOST_POINTS, POINTS_PER_MEASURE * (better - worse)))
        found[leader_id] = (
            points,
            f"Schools they supported did better than similar schools on {better} of "
            f"{better + worse} measures",
        )
    return found
