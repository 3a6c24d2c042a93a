"""The consortium report: the schools a partnership is responsible for today by category and
by inspection outcome, how their categories moved since the round before, the support in
place (action plans, support cycles), the money committed or paid for them, and the funds the
partnership holds. A bounded number of queries whatever the number of schools."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Q, Sum
from django.utils import timezone

from uplift.categorisation.models import RoundStatus, SchoolCategorisation
from uplift.categorisation.rounds.selectors import current_categories
from uplift.funds.models import EntryKind, LedgerEntry
from uplift.funds.selectors import balances
from uplift.inspections.selectors import latest_graded_inspections
from uplift.partnerships import access
from uplift.schools.models import Establishment
from uplift.support.models import ActionPlan, PlanStatus, SupportCycle

NOT_YET = "Not yet categorised"
NOT_INSPECTED = "No graded inspection"


@dataclass(frozen=True)
class SchoolLine:
    school: Establishment
    category: str
    previous: str
    inspection: str
    support: list[str]
    spend_pence: int

    @property
    def movement(self) -> str:
        if not self.previous:
            return "First category" if self.category != NOT_YET else ""
        return "No change" if self.previous == self.category else f"From {self.previous}"


@dataclass(frozen=True)
class ConsortiumReport:
    partnership: object
    lines: list[SchoolLine]
    funds: list  # (fund, Balance)

    def _count(self, attribute) -> list[tuple[str, int]]:
        return sorted(Counter(getattr(line, attribute) for line in self.lines).items())

    @property
    def by_category(self):
        return self._count("category")

    @property
    def by_inspection(self):
        return self._count("inspection")

    @property
    def moved(self) -> int:
        return sum(line.movement.startswith("From") for line in self.lines)

    @property
    def with_support(self) -> int:
        return sum(bool(line.support) for line in self.lines)

    @property
    def spend_pence(self) -> int:
        return sum(line.spend_pence for line in self.lines)


def _previous_labels(ids) -> dict[int, str]:
    """Each school's category in the published round before its latest."""
    rows = (
        SchoolCategorisation.objects.filter(
            establishment_id__in=ids, round__status=RoundStatus.PUBLISHED
        )
        .select_related("round__policy_version")
        .order_by("establishment_id", "-round__as_at", "-round_id")
    )
    seen: dict[int, int] = {}
    parsed = {}
    found = {}
    for row in rows:
        seen[row.establishment_id] = seen.get(row.establishment_id, 0) + 1
        if seen[row.establishment_id] != 2:
            continue
        version = row.round.policy_version
        if version.pk not in parsed:
            parsed[version.pk] = version.parsed
        found[row.establishment_id] = parsed[version.pk].label(row.category)
    return found


def _support(ids) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    plans = ActionPlan.objects.filter(establishment_id__in=ids, status=PlanStatus.ACTIVE)
    for plan in plans.only("establishment_id", "title"):
        found.setdefault(plan.establishment_id, []).append(f"Action plan: {plan.title}")
    cycles = SupportCycle.objects.filter(establishment_id__in=ids, ended_on__isnull=True)
    for cycle in cycles:
        found.setdefault(cycle.establishment_id, []).append(
            f"Support cycle: {cycle.get_stage_display().lower()}"
        )
    return found


def _spend(ids) -> dict[int, int]:
    """Pence committed or paid for each school (a payment's release and payment net out)."""
    rows = (
        LedgerEntry.objects.filter(establishment_id__in=ids)
        .filter(~Q(kind=EntryKind.CONTRIBUTION))
        .values("establishment_id")
        .annotate(total=Sum("amount_pence"))
    )
    return {row["establishment_id"]: -row["total"] for row in rows}


def consortium_report(partnership, day=None) -> ConsortiumReport:
    day = day or timezone.localdate()
    responsible = access.responsible_establishment_ids([partnership.pk], day)
    schools = list(Establishment.objects.filter(pk__in=responsible).order_by("name"))
    ids = [school.pk for school in schools]
    categories = current_categories(establishment_ids=ids)
    previous = _previous_labels(ids)
    inspections = latest_graded_inspections(establishments=ids)
    support = _support(ids)
    spend = _spend(ids)
    lines = []
    for school in schools:
        entry = categories.get(school.pk)
        inspection = inspections.get(school.pk)
        lines.append(
            SchoolLine(
                school=school,
                category=entry.label if entry else NOT_YET,
                previous=previous.get(school.pk, ""),
                inspection=_outcome(inspection),
                support=support.get(school.pk, []),
                spend_pence=spend.get(school.pk, 0),
            )
        )
    held = list(partnership.fund_holdings.select_related("fund"))
    sums = balances(fund_ids=[h.fund_id for h in held])
    return ConsortiumReport(
        partnership=partnership,
        lines=lines,
        funds=[(h.fund, sums.get(h.fund_id)) for h in held],
    )


def _outcome(inspection) -> str:
    if inspection is None:
        return NOT_INSPECTED
    if inspection.framework_info.has_overall_grade and inspection.overall_grade is not None:
        return inspection.overall_label
    return "Report card (no overall grade)"
