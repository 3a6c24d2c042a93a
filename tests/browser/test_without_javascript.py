"""The main path works with JavaScript turned off: sign in, the school list, a filter, the
next page, and a school's page."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST
from tests.browser.pages import filter_by_phase, listed_urns, school_count, sign_in
from uplift.schools.models import PhaseGroup

pytestmark = BROWSER_TEST


def test_sign_in_list_filter_page_and_open_a_school_without_javascript(new_page, site):
    scope = site.scopes["la.officer"]
    page = new_page(javascript=False)
    sign_in(page, "la.officer")
    expect(page.locator("body.js-enabled")).to_have_count(0)  # GOV.UK Frontend never ran
    assert school_count(page) == len(scope.urns)

    filter_by_phase(page, PhaseGroup.PRIMARY.label)
    assert school_count(page) == len(scope.primary_urns)
    first_page = listed_urns(page)
    page.get_by_role("link", name=re.compile(r"^Next")).click()
    expect(page).to_have_url(re.compile(r"[?&]page=2"))
    second_page = listed_urns(page)
    assert second_page and not set(first_page) & set(second_page)
    assert set(first_page + second_page) <= scope.primary_urns

    link = page.locator("main table a[href^='/schools/']").first
    name = link.inner_text()
    link.click()
    expect(page).to_have_url(re.compile(rf"/schools/{second_page[0]}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.get_by_role("heading", name="Inspections").first).to_be_visible()
