"""The grant offer letter of an awarded application, as a tagged PDF."""

from uplift.commissioning.models import ApplicationStatus, GrantApplication
from uplift.commissioning.pdf import document_html, pdf
from uplift.core.errors import Conflict
from uplift.funds.money import pounds


def letter_html(application: GrantApplication) -> str:
    if application.status != ApplicationStatus.AWARDED:
        raise Conflict("Only an awarded grant has an offer letter")
    decided_by = application.decided_by
    return document_html(
        "commissioning/grant_letter_pdf.html",
        {
            "application": application,
            "scheme": application.scheme,
            "school": application.establishment,
            "requested": pounds(application.requested_pence),
            "awarded": pounds(application.awarded_pence),
            "signed_by": (decided_by.get_full_name() if decided_by else "")
            or "School improvement team",
        },
    )


def letter_pdf(application: GrantApplication) -> bytes:
    return pdf(letter_html(application))
