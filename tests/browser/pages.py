"""What a person does on Uplift's pages, in Playwright terms."""

import re

from playwright.sync_api import Page, expect

from uplift.demo.personas import DEMO_PASSWORD

SCHOOL_LINK = re.compile(r"^/schools/(\d+)/$")


def sign_in(page: Page, username: str, *, start: str = "/schools/") -> None:
    """Open a private page, get sent to the sign-in form, fill it in and come back."""
    page.goto(start)
    expect(page).to_have_url(re.compile(r"/accounts/sign-in/\?next="))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(start) + "$"))


def school_count(page: Page) -> int:
    """The number in the list's status line ("1,234 schools, showing 1 to 50")."""
    text = page.locator("main [role=status]").inner_text()
    return int(re.match(r"([\d,]+) schools?\b", text).group(1).replace(",", ""))


def listed_urns(page: Page) -> list[int]:
    """The URNs of the schools linked from the list on this page."""
    hrefs = page.locator("main table a[href^='/schools/']").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return [int(SCHOOL_LINK.match(href).group(1)) for href in hrefs if SCHOOL_LINK.match(href)]


def filter_by_phase(page: Page, phase_label: str) -> None:
    page.get_by_label("Phase", exact=True).select_option(label=phase_label)
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"[?&]phase_group="))


def search(page: Page, text: str) -> None:
    page.get_by_label("Name or URN").fill(text)
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"[?&]q="))
