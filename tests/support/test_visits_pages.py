"""The visit pages: a school's visits and entitlement, scheduling, writing, sharing,
commenting on and finalising a note, refusals shown with their rule, and what a headteacher
may see."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.support.visits_world import PAST, vw_fixture  # noqa: F401
from uplift.audit.models import Via
from uplift.support.models import Visit, VisitStatus
from uplift.support.visits import services
from uplift.support.visits.entitlement import academic_year_of


@pytest.fixture
def as_user(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


def test_the_whole_workflow_through_the_pages(vw, as_user):
    vw.categorise(vw.school, "3b")
    adviser = as_user(vw["adviser"])
    page = adviser.get("/support/visits/new/?urn=117001")
    assert page.status_code == 200
    assert "selected>Tom Brennan" in page.content.decode()  # the adviser is the default

    answer = adviser.post(
        "/support/visits/new/?urn=117001",
        {
            "adviser": vw["adviser"].pk,
            "scheduled_for_day": PAST.day,
            "scheduled_for_month": PAST.month,
            "scheduled_for_year": PAST.year,
            "purpose": "Focus visit: reading",
        },
    )
    visit = Visit.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/support/visits/{visit.pk}/"

    note = {"version": visit.version}
    note.update({f"section_{i}": f"Text {i}" for i in range(6)})
    assert adviser.post(f"/support/visits/{visit.pk}/note/", note).status_code == 302
    visit.refresh_from_db()
    assert visit.status == VisitStatus.DRAFTED and visit.note[5]["text"] == "Text 5"

    answer = adviser.post(f"/support/visits/{visit.pk}/share/", {"version": visit.version})
    assert answer.status_code == 302
    visit.refresh_from_db()
    assert visit.status == VisitStatus.AWAITING_COMMENT

    head = as_user(vw["headteacher"])
    detail = head.get(f"/support/visits/{visit.pk}/").content.decode()
    assert "Text 3" in detail and "Comment on the note" in detail
    answer = head.post(
        f"/support/visits/{visit.pk}/comment/",
        {"version": visit.version, "comment": "A fair account."},
    )
    assert answer.status_code == 302
    visit.refresh_from_db()
    assert visit.status == VisitStatus.COMMENTED

    adviser = as_user(vw["adviser"])
    answer = adviser.post(f"/support/visits/{visit.pk}/finalise/", {"version": visit.version})
    assert answer.status_code == 302
    school = adviser.get("/support/schools/117001/visits/?year=2026-27").content.decode()
    assert "Category 3b" in school
    assert 'Used (notes finalised)</dt><dd class="govuk-summary-list__value">1<' in school
    assert 'Remaining to plan</dt><dd class="govuk-summary-list__value">5' in school

    pdf = adviser.get(f"/support/visits/{visit.pk}/pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_a_refused_step_shows_the_rule_in_an_error_summary(vw, as_user):
    visit = vw.write(vw.visit())
    adviser = as_user(vw["adviser"])
    answer = adviser.post(f"/support/visits/{visit.pk}/finalise/", {"version": visit.version})
    assert answer.status_code == 200
    page = answer.content.decode()
    assert "govuk-error-summary" in page
    assert "A note is finalised only after the headteacher has commented on it" in page


def test_a_stale_page_is_refused_and_shows_the_current_version(vw, as_user):
    visit = vw.visit()
    stale = visit.version
    vw.write(visit)
    adviser = as_user(vw["adviser"])
    answer = adviser.post(
        f"/support/visits/{visit.pk}/note/", {"version": stale, "section_0": "Overwrite"}
    )
    assert answer.status_code == 200
    assert "Someone changed this visit while you were looking at it" in answer.content.decode()
    visit.refresh_from_db()
    assert visit.note[0]["text"] != "Overwrite"
    assert f'value="{visit.version}"' in answer.content.decode()


def test_the_schedule_form_names_the_adviser_rule(vw, as_user):
    officer = as_user(vw["la.officer"])
    answer = officer.post(
        "/support/visits/new/?urn=117001",
        {
            "adviser": "",
            "scheduled_for_day": "31",
            "scheduled_for_month": "2",
            "scheduled_for_year": "2026",
            "purpose": "",
        },
    )
    page = answer.content.decode()
    assert "Choose the adviser who will make the visit" in page
    assert "Date of the visit must be a real date" in page
    assert "Enter the purpose of the visit" in page
    assert not Visit.objects.exists()


def test_the_choose_school_step(vw, as_user):
    officer = as_user(vw["la.officer"])
    page = officer.get("/support/visits/new/").content.decode()
    assert 'name="urn"' in page
    assert "Enter a URN in digits" in officer.get("/support/visits/new/?urn=abc").content.decode()


def test_the_headteacher_sees_the_note_only_once_shared(vw, as_user):
    visit = vw.write(vw.visit(), text="Private draft")
    head = as_user(vw["headteacher"])
    page = head.get(f"/support/visits/{visit.pk}/").content.decode()
    assert "Private draft" not in page
    assert "shared with the school once the adviser has written it" in page
    services.share_note(actor=vw["adviser"], via=Via.WEB, visit=visit, version=visit.version)
    assert "Private draft" in head.get(f"/support/visits/{visit.pk}/").content.decode()


def test_a_headteacher_sees_nothing_of_other_schools(vw, as_user):
    other = vw.through(vw.visit(school=vw.same_la), "write")
    own = vw.visit()
    head = as_user(vw["headteacher"])
    assert head.get("/support/schools/117001/visits/").status_code == 200
    assert head.get(f"/support/visits/{own.pk}/").status_code == 200
    assert head.get("/support/schools/117002/visits/").status_code == 404
    assert head.get("/support/schools/881001/visits/").status_code == 404
    for suffix in ("", "note/", "share/", "comment/", "finalise/", "cancel/", "pdf/"):
        assert head.get(f"/support/visits/{other.pk}/{suffix}").status_code == 404, suffix
    listing = head.get(f"/support/schools/117001/visits/?year={own.academic_year}")
    assert "Bishop" not in listing.content.decode()


def test_the_school_page_defaults_to_this_year_and_offers_others(vw, as_user):
    vw.visit(day=PAST - timedelta(days=365))
    officer = as_user(vw["la.officer"])
    page = officer.get("/support/schools/117001/visits/").content.decode()
    this_year = academic_year_of(timezone.localdate())
    assert f"Entitlement in {this_year}" in page
    assert '<option value="2025-26"' in page
    nonsense = officer.get("/support/schools/117001/visits/?year=nonsense").content.decode()
    assert f"Entitlement in {this_year}" in nonsense


def test_cancel_through_the_page(vw, as_user):
    visit = vw.visit()
    officer = as_user(vw["la.officer"])
    empty = officer.post(f"/support/visits/{visit.pk}/cancel/", {"version": visit.version})
    assert "Enter the reason for cancelling the visit" in empty.content.decode()
    answer = officer.post(
        f"/support/visits/{visit.pk}/cancel/", {"version": visit.version, "reason": "Snow"}
    )
    assert answer.status_code == 302
    visit.refresh_from_db()
    assert visit.status == VisitStatus.CANCELLED


def test_pages_carry_no_inline_script_or_style(vw, as_user):
    visit = vw.through(vw.visit(), "comment")
    adviser = as_user(vw["adviser"])
    for url in (
        "/support/schools/117001/visits/",
        "/support/visits/new/?urn=117001",
        f"/support/visits/{visit.pk}/",
        f"/support/visits/{visit.pk}/note/",
        f"/support/visits/{visit.pk}/finalise/",
    ):
        page = adviser.get(url).content.decode()
        assert "<style" not in page and "style=" not in page, url
        assert "<script>" not in page, url


def _queries_for(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_school_page_takes_the_same_queries_for_one_visit_or_many(vw, as_user):
    vw.categorise(vw.school, "4")
    vw.through(vw.visit(), "finalise")
    officer = as_user(vw["la.officer"])
    url = "/support/schools/117001/visits/?year=2026-27"
    one = _queries_for(officer, url)
    for _ in range(8):
        vw.through(vw.visit(), "share")
    assert _queries_for(officer, url) == one
