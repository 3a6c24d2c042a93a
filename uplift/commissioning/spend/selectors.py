"""The spend reports: what each school's support costs and who pays for it, and the same by
category. Spend is what is committed or paid (a commitment less what was released unspent),
summed from the ledger of the funds the user keeps. A commission for several schools is
shared equally between them. A fixed number of queries however many schools or entries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, Sum

from uplift.brokerage.models import Deployment, DeploymentStatus
from uplift.casework.models import PowerUse, StructuralSolution
from uplift.categorisation.rounds.selectors import current_categories
from uplift.commissioning.models import Commission, GrantApplication
from uplift.core.csv_files import csv_text
from uplift.funds.access import finance_la_scope, visible_funds
from uplift.funds.models import EntryKind, Fund, LedgerEntry
from uplift.schools.models import Establishment

HEADS = (
    ("deployment", "School-to-school support"),
    ("commission", "Commissions"),
    ("grant", "Grants"),
    ("casework", "Casework actions"),
    ("other", "Other"),
)
NOT_CATEGORISED = "Not categorised"
UNFUNDED_LIMIT = 50


def _heads_by_type() -> dict[int, str]:
    types = ContentType.objects.get_for_models(
        Deployment, Commission, GrantApplication, PowerUse, StructuralSolution
    )
    heads = {
        Deployment: "deployment",
        Commission: "commission",
        GrantApplication: "grant",
        PowerUse: "casework",
        StructuralSolution: "casework",
    }
    return {ct.pk: heads[model] for model, ct in types.items()}


@dataclass
class SchoolSpend:
    school: Establishment
    category: str
    by_head: dict = field(default_factory=lambda: defaultdict(int))
    paid_pence: int = 0
    funders: set = field(default_factory=set)

    @property
    def total_pence(self) -> int:
        return sum(self.by_head.values())

    def cells(self) -> list[int]:
        return [self.by_head.get(key, 0) for key, _ in HEADS]


@dataclass
class CategorySpend:
    category: str
    schools: int = 0
    total_pence: int = 0
    paid_pence: int = 0


@dataclass
class SpendReport:
    schools: list[SchoolSpend]
    categories: list[CategorySpend]
    not_for_a_school_pence: int
    total_pence: int
    years: list[str]
    year: str


def _funds(user, la):
    """The funds the user keeps, or (for the command line, which is trusted) the LA's."""
    return Fund.objects.filter(la=la) if la is not None else visible_funds(user)


def _entries(funds, year: str):
    found = LedgerEntry.objects.filter(
        fund__in=funds,
        kind__in=(EntryKind.COMMITMENT, EntryKind.RELEASE, EntryKind.PAYMENT),
    )
    if year:
        found = found.filter(fund__financial_year=year)
    return (
        found.values("establishment_id", "purpose_type_id", "purpose_id", "fund__name")
        .annotate(
            spent=Sum("amount_pence"),
            paid=Sum("amount_pence", filter=Q(kind=EntryKind.PAYMENT)),
        )
        .order_by()
    )


def _shares(total: int, count: int) -> list[int]:
    """`total` pence in `count` equal shares, the odd pence to the first."""
    share, odd = divmod(total, count)
    return [share + (1 if n < odd else 0) for n in range(count)]


def spend_report(*, user=None, year: str = "", la=None) -> SpendReport:
    funds = _funds(user, la)
    heads = _heads_by_type()
    commission_type = ContentType.objects.get_for_model(Commission).pk
    rows = list(_entries(funds, year))
    commission_ids = {
        r["purpose_id"]
        for r in rows
        if r["establishment_id"] is None and r["purpose_type_id"] == commission_type
    }
    schools_of = defaultdict(list)
    for link in Commission.schools.through.objects.filter(
        commission_id__in=commission_ids
    ).order_by("establishment_id"):
        schools_of[link.commission_id].append(link.establishment_id)
    spend: dict[int, list] = defaultdict(list)  # school id -> [(head, spent, paid, fund)]
    not_for_a_school = 0
    for row in rows:
        head = heads.get(row["purpose_type_id"], "other")
        spent, paid = -(row["spent"] or 0), -(row["paid"] or 0)
        if row["establishment_id"] is not None:
            spend[row["establishment_id"]].append((head, spent, paid, row["fund__name"]))
            continue
        shared = schools_of.get(row["purpose_id"]) if head == "commission" else None
        if not shared:
            not_for_a_school += spent
            continue
        for school_id, part, part_paid in zip(
            shared, _shares(spent, len(shared)), _shares(paid, len(shared)), strict=True
        ):
            spend[school_id].append((head, part, part_paid, row["fund__name"]))
    schools = {
        s.pk: s
        for s in Establishment.objects.filter(pk__in=list(spend)).only(
            "pk", "name", "urn", "phase_group", "la_id"
        )
    }
    categories = current_categories(establishment_ids=list(spend))
    school_rows = []
    for school_id, parts in spend.items():
        entry = categories.get(school_id)
        row = SchoolSpend(schools[school_id], entry.category if entry else "")
        for head, spent, paid, fund in parts:
            row.by_head[head] += spent
            row.paid_pence += paid
            if spent or paid:
                row.funders.add(fund)
        if row.total_pence or row.paid_pence:
            school_rows.append(row)
    school_rows.sort(key=lambda r: (-r.total_pence, r.school.name))
    return SpendReport(
        schools=school_rows,
        categories=_by_category(school_rows),
        not_for_a_school_pence=not_for_a_school,
        total_pence=sum(r.total_pence for r in school_rows) + not_for_a_school,
        years=sorted(set(funds.values_list("financial_year", flat=True)), reverse=True),
        year=year,
    )


def _by_category(rows: list[SchoolSpend]) -> list[CategorySpend]:
    found: dict[str, CategorySpend] = {}
    for row in rows:
        label = f"Category {row.category}" if row.category else NOT_CATEGORISED
        category = found.setdefault(label, CategorySpend(label))
        category.schools += 1
        category.total_pence += row.total_pence
        category.paid_pence += row.paid_pence
    return sorted(found.values(), key=lambda c: (c.category == NOT_CATEGORISED, c.category))


CSV_HEADER = (
    "School",
    "URN",
    "Category",
    *(f"{label} (pounds)" for _, label in HEADS),
    "Committed or paid (pounds)",
    "Paid (pounds)",
    "Paid for by",
)


def _decimal(pence: int) -> str:
    sign = "-" if pence < 0 else ""
    return f"{sign}{abs(pence) // 100}.{abs(pence) % 100:02d}"


def spend_csv(report: SpendReport) -> str:
    return csv_text(
        CSV_HEADER,
        (
            [
                row.school.name,
                row.school.urn,
                row.category or NOT_CATEGORISED,
                *(_decimal(p) for p in row.cells()),
                _decimal(row.total_pence),
                _decimal(row.paid_pence),
                "; ".join(sorted(row.funders)),
            ]
            for row in report.schools
        ),
    )


@dataclass(frozen=True)
class Unfunded:
    kind: str
    purpose: object
    school: Establishment
    label: str
    cost_pence: int | None


def unfunded(*, user) -> list[Unfunded]:
    """Running deployments and casework actions of the user's LA that no fund pays for yet
    (the first UNFUNDED_LIMIT of each)."""
    scope = finance_la_scope(user, "establishment__la_id")
    if scope is None:
        return []
    case_scope = finance_la_scope(user, "case__establishment__la_id")
    funded = LedgerEntry.objects.filter(kind=EntryKind.COMMITMENT, purpose_id__isnull=False)
    types = ContentType.objects.get_for_models(Deployment, PowerUse, StructuralSolution)

    def paid_for(model):
        return funded.filter(purpose_type=types[model]).values("purpose_id")

    deployments = (
        Deployment.objects.filter(scope)
        .filter(status__in=(DeploymentStatus.AGREED, DeploymentStatus.IN_PROGRESS))
        .exclude(pk__in=paid_for(Deployment))
        .select_related("establishment", "organisation")
        .order_by("starts_on", "id")[:UNFUNDED_LIMIT]
    )
    powers = (
        PowerUse.objects.filter(case_scope)
        .exclude(pk__in=paid_for(PowerUse))
        .select_related("case__establishment")
        .order_by("-used_on", "id")[:UNFUNDED_LIMIT]
    )
    solutions = (
        StructuralSolution.objects.filter(case_scope)
        .exclude(pk__in=paid_for(StructuralSolution))
        .select_related("case__establishment")
        .order_by("-decided_on", "id")[:UNFUNDED_LIMIT]
    )
    found = [
        Unfunded(
            "deployment",
            d,
            d.establishment,
            f"School-to-school support from {d.organisation.name}, from {d.starts_on:%-d %B %Y}",
            d.cost_pence or None,
        )
        for d in deployments
    ]
    found += [
        Unfunded(
            "power",
            p,
            p.case.establishment,
            f"{p.get_power_display()}, {p.used_on:%-d %B %Y}",
            None,
        )
        for p in powers
    ]
    found += [
        Unfunded(
            "structural",
            s,
            s.case.establishment,
            f"{s.get_kind_display()}, decided {s.decided_on:%-d %B %Y}",
            None,
        )
        for s in solutions
    ]
    return found


def school_rows(report: SpendReport) -> list[dict]:
    """The per-school rows of the report as plain values (pence), for the CLI and the API."""
    return [
        {
            "urn": row.school.urn,
            "school": row.school.name,
            "category": row.category or NOT_CATEGORISED,
            **{f"{key}_pence": pence for (key, _), pence in zip(HEADS, row.cells(), strict=True)},
            "total_pence": row.total_pence,
            "paid_pence": row.paid_pence,
            "paid_for_by": sorted(row.funders),
        }
        for row in report.schools
    ]


def category_rows(report: SpendReport) -> list[dict]:
    return [
        {
            "category": c.category,
            "schools": c.schools,
            "total_pence": c.total_pence,
            "paid_pence": c.paid_pence,
        }
        for c in report.categories
    ]


CATEGORY_CSV_HEADER = ("Category", "Schools", "Committed or paid (pounds)", "Paid (pounds)")


def category_csv(report: SpendReport) -> str:
    return csv_text(
        CATEGORY_CSV_HEADER,
        (
            [c.category, c.schools, _decimal(c.total_pence), _decimal(c.paid_pence)]
            for c in report.categories
        ),
    )
