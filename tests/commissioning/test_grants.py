"""Grants and bursaries: a head applies, an officer assesses against the criteria and awards,
the award commits money from the fund, and the offer letter is a tagged PDF."""

import shutil
import subprocess
from datetime import date

import pytest

from tests.commissioning.world import all_met, apply, scheme
from tests.funds.world import money_world_fixture  # noqa: F401
from uplift.audit.models import AuditEvent, Via
from uplift.commissioning.grants import services
from uplift.commissioning.grants.letter import letter_html, letter_pdf
from uplift.core.errors import Conflict, NotAllowed, Refused, StaleVersion
from uplift.funds.models import LedgerEntry
from uplift.funds.selectors import fund_balance


def award(mw, application, pence=750_000, user="la.officer", **extra):
    return services.award(
        actor=mw[user],
        via=Via.WEB,
        application=application,
        assessment=extra.pop("assessment", all_met()),
        awarded_pence=pence,
        reason="Meets every criterion; agreed at panel",
        **extra,
    )


def test_a_head_applies_the_officer_awards_and_the_fund_commits_it(mw, tmp_path):
    fund = mw.fund(pence=5_000_000)
    application = apply(mw, scheme(mw, fund))
    assert application.status == "submitted" and application.submitted_by == mw["headteacher"]
    awarded = award(mw, application, version=application.version)
    assert awarded.status == "awarded" and awarded.awarded_pence == 750_000
    entry = LedgerEntry.objects.get(kind="commitment")
    assert entry.purpose == awarded and entry.establishment == mw.primary
    assert fund_balance(fund=fund).balance_pence == 4_250_000
    assert AuditEvent.objects.filter(action="grant.awarded", establishment=mw.primary).exists()
    html = letter_html(awarded)
    assert "offer a grant of £7,500.00" in html and '<html lang="en-GB">' in html
    content = letter_pdf(awarded)
    assert content.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian's poppler-utils) is not installed")
    path = tmp_path / "letter.pdf"
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "Grant offer: Race to the Top bursaries" in text and "Abbots Langley Primary" in text


def test_an_award_the_fund_cannot_pay_is_refused_with_the_shortfall(mw):
    fund = mw.fund(pence=500_000)
    application = apply(mw, scheme(mw, fund))
    with pytest.raises(Conflict, match="£2,500.00 short"):
        award(mw, application)
    application.refresh_from_db()
    assert application.status == "submitted" and not LedgerEntry.objects.filter(kind="commitment")


def test_an_unmet_criterion_or_a_missing_assessment_refuses_the_award(mw):
    application = apply(mw, scheme(mw, mw.fund()))
    with pytest.raises(Conflict, match="does not meet every criterion"):
        award(mw, application, assessment=all_met(False))
    with pytest.raises(Refused, match="every criterion"):
        award(mw, application, assessment=all_met()[:1])
    with pytest.raises(Refused, match="at most £8,000.00"):
        award(mw, application, pence=900_000)


def test_a_decision_is_made_once_and_a_stale_page_is_refused(mw):
    application = apply(mw, scheme(mw, mw.fund()))
    with pytest.raises(StaleVersion):
        award(mw, application, version=application.version + 1)
    services.decline(
        actor=mw["la.officer"],
        via=Via.WEB,
        application=application,
        assessment=all_met(False),
        reason="No measurable outcomes",
    )
    with pytest.raises(Conflict, match="already been decided"):
        award(mw, application)


def test_only_the_schools_head_applies_and_only_before_the_closing_date(mw):
    fund = mw.fund()
    late = scheme(mw, fund, closes_on=date(2026, 10, 1))
    with pytest.raises(Conflict, match="closed to applications on 1 October 2026"):
        apply(mw, late)
    open_scheme = scheme(mw, fund)
    with pytest.raises(NotAllowed):
        apply(mw, open_scheme, school=mw.secondary)  # not the head's school
    for user in ("chair", "la.officer"):
        with pytest.raises(NotAllowed):
            services.apply(
                actor=mw[user],
                via=Via.WEB,
                scheme=open_scheme,
                establishment=mw.primary,
                requested_pence=100,
                purpose="x",
                statement="y",
            )
    apply(mw, open_scheme)
    with pytest.raises(Conflict, match="already applied"):
        apply(mw, open_scheme)


def test_a_plain_officer_may_not_award(mw):
    application = apply(mw, scheme(mw, mw.fund()))
    with pytest.raises(NotAllowed):
        award(mw, application, user="plain.officer")
