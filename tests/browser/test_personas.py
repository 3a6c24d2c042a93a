"""Each demo persona signs in through the real form, browses and filters the school list,
opens a school, and sees exactly its own scope."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST
from tests.browser.pages import filter_by_phase, listed_urns, school_count, search, sign_in
from uplift.demo.personas import PERSONAS
from uplift.schools.models import PhaseGroup

pytestmark = BROWSER_TEST

PAGE_SIZE = 50  # the school list's page size


@pytest.mark.parametrize("username", [persona.username for persona in PERSONAS])
def test_persona_signs_in_filters_opens_a_school_and_sees_only_their_scope(
    new_page, site, username
):
    scope = site.scopes[username]
    page = new_page()
    sign_in(page, username)

    expect(page.get_by_role("heading", level=1)).to_have_text("Schools")
    assert school_count(page) == len(scope.urns)
    shown = listed_urns(page)
    assert len(shown) == min(len(scope.urns), PAGE_SIZE)
    assert set(shown) <= scope.urns
    if len(scope.urns) <= PAGE_SIZE:
        assert set(shown) == scope.urns  # the whole scope, on one page

    filter_by_phase(page, PhaseGroup.PRIMARY.label)
    assert school_count(page) == len(scope.primary_urns)
    primaries = listed_urns(page)
    assert primaries and set(primaries) <= scope.primary_urns

    first = page.locator("main table a[href^='/schools/']").first
    name = first.inner_text()
    first.click()
    expect(page).to_have_url(re.compile(rf"/schools/{primaries[0]}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(name)

    if scope.outside_urn is not None:  # a real school outside the scope is not found
        page.goto("/schools/")
        search(page, str(scope.outside_urn))
        assert school_count(page) == 0
        response = page.goto(f"/schools/{scope.outside_urn}/")
        assert response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")


def test_the_headteacher_and_the_board_member_see_their_schools_by_name(new_page, site):
    """The partnership includes the headteacher's school: searching its name finds it."""
    for username in ("headteacher", "board.member"):
        page = new_page()
        sign_in(page, username)
        search(page, str(site.school_urn))
        assert listed_urns(page) == [site.school_urn]
