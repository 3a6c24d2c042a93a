"""Providers and commissions: a commission commits its budget from the fund, only approved
providers are commissioned, and the four-part accountability report renders as a tagged PDF."""

import shutil
import subprocess
from datetime import date

import pytest
from weasyprint import HTML

from tests.commissioning.world import commission, provider
from tests.funds.world import money_world_fixture  # noqa: F401
from uplift.audit.models import AuditEvent, Via
from uplift.commissioning.commissions import selectors, services
from uplift.commissioning.commissions.report import report_html, report_pdf
from uplift.core.errors import Conflict, NotAllowed, StaleVersion
from uplift.funds.models import LedgerEntry
from uplift.funds.selectors import fund_balance


def test_a_commission_commits_its_budget_and_names_its_purpose(mw):
    fund = mw.fund(pence=5_000_000)
    placed = commission(mw, fund, user="la.officer")
    entry = LedgerEntry.objects.get(kind="commitment")
    assert entry.purpose == placed and placed.commitment == entry
    assert entry.description == "Commission: Good to Great (EdisonLearning)"
    assert fund_balance(fund=fund).balance_pence == 2_000_000
    assert AuditEvent.objects.filter(action="commission.placed").count() == 1


def test_a_commission_the_fund_cannot_afford_is_refused_and_nothing_is_kept(mw, db_snapshot):
    fund = mw.fund(pence=1_000_000)
    chosen = provider(mw)
    before = db_snapshot()
    with pytest.raises(Conflict, match="£20,000.00 short"):
        services.place_commission(
            actor=mw["la.officer"],
            via=Via.WEB,
            provider=chosen,
            fund=fund,
            title="Quality of Teaching Framework",
            budget_pence=3_000_000,
            starts_on=date(2026, 9, 1),
            ends_on=date(2027, 7, 31),
            schools=[mw.primary],
            reason="x",
        )
    assert db_snapshot() == before


def test_only_approved_providers_are_commissioned(mw):
    fund = mw.fund()
    unapproved = provider(mw, approved=False, name="Unvetted Ltd")
    with pytest.raises(Conflict, match="not on the approved list"):
        services.place_commission(
            actor=None,
            via=Via.CLI,
            provider=unapproved,
            fund=fund,
            title="Coaching",
            budget_pence=100,
            starts_on=fund.created_at.date(),
            ends_on=fund.created_at.date(),
            reason="x",
        )


def test_a_plain_officer_may_not_commission(mw):
    fund = mw.fund()
    with pytest.raises(NotAllowed):
        commission(mw, fund, user="plain.officer")


def test_the_accountability_report_keeps_versions_and_renders_a_tagged_pdf(mw, tmp_path):
    placed = commission(mw, mw.fund())
    officer = mw["la.officer"]
    section = services.save_report_section(
        actor=officer,
        via=Via.WEB,
        commission=placed,
        part="implementation",
        evidence="All 12 coaching days delivered.\nLeaders report clearer plans.",
        rag="green",
    )
    with pytest.raises(StaleVersion):
        services.save_report_section(
            actor=officer,
            via=Via.WEB,
            commission=placed,
            part="implementation",
            evidence="Changed",
            rag="amber",
            version=section.version - 1,
        )
    services.save_report_section(
        actor=officer,
        via=Via.WEB,
        commission=placed,
        part="teaching",
        evidence="Lesson visits: 70% good or better, up from 55%.",
        rag="amber",
    )
    found = selectors.commission_for(user=officer, pk=placed.pk)
    assert selectors.report_progress(found) == (2, 4)
    report = selectors.accountability_report(found)
    assert [e.rag_label for e in report] == [
        "Green",
        "Amber",
        "Not yet reported",
        "Not yet reported",
    ]
    html = report_html(found)
    assert '<html lang="en-GB">' in html and "<title>Accountability report: Good to Great" in html
    raw = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=True)
    assert b"/StructTreeRoot" in raw and b"/MarkInfo" in raw
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian's poppler-utils) is not installed")
    path = tmp_path / "report.pdf"
    path.write_bytes(report_pdf(found))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    for part in (
        "Implementation and impact",
        "Improvement in the quality of teaching",
        "Pupil and school outcomes",
        "School feedback on the service",
        "70% good or better",
    ):
        assert part in text


def test_commission_pages_read_in_bounded_queries(mw, django_assert_max_num_queries):
    fund = mw.fund(pence=50_000_000)
    for n in range(3):
        services.place_commission(
            actor=None,
            via=Via.CLI,
            provider=provider(mw, name=f"Provider {n}"),
            fund=fund,
            title=f"Project {n}",
            budget_pence=100_000,
            starts_on=fund.created_at.date(),
            ends_on=fund.created_at.date(),
            schools=[mw.primary],
            reason="x",
        )
    officer = mw["la.officer"]
    with django_assert_max_num_queries(7):  # profile and permissions, then three
        rows = [
            (c.title, [s.name for s in c.schools.all()])
            for c in selectors.commissions(user=officer)
        ]
    assert len(rows) == 3
