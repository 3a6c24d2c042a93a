"""An axe-core scan of each main page finds no serious or critical violation, and the pages
run under the Content Security Policy without a blocked resource or a script error."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST
from tests.browser.pages import sign_in

pytestmark = BROWSER_TEST

BLOCKING_IMPACTS = {"serious", "critical"}
axe = Axe()  # axe-core as bundled with axe-playwright-python: nothing is fetched

# The pages a system administrator reaches, which between them use every main template;
# {names} are filled in from the Site.
MAIN_PAGES = {
    "school list": "/schools/",
    "school list, filtered and sorted": "/schools/?phase_group=primary&sort=-pupils",
    "school page": "/schools/{school_urn}/",
    "LA overview": "/la/919/",
    "imports": "/imports/",
    "import run": "/imports/{import_run_pk}/",
    "upload": "/imports/upload/",
    "groups": "/groups/",
    "group page": "/groups/{group_pk}/",
    "recent changes": "/history/",
    "school history": "/history/schools.establishment/{school_pk}/",
    "accessibility statement": "/accessibility/",
    "cookies": "/cookies/",
    "concern cases": "/casework/cases/",
    "concern case": "/casework/cases/{case_pk}/",
    "working-day calendar": "/casework/calendar/919/",
    "my work": "/my-work/",
    "school timeline": "/schools/{school_urn}/timeline/",
    "school visits": "/support/schools/{school_urn}/visits/",
    "school plans": "/support/schools/{school_urn}/plans/",
    "money and commissioning": "/commissioning/",
    "funds": "/funds/",
    "commissions": "/commissioning/commissions/",
    "grants and bursaries": "/commissioning/grants/",
    "traded services": "/commissioning/traded/",
    "page not found": "/schools/999999999/",
}


def watch_for_errors(page) -> list[str]:
    """Console errors (a blocked resource under the CSP logs one) and uncaught exceptions."""
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    return errors


def blocking_violations(page) -> list[str]:
    results = axe.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]


@pytest.mark.parametrize("name", MAIN_PAGES)
def test_main_page_has_no_serious_accessibility_violation(new_page, site, name):
    page = new_page()
    sign_in(page, "admin")
    errors = watch_for_errors(page)
    url = MAIN_PAGES[name].format(**vars(site))
    response = page.goto(url)
    assert response.status == (404 if name == "page not found" else 200)
    # GOV.UK Frontend started: its static start-up script ran under the policy.
    expect(page.locator("body.govuk-frontend-supported.js-enabled")).to_have_count(1)
    assert blocking_violations(page) == []
    assert [e for e in errors if "404" not in e or name != "page not found"] == []


def test_sign_in_page_and_its_errors_have_no_serious_accessibility_violation(new_page):
    page = new_page()
    errors = watch_for_errors(page)
    page.goto("/accounts/sign-in/")
    assert blocking_violations(page) == []
    page.get_by_role("button", name="Sign in").click()  # empty: the GOV.UK error summary
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert blocking_violations(page) == []
    assert errors == []


def test_api_docs_render_under_the_content_security_policy(new_page):
    page = new_page()
    sign_in(page, "admin")
    errors = watch_for_errors(page)
    page.goto("/api/docs")
    # The docs' script draws the page from the whole schema: slow on a busy machine.
    expect(page.get_by_text("Uplift API").first).to_be_visible(timeout=30_000)
    expect(page.locator(".opblock").first).to_be_visible(timeout=30_000)
    assert errors == []
