"""The money pages as people use them: an officer commits £12,000 and is refused an
overspend; a head applies for a bursary, the officer awards it, the letter is a PDF and the
fund's balance and the school's timeline show it; the traded-services report; the
commission's report page and PDF."""

from datetime import date

from django.test import Client

from tests.commissioning.world import (
    CRITERIA,
    YEAR,
    apply,
    categorise,
    commission,
    scheme,
    service,
)
from tests.funds.world import money_world_fixture  # noqa: F401
from uplift.audit.models import Via
from uplift.commissioning.models import GrantApplication
from uplift.commissioning.traded import services as traded
from uplift.funds.models import LedgerEntry


def client_for(mw, username) -> Client:
    client = Client()
    client.force_login(mw[username])
    return client


def date_fields(name, day: date) -> dict:
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def test_an_officer_commits_12000_and_an_overspend_is_refused_with_the_shortfall(mw):
    fund = mw.fund(pence=1_360_000)  # £13,600
    officer = client_for(mw, "la.officer")
    form = {
        "amount": "12,000.00",
        **date_fields("dated", date(2026, 6, 1)),
        "description": "Deployment of a national leader of education",
        "urn": "117001",
        "reason": "Agreed at the priority schools meeting",
    }
    response = officer.post(f"/funds/{fund.pk}/commit/", form)
    assert response.status_code == 302
    page = officer.get(f"/funds/{fund.pk}/").content.decode()
    assert "-£12,000.00" in page and "£1,600.00" in page and "Abbots Langley Primary" in page
    response = officer.post(f"/funds/{fund.pk}/commit/", {**form, "amount": "4,100"})
    assert response.status_code == 200
    assert "Intervention budget 2026-27 has £1,600.00 left to commit: this is £2,500.00 short" in (
        response.content.decode()
    )
    assert LedgerEntry.objects.filter(kind="commitment").count() == 1
    bad = officer.post(f"/funds/{fund.pk}/commit/", {**form, "amount": "twelve"})
    assert "Enter the amount in pounds" in bad.content.decode()


def test_a_head_applies_the_officer_awards_and_the_letter_balance_and_timeline_show_it(mw):
    fund = mw.fund(pence=5_000_000)
    chosen = scheme(mw, fund, closes_on=date(2099, 1, 31))
    head = client_for(mw, "headteacher")
    assert (
        "Apply for your school" in head.get(f"/commissioning/grants/{chosen.pk}/").content.decode()
    )
    response = head.post(
        f"/commissioning/grants/{chosen.pk}/apply/",
        {"amount": "8000", "purpose": "Phonics training", "statement": "We are category 3b."},
    )
    application = GrantApplication.objects.get()
    assert response.status_code == 302 and application.requested_pence == 800_000
    officer = client_for(mw, "la.officer")
    decision = {
        "version": application.version,
        "decision": "award",
        "amount": "7,500",
        "reason": "Meets the criteria; agreed at panel",
        **{f"met_{n}": "on" for n in range(len(CRITERIA))},
    }
    response = officer.post(f"/commissioning/applications/{application.pk}/", decision)
    assert response.status_code == 302
    letter = officer.get(f"/commissioning/applications/{application.pk}/letter.pdf")
    assert letter["Content-Type"] == "application/pdf" and letter.content.startswith(b"%PDF")
    assert head.get(f"/commissioning/applications/{application.pk}/letter.pdf").status_code == 200
    funds_page = officer.get("/funds/").content.decode()
    assert "£42,500.00" in funds_page  # £50,000 less the £7,500 award
    timeline = head.get("/schools/117001/timeline/").content.decode()
    assert "Grant awarded: £7,500.00" in timeline
    # a stale decision changes nothing
    again = officer.post(f"/commissioning/applications/{application.pk}/", decision)
    assert again.status_code == 403  # decided: no form any more
    assert LedgerEntry.objects.filter(kind="commitment").count() == 1


def test_the_traded_report_shows_buy_back_by_phase_and_category_4_schools_not_on_gold(mw):
    catalogue = service(mw)
    traded.expect_package(
        actor=None,
        via=Via.CLI,
        service=catalogue,
        categories=["3b", "4"],
        package=catalogue.packages.get(name="Gold"),
        reason="Policy",
    )
    officer = client_for(mw, "la.officer")
    for urn, status, package in (("117001", "bought", "Silver"), ("117002", "bought", "Gold")):
        response = officer.post(
            f"/commissioning/traded/{catalogue.pk}/subscribe/?year={YEAR}",
            {
                "urn": urn,
                "status": status,
                "package": catalogue.packages.get(name=package).pk,
                "reason": "Order form",
            },
        )
        assert response.status_code == 302
    categorise(mw, mw.primary, "4")
    page = officer.get(f"/commissioning/traded/{catalogue.pk}/?year={YEAR}").content.decode()
    assert "Buy-back by phase" in page and "Primary" in page and "100%" in page
    assert (
        "Category 3b and 4 schools are expected to buy Gold: Abbots Langley Primary is in "
        "category 4 and has bought Silver." in page
    )
    csv_file = officer.get(f"/commissioning/traded/{catalogue.pk}/invoices.csv?year={YEAR}")
    assert csv_file["Content-Type"].startswith("text/csv")
    assert "Abbots Langley Primary" in csv_file.content.decode()
    mine = client_for(mw, "headteacher").get("/commissioning/").content.decode()
    assert "School improvement" in mine and "£3,000.00" in mine
    assert "Bishop" not in mine  # another school's subscription


def test_the_commission_report_is_a_page_and_a_pdf(mw):
    placed = commission(mw, mw.fund())
    officer = client_for(mw, "la.officer")
    response = officer.post(
        f"/commissioning/commissions/{placed.pk}/report/implementation/",
        {"rag": "green", "evidence": "Twelve coaching days delivered."},
    )
    assert response.status_code == 302
    page = officer.get(f"/commissioning/commissions/{placed.pk}/").content.decode()
    assert "Twelve coaching days delivered." in page and "Not yet reported" in page
    pdf = officer.get(f"/commissioning/commissions/{placed.pk}/report.pdf")
    assert pdf.content.startswith(b"%PDF")


ROLES = (
    "la.officer",
    "plain.officer",
    "essex.finance",
    "adviser",
    "headteacher",
    "chair",
    "board.member",
    "dfe.viewer",
    "admin",
)


MATRIX = [
    ("/funds/", "ok 403 ok 403 403 403 403 403 ok"),
    ("/funds/{fund}/", "ok 403 404 403 403 403 403 403 ok"),
    ("/commissioning/", "ok 403 ok 403 ok ok 403 403 ok"),
    ("/commissioning/commissions/{commission}/", "ok 403 404 403 403 403 403 403 ok"),
    ("/commissioning/grants/{scheme}/", "ok 403 404 403 ok ok 403 403 ok"),
    ("/commissioning/applications/{application}/", "ok 403 404 403 ok ok 403 403 ok"),
    ("/commissioning/traded/{service}/", "ok 403 404 403 403 403 403 403 ok"),
    ("/funds/{fund}/commit/", "ok 403 404 403 403 403 403 403 ok"),
    ("/funds/{fund}/contribute/", "ok 403 404 403 403 403 403 403 ok"),
    ("/commissioning/providers/", "ok 403 ok 403 403 403 403 403 ok"),
    ("/commissioning/commissions/", "ok 403 ok 403 403 403 403 403 ok"),
    (
        "/commissioning/commissions/{commission}/report/teaching/",
        "ok 403 404 403 403 403 403 403 ok",
    ),
    ("/commissioning/commissions/{commission}/report.pdf", "ok 403 404 403 403 403 403 403 ok"),
    ("/commissioning/grants/", "ok 403 ok 403 ok ok 403 403 ok"),
    ("/commissioning/grants/{scheme}/apply/", "403 403 404 403 ok 403 403 403 403"),
    ("/commissioning/traded/", "ok 403 ok 403 ok ok 403 403 ok"),
    ("/commissioning/traded/{service}/subscribe/", "ok 403 404 403 403 403 403 403 ok"),
    ("/commissioning/traded/{service}/invoices.csv", "ok 403 404 403 403 403 403 403 ok"),
    ("/api/v1/funds", "ok 403 ok 403 403 403 403 403 ok"),
    ("/api/v1/funds/{fund}/ledger", "ok 403 404 403 403 403 403 403 ok"),
    ("/api/v1/commissions", "ok 403 ok 403 403 403 403 403 ok"),
    ("/api/v1/grant-schemes", "ok 403 ok 403 ok ok 403 403 ok"),
    ("/api/v1/subscriptions", "ok 403 ok 403 ok ok 403 403 ok"),
]


def test_who_may_open_the_money_pages(mw):
    """Every role against every money page and endpoint: finance officers of the LA and
    system administrators; a head or chair their own school's grants and subscriptions."""
    fund = mw.fund(pence=50_000_000)
    chosen = scheme(mw, fund, closes_on=date(2099, 1, 31))
    ids = {
        "fund": fund.pk,
        "commission": commission(mw, fund).pk,
        "scheme": chosen.pk,
        "application": apply(mw, chosen).pk,
        "service": service(mw).pk,
    }
    clients = {role: client_for(mw, role) for role in ROLES}
    wrong = []
    for path, answers in MATRIX:
        url = path.format(**ids)
        got = []
        for role in ROLES:
            status = clients[role].get(url).status_code
            got.append("ok" if status == 200 else str(status))
        if " ".join(got) != answers:
            wrong.append(f"{url}: expected {answers}, got {' '.join(got)}")
    assert not wrong, "\n".join(wrong)
