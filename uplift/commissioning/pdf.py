"""Commissioning documents as tagged PDFs (WeasyPrint, PDF/UA-1), the way letters and School
Performance Profiles are made: a standalone HTML document with its title, language and
author, then write_pdf."""

from django.template.loader import render_to_string
from weasyprint import HTML

PDF_VARIANT = "pdf/ua-1"


def document_html(template: str, context: dict) -> str:
    return render_to_string(template, context)


def pdf(html: str) -> bytes:
    return HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)
