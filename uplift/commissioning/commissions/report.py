"""A commission's four-part accountability report as a tagged PDF (with the evidence Uplift
gathers for each part: uplift/commissioning/accountability)."""

from uplift.commissioning.accountability.report import report_html, report_pdf

__all__ = ["report_html", "report_pdf"]
