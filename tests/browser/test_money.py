"""The money pages in a real browser with JavaScript turned off: a finance officer goes from
the navigation to the sample intervention budget, is refused a commitment the budget cannot
afford (with the shortfall), then commits money and sees it in the ledger."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST
from tests.browser.pages import sign_in

pytestmark = BROWSER_TEST


def test_commit_money_and_be_refused_an_overspend_without_javascript(new_page, site):
    page = new_page(javascript=False)
    sign_in(page, "la.officer", start="/commissioning/")
    expect(page.get_by_role("link", name="Money", exact=True)).to_be_visible()  # navigation
    page.get_by_role("link", name="Funds and their ledgers").click()
    page.get_by_role("link", name=re.compile(r"^Intervention budget \(sample\)")).click()
    expect(page.get_by_text("Sample data for the demonstration")).to_be_visible()
    page.get_by_role("link", name="Commit money").click()

    def commit(pounds: str) -> None:
        page.get_by_label("Amount in pounds").fill(pounds)
        page.get_by_label("Day").fill("2")
        page.get_by_label("Month").fill("11")
        page.get_by_label("Year").fill("2026")
        page.get_by_label("What the money is for").fill("Leadership coaching")
        page.get_by_label("Reason for the change").fill("Agreed at the priority meeting")
        page.get_by_role("button", name="Commit money").click()

    commit("1,000,000")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("short")
    commit("2,500.00")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Committed £2,500.00")
    expect(page.locator("main table").last).to_contain_text("Leadership coaching")


def test_set_up_a_scheme_then_claim_a_grant_and_approve_it_without_javascript(new_page, site):
    officer = new_page(javascript=False)
    sign_in(officer, "la.officer", start="/commissioning/")
    officer.get_by_role("link", name="Grants and bursaries").click()
    officer.get_by_role("link", name="Set up a scheme").click()
    officer.get_by_label("Fund it draws on").select_option(
        label="Intervention budget (sample) 2026-27"
    )
    officer.get_by_label("Name").fill("Phonics bursaries")
    officer.get_by_label("Criteria").fill("In category 3 or 4\nA costed plan")
    officer.get_by_label("Largest award, in pounds").fill("0")
    officer.get_by_label("Day").fill("31")
    officer.get_by_label("Month").fill("1")
    officer.get_by_label("Year").fill("2099")
    officer.get_by_label("Reason for the change").fill("Agreed at the schools forum")
    officer.get_by_role("button", name="Set up the scheme").click()
    expect(officer.locator(".govuk-error-summary")).to_contain_text(
        "Enter the largest award, more than £0.00"
    )
    officer.get_by_label("Largest award, in pounds").fill("5,000")
    officer.get_by_role("button", name="Set up the scheme").click()
    expect(officer.get_by_role("heading", level=1)).to_have_text("Phonics bursaries")

    head = new_page(javascript=False)
    sign_in(head, "headteacher", start="/commissioning/")
    head.get_by_role("link", name="Leadership bursaries (sample)").last.click()
    head.get_by_role("link", name="Make a claim").click()

    def claim(pounds: str) -> None:
        head.get_by_label("Amount claimed, in pounds").fill(pounds)
        head.get_by_label("The evidence").fill("Invoice from the programme provider")
        head.get_by_role("button", name="Send the claim").click()

    claim("9,000")
    expect(head.locator(".govuk-error-summary")).to_contain_text(
        "at most £2,500.00 can be claimed, not £9,000.00"
    )
    claim("1,000")
    expect(head.locator(".govuk-notification-banner")).to_contain_text("Claim of £1,000.00 sent")
    claim_url = head.url

    officer.goto(claim_url)
    officer.get_by_label("Decision").select_option(label="Approve and pay")
    officer.get_by_label("Reason for the change").fill("Invoice seen")
    officer.get_by_role("button", name="Record the decision").click()
    expect(officer.locator(".govuk-summary-list")).to_contain_text("Approved and paid")
