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
