"""Issue 5's "done when" flows, tried in a real browser as a new user would: an officer takes
a category 4 school from concern raised to a warning notice issued just before a bank holiday
(the deadline skips it), additional governors after the two-month window are refused with the
reason, and an adviser's visit is commented on, finalised and counted against the school's
entitlement.

Each test runs in one transaction that is rolled back (see conftest.py), so a flow is one test.
"""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.conftest import BROWSER_TEST, HERTS
from tests.browser.pages import sign_in

pytestmark = BROWSER_TEST

CASE_URL = re.compile(r"/casework/cases/(\d+)/$")

# Friday 28 August 2026, just before the summer bank holiday (Monday 31 August 2026): 15
# working days from the day after, skipping the weekends and the bank holiday, end on Monday
# 21 September 2026 (without the skip they would end on Friday 18 September).
NOTICE_ISSUED_ON = date(2026, 8, 28)
NOTICE_DEADLINE = "21 September 2026"
# s.64: additional governors within two months after the compliance period ended, so until
# 21 November 2026. The browser tests run on the project's clock (22 November 2026 or
# later), so "today" is after the window yet not in the future, which services refuse.
POWERS_WINDOW_ENDS = date(2026, 11, 21)


def fill_date(page: Page, name: str, on: date) -> None:
    """GOV.UK's day, month and year boxes of the date field `name`."""
    page.locator(f"input[name='{name}_day']").fill(str(on.day))
    page.locator(f"input[name='{name}_month']").fill(str(on.month))
    page.locator(f"input[name='{name}_year']").fill(str(on.year))


def saved_on_case(page: Page, case_pk: int) -> None:
    expect(page).to_have_url(re.compile(rf"/casework/cases/{case_pk}/$"))
    expect(page.locator(".govuk-error-summary")).to_have_count(0)


@pytest.fixture(scope="module")
def school_to_recategorise(site, django_db_blocker):
    """An LA-maintained school of LA 919 whose published category is not 4 and which has no
    open case, as (urn, name). Read once, outside the tests: on in-memory SQLite a read in
    the test's own transaction would lock the table the server then writes to."""
    with django_db_blocker.unblock():
        return _school_to_recategorise()


def _school_to_recategorise():
    from uplift.casework.cases.maintained import is_la_maintained
    from uplift.casework.models import ConcernCase, Stage
    from uplift.categorisation.models import SchoolCategorisation

    with_case = ConcernCase.objects.exclude(stage=Stage.CLOSED).values("establishment")
    rows = (
        SchoolCategorisation.objects.filter(
            round__la__code=HERTS, round__code="2026-autumn", establishment__la__code=HERTS
        )
        .exclude(establishment__in=with_case)
        .select_related("establishment")
        .order_by("establishment__urn")
    )
    for row in rows:
        if row.category != "4" and is_la_maintained(row.establishment):
            return row.establishment.urn, row.establishment.name
    raise AssertionError("no maintained school of LA 919 below category 4 without a case")


def move_case(page: Page, case_pk: int, stage_label: str, reason: str, **dates) -> None:
    page.goto(f"/casework/cases/{case_pk}/move/")
    page.get_by_label("Move the case to").select_option(label=stage_label)
    for name, on in dates.items():
        fill_date(page, name, on)
    page.get_by_label("Reason for the move").fill(reason)
    page.locator("main form button[type=submit]").click()
    saved_on_case(page, case_pk)


def test_officer_takes_a_category_4_school_to_a_warning_notice_and_is_refused_governors(
    new_page, school_to_recategorise
):
    today = timezone.localdate()
    assert today > POWERS_WINDOW_ENDS, "the flow needs today after 21 November 2026"
    urn, name = school_to_recategorise
    page = new_page()
    sign_in(page, "la.officer", start="/casework/cases/")

    # Re-categorise the school to 4 on new evidence: a case opens at "concern raised".
    page.goto(f"/categorisation/schools/{urn}/category/")
    page.get_by_label("New category").select_option(value="4")
    page.get_by_label("Reason for the change").fill("Safeguarding failures found in a visit")
    page.get_by_label("New evidence").fill("The LA's safeguarding audit of this term")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("re-categorised")

    # Open the case from the list.
    page.goto("/casework/cases/")
    page.locator("main table").get_by_role("link", name=name, exact=True).click()
    expect(page).to_have_url(CASE_URL)
    case_pk = int(CASE_URL.search(page.url).group(1))
    expect(page.locator("main")).to_contain_text("Concern raised")

    # The letter of concern, from its template, as a PDF, with its sending recorded.
    page.goto(f"/casework/cases/{case_pk}/letters/new/")
    template = page.get_by_label("Template")
    concern = template.locator("option", has_text=re.compile("concern", re.I)).first
    template.select_option(value=concern.get_attribute("value"))
    page.get_by_role("button", name="Generate the letter").click()
    expect(page).to_have_url(re.compile(r"/casework/letters/\d+/$"))
    pdf_href = page.get_by_role("link", name="Open the letter (PDF)").get_attribute("href")
    pdf = page.request.get(pdf_href)
    assert pdf.status == 200
    assert pdf.headers["content-type"].startswith("application/pdf")
    assert pdf.body().startswith(b"%PDF")
    page.get_by_role("link", name="Record the sending").click()
    page.get_by_label("Date sent").fill(today.isoformat())
    page.get_by_label("Post", exact=True).check()
    page.get_by_role("button", name="Record the sending").click()
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("Post")

    move_case(page, case_pk, "Letter of concern", "The letter of concern was sent", on=today)
    expect(page.locator("main")).to_contain_text("Letter of concern")
    move_case(
        page,
        case_pk,
        "Pre-warning",
        "An action plan is requested",
        on=today,
        action_plan_due_on=today + timedelta(days=28),
    )
    expect(page.locator("main")).to_contain_text("Pre-warning")

    # The warning notice (recorded after the event: it was served on 28 August 2026).
    page.goto(f"/casework/cases/{case_pk}/warning-notices/new/")
    page.get_by_label(re.compile(r"^\(a\) Unacceptably low standards")).check()
    fill_date(page, "issued_on", NOTICE_ISSUED_ON)
    page.get_by_label("Compliance period, in working days").fill("15")
    page.get_by_role("button", name="Record the warning notice").click()
    saved_on_case(page, case_pk)
    notices = page.locator("main table", has_text="Route and grounds")
    expect(notices).to_contain_text(f"{NOTICE_DEADLINE} (15 working days)")
    expect(notices).not_to_contain_text("18 September 2026")
    expect(notices).to_contain_text("21 November 2026")  # two months after the deadline
    expect(page.locator("main")).to_contain_text("Formal warning notice")

    # Not complied, the copy to DfE and the notice of intention: eligible for intervention.
    page.get_by_role("link", name="Record the copy to DfE").click()
    fill_date(page, "copied_on", NOTICE_ISSUED_ON)
    page.locator("main form button[type=submit]").click()
    saved_on_case(page, case_pk)
    page.get_by_role("link", name="Decide").click()
    page.get_by_label("Not complied").check()
    fill_date(page, "decided_on", today)
    page.get_by_label("What the decision rests on").fill("The review found no improvement")
    page.locator("main form button[type=submit]").click()
    saved_on_case(page, case_pk)
    page.goto(f"/casework/cases/{case_pk}/notice-of-intention/")
    fill_date(page, "given_on", today)
    page.get_by_label("Notes").fill("Notice in writing of the LA's proposal to use its powers")
    page.locator("main form button[type=submit]").click()
    saved_on_case(page, case_pk)
    move_case(page, case_pk, "Eligible for intervention", "Notice not complied with", on=today)
    expect(page.locator("main")).to_contain_text("Eligible for intervention")

    # s.64 additional governors today, after the window closed on 21 November 2026: refused.
    page.goto(f"/casework/cases/{case_pk}/powers/new/")
    page.get_by_label("Power", exact=True).select_option(value="s64")
    fill_date(page, "used_on", today)
    page.get_by_label("What was done").fill("Two additional governors appointed")
    page.locator("main form button[type=submit]").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("within two months after the compliance period ended")
    expect(summary).to_contain_text("21 November 2026")
    expect(page).to_have_url(re.compile(rf"/casework/cases/{case_pk}/powers/new/$"))
    page.goto(f"/casework/cases/{case_pk}/")
    expect(page.locator("main")).to_contain_text("Eligible for intervention")


def visits_used(page: Page, urn: int) -> int:
    page.goto(f"/support/schools/{urn}/visits/")
    row = page.locator(".govuk-summary-list__row", has_text="Used (notes finalised)")
    return int(row.locator(".govuk-summary-list__value").inner_text().strip())


def test_adviser_visit_is_commented_finalised_and_counted(new_page, site):
    urn = site.school_urn
    adviser = new_page()
    sign_in(adviser, "adviser", start=f"/support/schools/{urn}/visits/")
    used_before = visits_used(adviser, urn)

    adviser.goto(f"/support/visits/new/?urn={urn}")
    adviser_choice = adviser.get_by_label("Adviser")
    if adviser_choice.input_value() == "":
        adviser_choice.select_option(index=1)
    fill_date(adviser, "scheduled_for", timezone.localdate() - timedelta(days=5))
    adviser.get_by_label("Purpose of the visit").fill("Review of the school's action plan")
    adviser.get_by_role("button", name="Schedule the visit").click()
    expect(adviser).to_have_url(re.compile(r"/support/visits/\d+/$"))
    visit_url = adviser.url.removeprefix(site.url)

    adviser.get_by_role("link", name="Write the note").click()
    boxes = adviser.locator("main form textarea")
    for index in range(boxes.count()):
        boxes.nth(index).fill(f"Findings, part {index + 1}: reading is improving.")
    adviser.get_by_role("button", name="Save the note").click()
    expect(adviser.locator(".govuk-error-summary")).to_have_count(0)
    adviser.goto(visit_url)
    adviser.get_by_role("link", name="Share with the headteacher").click()
    adviser.get_by_role("button", name="Share the note").click()
    expect(adviser.locator(".govuk-error-summary")).to_have_count(0)

    head = new_page()
    sign_in(head, "headteacher", start=visit_url)
    head.get_by_role("link", name="Comment on the note").click()
    head.get_by_label("Your comment on the note").fill("We agree; phonics training is booked.")
    head.get_by_role("button", name="Add your comment").click()
    expect(head.locator(".govuk-error-summary")).to_have_count(0)

    adviser.goto(visit_url)
    expect(adviser.locator("main")).to_contain_text("phonics training is booked")
    adviser.get_by_role("link", name="Finalise the note").click()
    adviser.get_by_role("button", name="Finalise the note").click()
    expect(adviser.locator(".govuk-error-summary")).to_have_count(0)

    assert visits_used(adviser, urn) == used_before + 1
