"""A meeting's minutes as a tagged PDF (WeasyPrint), like the profiles and letters."""

from django.template.loader import render_to_string
from weasyprint import HTML

PDF_VARIANT = "pdf/ua-1"


def minutes_html(view) -> str:
    return render_to_string("partnerships/minutes_pdf.html", {"v": view})


def minutes_pdf(view) -> bytes:
    return HTML(string=minutes_html(view)).write_pdf(pdf_variant=PDF_VARIANT)
