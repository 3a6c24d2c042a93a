"""Each school's entitlement to adviser visits in an academic year, from its current published
category (the policy sets `visits_per_year` per category), with the visits used against it.

A visit counts against the academic year it takes place in (1 September to 31 August):
finalised visits are used, visits scheduled or with their note in progress are planned, and
what remains is the entitlement less both (never below nought). A policy that sets no number
for the category gives no number: `visits_per_year` and `remaining` are then None.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from uplift.categorisation.rounds.selectors import current_categories
from uplift.support.models import Visit, VisitStatus

PLANNED = (
    VisitStatus.SCHEDULED,
    VisitStatus.DRAFTED,
    VisitStatus.AWAITING_COMMENT,
    VisitStatus.COMMENTED,
)


def academic_year_of(day: date) -> str:
    """The academic year a day falls in: 1 September 2026 to 31 August 2027 is "2026-27"."""
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def academic_year_bounds(academic_year: str) -> tuple[date, date]:
    """The first and last day of an academic year such as "2026-27" (ValueError if it is
    not one)."""
    start = parse_academic_year(academic_year)
    return date(start, 9, 1), date(start + 1, 8, 31)


def parse_academic_year(text: str) -> int:
    """The year an academic year "2026-27" starts in; ValueError for anything else."""
    text = (text or "").strip()
    head, _, tail = text.partition("-")
    if len(head) != 4 or len(tail) != 2 or not head.isdigit() or not tail.isdigit():
        raise ValueError(f"{text!r} is not an academic year such as 2026-27")
    start = int(head)
    if (start + 1) % 100 != int(tail) or not 1900 <= start <= 2200:
        raise ValueError(f"{text!r} is not an academic year such as 2026-27")
    return start


@dataclass(frozen=True)
class Entitlement:
    academic_year: str
    category_code: str  # "" before the school has a published category
    category_label: str
    visits_per_year: int | None  # None when the policy sets no number for the category
    visits_used: int  # finalised visits in the year
    visits_planned: int  # scheduled, or with the note being written, shared or commented on
    remaining: int | None  # visits_per_year less used and planned, never below 0
    support_offer: str

    @property
    def over(self) -> int:
        """Visits used or planned beyond the entitlement (0 when within it or none is set)."""
        if self.visits_per_year is None:
            return 0
        return max(0, self.visits_used + self.visits_planned - self.visits_per_year)


def entitlement(*, establishment, academic_year: str) -> Entitlement:
    """One school's entitlement and visits in the academic year (e.g. "2026-27")."""
    return entitlements(establishment_ids=[establishment.pk], academic_year=academic_year)[
        establishment.pk
    ]


def entitlements(*, establishment_ids, academic_year: str) -> dict[int, Entitlement]:
    """The entitlement of each of many schools in the academic year: three queries whatever
    the number of schools (the categories take two, the visit counts one)."""
    ids = list(establishment_ids)
    categories = current_categories(establishment_ids=ids)
    counts = {
        row["establishment_id"]: row
        for row in Visit.objects.filter(establishment_id__in=ids, academic_year=academic_year)
        .values("establishment_id")
        .annotate(
            used=Count("pk", filter=Q(status=VisitStatus.FINALISED)),
            planned=Count("pk", filter=Q(status__in=PLANNED)),
        )
        .order_by()
    }
    definitions = {}  # each policy version parsed once
    found = {}
    for pk in ids:
        entry = categories.get(pk)
        category = None
        if entry is not None and entry.policy_version is not None:
            version = entry.policy_version
            if version.pk not in definitions:
                definitions[version.pk] = version.parsed
            category = definitions[version.pk].category(entry.category)
        row = counts.get(pk, {})
        used, planned = row.get("used", 0), row.get("planned", 0)
        per_year = category.visits_per_year if category else None
        found[pk] = Entitlement(
            academic_year=academic_year,
            category_code=entry.category if entry else "",
            category_label=entry.label if entry else "",
            visits_per_year=per_year,
            visits_used=used,
            visits_planned=planned,
            remaining=None if per_year is None else max(0, per_year - used - planned),
            support_offer=(category.support_offer if category else ""),
        )
    return found
