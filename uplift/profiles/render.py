"""A profile as HTML (for the PDF: standalone, print styles) and as a tagged PDF (WeasyPrint)."""

from django.template.loader import render_to_string
from weasyprint import HTML

from uplift.profiles.selectors import Profile

# PDF/UA-1: a tagged PDF with its title, language and structure (headings, tables, figures).
PDF_VARIANT = "pdf/ua-1"


def profile_document_html(profile: Profile) -> str:
    return render_to_string("profiles/profile_pdf.html", {"profile": profile})


def profile_pdf(profile: Profile) -> bytes:
    return HTML(string=profile_document_html(profile)).write_pdf(pdf_variant=PDF_VARIANT)
