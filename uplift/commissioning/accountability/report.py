"""The four parts together: the officer's commentary and RAG rating of each part beside the
evidence Uplift gathered for it, as a page, a CSV and a tagged PDF."""

from dataclasses import dataclass
from datetime import date

from uplift.commissioning.accountability.evidence import gather
from uplift.commissioning.accountability.tables import PartEvidence
from uplift.commissioning.commissions.selectors import ReportEntry, accountability_report
from uplift.commissioning.models import Commission
from uplift.commissioning.pdf import document_html, pdf
from uplift.core.csv_files import write_csv
from uplift.funds.money import pounds

CSV_HEADER = ("Part", "Evidence", "Row", "Column", "Value")


@dataclass(frozen=True)
class ReportPartView:
    entry: ReportEntry  # the officer's commentary and RAG rating
    evidence: PartEvidence  # what Uplift holds

    @property
    def part(self) -> str:
        return self.entry.part

    @property
    def label(self) -> str:
        return self.entry.label

    @property
    def section(self):
        return self.entry.section

    @property
    def rag_label(self) -> str:
        return self.entry.rag_label


def four_parts(commission: Commission, today: date | None = None) -> list[ReportPartView]:
    gathered = gather(commission, today)
    return [
        ReportPartView(entry, gathered[entry.part]) for entry in accountability_report(commission)
    ]


def write_report_csv(stream, commission: Commission, today: date | None = None) -> None:
    rows = []
    for number, part in enumerate(four_parts(commission, today), start=1):
        label = f"{number}. {part.label}"
        rows.append((label, "Officer's RAG rating", "", "", part.rag_label))
        if part.section:
            rows.append((label, "Officer's commentary", "", "", part.section.evidence))
        rows.extend(part.evidence.long_rows(label))
    write_csv(stream, CSV_HEADER, rows)


def report_html(commission: Commission, today: date | None = None) -> str:
    return document_html(
        "commissioning/report_pdf.html",
        {
            "commission": commission,
            "report": four_parts(commission, today),
            "budget": pounds(commission.budget_pence),
        },
    )


def report_pdf(commission: Commission, today: date | None = None) -> bytes:
    return pdf(report_html(commission, today))
