"""Reading commissions: the list, one commission, and its four-part accountability report."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from uplift.commissioning.access import visible_commissions, visible_providers
from uplift.commissioning.models import Commission, Provider, ReportPart, ReportSection
from uplift.schools.models import Establishment


def commissions(*, user) -> QuerySet[Commission]:
    return (
        visible_commissions(user)
        .select_related("provider", "fund", "la")
        .prefetch_related(
            Prefetch("schools", queryset=Establishment.objects.only("pk", "name", "urn")),
            "report_sections",
        )
        .order_by("-starts_on", "title", "id")
    )


def commission_for(*, user, pk: int) -> Commission:
    return get_object_or_404(
        commissions(user=user).prefetch_related("milestones", "report_sections__updated_by"),
        pk=pk,
    )


def providers(*, user) -> QuerySet[Provider]:
    return visible_providers(user).order_by("-approved", "name")


@dataclass(frozen=True)
class ReportEntry:
    part: str
    label: str
    section: ReportSection | None  # None until the part is written

    @property
    def rag_label(self) -> str:
        return self.section.get_rag_display() if self.section else "Not yet reported"


def accountability_report(commission: Commission) -> list[ReportEntry]:
    """The four parts in their order, written or not (uses prefetched sections)."""
    written = {section.part: section for section in commission.report_sections.all()}
    return [ReportEntry(part, label, written.get(part)) for part, label in ReportPart.choices]


def report_progress(commission: Commission) -> tuple[int, int]:
    """(parts written, parts in all)."""
    written = {section.part for section in commission.report_sections.all()}
    return len(written), len(ReportPart.choices)
