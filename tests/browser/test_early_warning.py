"""Done when: an officer sees a flagged school's reasons on its page and dismisses one flag
with a reason. From the home page's figure, through the list of flags, to the school's page
and the review form, without JavaScript."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST
from tests.browser.pages import sign_in
from tests.earlywarning.factories import REASONS

pytestmark = BROWSER_TEST


def test_an_officer_sees_the_reasons_and_dismisses_a_flag_with_a_reason(new_page, site):
    page = new_page(javascript=False)
    sign_in(page, "la.officer", start="/")
    page.get_by_role("link", name=re.compile(r"^1 school flagged$")).click()
    expect(page.locator("h1")).to_have_text("Early warning")
    page.locator("#flags tbody a[href^='/schools/']").first.click()
    expect(page).to_have_url(re.compile(rf"/schools/{site.flagged_urn}/$"))
    risk = page.locator("#early-warning")
    for reason in REASONS:
        expect(risk).to_contain_text(reason)
    expect(risk).to_contain_text("Flagged")
    risk.get_by_role("link", name=re.compile(r"^Review the flag")).click()
    page.get_by_role("button", name="Save the review").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose whether you agree")
    page.get_by_label(re.compile(r"^Dismiss the flag")).check()
    page.get_by_label("Reason").fill("New headteacher since September; the July visit was strong")
    page.get_by_role("button", name="Save the review").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("dismissed")
    expect(page.locator("#reviews")).to_contain_text("New headteacher since September")
    page.get_by_role("link", name="See the school's page").click()
    expect(page.locator("#early-warning")).to_contain_text("Flag dismissed")
