"""An LA officer goes from the home page to a round, filters its schools and accepts the
policy's proposals for the filtered set in one step, in a real browser."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST
from tests.browser.pages import sign_in

pytestmark = BROWSER_TEST

ROUND_URL = re.compile(r"/categorisation/rounds/(\d+)/")


def test_an_officer_goes_home_to_a_round_filters_and_accepts_the_proposals(new_page, site):
    page = new_page()
    page.set_default_timeout(60_000)  # the round proposes every school of the demo LA
    sign_in(page, "la.officer", start="/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Which schools need you this week")

    # The demo's round is published: the home page offers the next one.
    page.get_by_role("link", name="Start the next round").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Categorisation rounds")
    page.get_by_label("Round", exact=True).fill("2027-spring")
    page.get_by_label("Policy", exact=True).select_option(index=1)
    page.get_by_label("Reason for the change").fill("Spring term round")
    page.get_by_role("button", name="Propose categories").click()
    expect(page).to_have_url(ROUND_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Round 2027-spring")

    # Back home: the round's progress links to the schools waiting for a decision.
    page.get_by_role("link", name="Home").first.click()
    page.locator("main").get_by_role("link", name=re.compile(r"^Decide \d+ schools$")).click()
    expect(page).to_have_url(re.compile(r"[?&]decision=undecided"))

    page.get_by_label("Phase", exact=True).select_option(label="Primary")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"phase=primary"))
    status = page.locator("main [role=status]").inner_text()
    primaries = int(re.match(r"([\d,]+) schools?", status).group(1).replace(",", ""))
    assert primaries > 0

    page.get_by_label("Reason for accepting these proposals").fill("Agreed at the team meeting")
    page.get_by_role("button", name=re.compile(r"^Accept the proposals of every school")).click()
    banner = page.locator(".govuk-notification-banner")
    expect(banner).to_contain_text("Proposals accepted for")
    accepted = int(re.search(r"accepted for ([\d,]+) school", banner.inner_text()).group(1))
    assert 0 < accepted <= primaries
    expect(page).to_have_url(re.compile(r"phase=primary"))
    # Left undecided: the schools the policy had not enough evidence to place.
    left = primaries - accepted
    expect(page.locator("main [role=status]")).to_have_text(re.compile(rf"^{left:,} schools?"))
    page.get_by_label("Decision", exact=True).select_option(label="Accepted")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("main [role=status]")).to_contain_text(f"{accepted:,} school")
