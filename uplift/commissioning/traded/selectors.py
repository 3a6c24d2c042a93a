"""Reading traded services: the catalogue, subscriptions, the buy-back report by phase with
the schools the rules flag, usage against entitlement, and the rows of an invoice file.
A fixed number of queries however many schools."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from uplift.brokerage.models import Funding, SupportSession
from uplift.categorisation.rounds.selectors import current_categories
from uplift.categorisation.selectors import open_on
from uplift.commissioning.access import visible_services, visible_subscriptions
from uplift.commissioning.models import (
    Subscription,
    SubscriptionStatus,
    TradedService,
    TrainingRecord,
    Usage,
    UsageKind,
)
from uplift.commissioning.traded.rules import RULES
from uplift.core.csv_files import csv_text
from uplift.funds.money import pounds
from uplift.schools.models import Establishment, PhaseGroup
from uplift.support.models import Visit, VisitStatus
from uplift.support.visits.entitlement import academic_year_bounds, academic_year_of

USAGE_WORDS = {
    UsageKind.ADVISER_SESSION: "adviser sessions",
    UsageKind.TRAINING_PLACE: "training places",
}


def services(*, user) -> QuerySet[TradedService]:
    return visible_services(user).prefetch_related("packages", "expectations__package")


def service_for(*, user, pk: int) -> TradedService:
    return get_object_or_404(services(user=user).select_related("la"), pk=pk)


def subscriptions(*, user, service=None, academic_year: str = "") -> QuerySet[Subscription]:
    found = visible_subscriptions(user).select_related("service", "package", "establishment")
    if service is not None:
        found = found.filter(service=service)
    if academic_year:
        found = found.filter(academic_year=academic_year)
    return found.order_by("-academic_year", "service__name", "establishment__name", "id")


def usage_totals(subscriptions) -> dict[int, dict[str, int]]:
    """{subscription id: {"adviser sessions": n, "training places": n}}: the use logged
    by hand against each subscription, plus, in the subscription's year, the school's
    finalised adviser visits and the sessions of school-to-school deployments paid for by
    its subscription as adviser sessions, and the places its training records show on the
    service's courses as training places. Four queries."""
    subscriptions = list(subscriptions)
    rows = (
        Usage.objects.filter(subscription__in=subscriptions)
        .values("subscription_id", "kind")
        .annotate(total=Sum("quantity"))
    )
    found: dict[int, dict[str, int]] = defaultdict(dict)
    for row in rows:
        found[row["subscription_id"]][USAGE_WORDS[row["kind"]]] = row["total"]
    visits = (
        Visit.objects.filter(
            establishment_id__in={s.establishment_id for s in subscriptions},
            academic_year__in={s.academic_year for s in subscriptions},
            status=VisitStatus.FINALISED,
        )
        .values("establishment_id", "academic_year")
        .annotate(total=Count("pk"))
    )
    finalised = Counter({(v["establishment_id"], v["academic_year"]): v["total"] for v in visits})
    finalised.update(_traded_deployment_sessions(subscriptions))
    trained = _training_places(subscriptions)
    for sub in subscriptions:
        if sub.status != SubscriptionStatus.BOUGHT:
            continue
        for what, extra in (
            ("adviser sessions", finalised.get((sub.establishment_id, sub.academic_year), 0)),
            (
                "training places",
                trained.get((sub.service_id, sub.establishment_id, sub.academic_year), 0),
            ),
        ):
            if extra:
                used = found[sub.pk]
                used[what] = used.get(what, 0) + extra
    return found


def _traded_deployment_sessions(subscriptions) -> Counter:
    """{(school id, academic year): sessions} given in school-to-school deployments the
    school pays for through its traded-services subscription. One query."""
    years = {s.academic_year for s in subscriptions}
    if not years:
        return Counter()
    bounds = [academic_year_bounds(year) for year in years]
    held = SupportSession.objects.filter(
        deployment__request__funding=Funding.TRADED,
        deployment__establishment_id__in={s.establishment_id for s in subscriptions},
        held_on__gte=min(b[0] for b in bounds),
        held_on__lte=max(b[1] for b in bounds),
    ).values_list("deployment__establishment_id", "held_on")
    return Counter((school, academic_year_of(day)) for school, day in held)


def _training_places(subscriptions) -> dict:
    """{(service id, school id, academic year): places} from training records. One query."""
    if not subscriptions:
        return {}
    rows = (
        TrainingRecord.objects.filter(
            service_id__in={s.service_id for s in subscriptions},
            establishment_id__in={s.establishment_id for s in subscriptions},
            academic_year__in={s.academic_year for s in subscriptions},
        )
        .values("service_id", "establishment_id", "academic_year")
        .annotate(total=Sum("places"))
        .order_by()
    )
    return {(r["service_id"], r["establishment_id"], r["academic_year"]): r["total"] for r in rows}


@dataclass
class PhaseRow:
    phase: str
    schools: int = 0
    offered: int = 0
    bought: int = 0
    declined: int = 0
    income_pence: int = 0
    packages: Counter = field(default_factory=Counter)

    @property
    def buy_back_percent(self) -> int | None:
        """Schools that bought, of the phase's open schools (None without any)."""
        return round(100 * self.bought / self.schools) if self.schools else None

    @property
    def income(self) -> str:
        return pounds(self.income_pence)


@dataclass(frozen=True)
class Flag:
    school: Establishment
    code: str
    message: str


@dataclass
class TradedReport:
    service: TradedService
    academic_year: str
    phases: list[PhaseRow]
    total: PhaseRow
    flags: list[Flag]


def traded_report(*, service: TradedService, academic_year: str) -> TradedReport:
    """Buy-back by phase among the LA's open schools, and each school a rule flags."""
    schools = list(
        Establishment.objects.filter(open_on(timezone.localdate()), la_id=service.la_id)
        .only("pk", "name", "urn", "phase_group", "la_id")
        .order_by("name")
    )
    subs = {
        s.establishment_id: s
        for s in Subscription.objects.filter(
            service=service, academic_year=academic_year
        ).select_related("package")
    }
    used = usage_totals(subs.values())
    categories = current_categories(establishment_ids=[s.pk for s in schools])
    expectations = list(service.expectations.select_related("package"))
    labels = dict(PhaseGroup.choices)
    phases: dict[str, PhaseRow] = {}
    total = PhaseRow("All phases")
    flags = []
    for school in schools:
        row = phases.setdefault(
            school.phase_group, PhaseRow(labels.get(school.phase_group, "Other"))
        )
        subscription = subs.get(school.pk)
        for counted in (row, total):
            _count(counted, subscription)
        category = categories.get(school.pk)
        facts = {
            "school": school,
            "category": category.category if category else "",
            "expectations": expectations,
            "subscription": subscription,
            "used": used.get(subscription.pk) if subscription else None,
        }
        for rule, values in RULES.broken("flag", **facts):
            flags.append(Flag(school, rule.code, rule.message(**values)))
    ordered = [phases[key] for key in labels if key in phases]
    return TradedReport(service, academic_year, ordered, total, flags)


def _count(row: PhaseRow, subscription) -> None:
    row.schools += 1
    if subscription is None:
        return
    row.offered += 1
    if subscription.status == SubscriptionStatus.BOUGHT:
        row.bought += 1
        row.income_pence += subscription.price_pence
        row.packages[subscription.package.name] += 1
    elif subscription.status == SubscriptionStatus.DECLINED:
        row.declined += 1


INVOICE_HEADER = (
    "Invoice reference",
    "LAESTAB",
    "URN",
    "School",
    "Service",
    "Package",
    "Academic year",
    "Amount (pounds)",
)


def invoice_csv(*, service: TradedService, academic_year: str) -> str:
    """One row per school that bought the service in the year, for the LA's finance system."""
    bought = (
        Subscription.objects.filter(
            service=service, academic_year=academic_year, status=SubscriptionStatus.BOUGHT
        )
        .select_related("establishment", "package")
        .order_by("establishment__name", "id")
    )
    return csv_text(
        INVOICE_HEADER,
        (
            [
                f"TS-{sub.pk:06d}",
                sub.establishment.laestab,
                sub.establishment.urn,
                sub.establishment.name,
                service.name,
                sub.package.name,
                academic_year,
                f"{sub.price_pence // 100}.{sub.price_pence % 100:02d}",
            ]
            for sub in bought
        ),
    )
