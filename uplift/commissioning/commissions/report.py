"""A commission's four-part accountability report as a tagged PDF."""

from uplift.commissioning.commissions.selectors import accountability_report
from uplift.commissioning.models import Commission
from uplift.commissioning.pdf import document_html, pdf
from uplift.funds.money import pounds


def report_html(commission: Commission) -> str:
    return document_html(
        "commissioning/report_pdf.html",
        {
            "commission": commission,
            "report": accountability_report(commission),
            "budget": pounds(commission.budget_pence),
        },
    )


def report_pdf(commission: Commission) -> bytes:
    return pdf(report_html(commission))
