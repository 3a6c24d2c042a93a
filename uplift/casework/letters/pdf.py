"""A letter as a tagged PDF (WeasyPrint, PDF/UA-1), the way School Performance Profiles are
made: a standalone HTML document with its title, language and author, then write_pdf."""

from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from weasyprint import HTML

from uplift.casework.letters.placeholders import NO_DATE, paragraphs
from uplift.core.dates import long_date

# PDF/UA-1: a tagged PDF with its title, language and structure (headings, paragraphs).
PDF_VARIANT = "pdf/ua-1"


@dataclass(frozen=True)
class LetterDocument:
    la_name: str
    dated: date
    addressed_to: str
    subject: str
    body: str
    school_name: str
    urn: int

    @property
    def title(self) -> str:
        return self.subject

    @property
    def date_text(self) -> str:
        return long_date(self.dated, missing=NO_DATE)

    @property
    def addressees(self) -> list[str]:
        return [line for line in self.addressed_to.splitlines() if line.strip()]

    @property
    def paragraphs(self) -> list[list[str]]:
        return paragraphs(self.body)


def letter_document_html(document: LetterDocument) -> str:
    return render_to_string("casework/letters/letter_pdf.html", {"letter": document})


def letter_pdf(document: LetterDocument) -> bytes:
    return HTML(string=letter_document_html(document)).write_pdf(pdf_variant=PDF_VARIANT)
