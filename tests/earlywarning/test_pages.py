"""The early-warning pages: the LA's flags (filtered, paginated, in a bounded number of
queries), the review form, the forecast and its CSV, and risk on the school page, the
officer's home page, the priority list and the profile for the LA's officers only."""

from datetime import date

import pytest

from uplift.accounts.models import Role
from uplift.audit.models import Via
from uplift.earlywarning.reviews import review_flag
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource

from .factories import REASONS, make_assessment, make_run


@pytest.fixture
def flagged_schools(herts, make_school):
    run = make_run(la=herts, scored=40)
    found = []
    for rank in range(1, 31):
        school = make_school(200000 + rank, herts, f"School {rank:02d}")
        found.append(make_assessment(run, school, rank=rank, risk=1 - rank / 100))
    return found


def test_the_flags_page_lists_filters_and_pages_in_few_queries(
    client, officer, flagged_schools, django_assert_max_num_queries
):
    review_flag(
        actor=officer,
        via=Via.WEB,
        assessment=flagged_schools[0],
        decision="agree",
        reason="We are worried too",
        version=0,
    )
    client.force_login(officer)
    with django_assert_max_num_queries(20):
        page = client.get("/early-warning/919/")
    html = page.content.decode()
    assert "School 01" in html and "School 25" in html and "School 26" not in html
    assert REASONS[0] in html
    reviewed = client.get("/early-warning/919/", {"status": "reviewed"}).content.decode()
    assert "School 01" in reviewed and "School 02" not in reviewed
    unreviewed = client.get("/early-warning/919/", {"status": "unreviewed"}).content.decode()
    assert "School 01" not in unreviewed and "School 02" in unreviewed
    assert "School 30" in client.get("/early-warning/919/", {"page": 2}).content.decode()


def test_an_officer_dismisses_a_flag_on_its_page_and_a_stale_form_is_refused(
    client, officer, flagged_schools
):
    flag = flagged_schools[0]
    client.force_login(officer)
    url = f"/early-warning/919/flags/{flag.pk}/"
    assert REASONS[1] in client.get(url).content.decode()
    form = {"decision": "dismiss", "reason": "New head since September", "version": 0}
    assert client.post(url, form).status_code == 302
    stale = client.post(url, form | {"reason": "Again"})
    assert "Someone reviewed this flag" in stale.content.decode()
    assert flag.reviews.count() == 1
    school = client.get(f"/schools/{flag.school.urn}/").content.decode()
    assert "Flag dismissed" in school and "New head since September" in school


def test_risk_shows_to_the_las_officers_only(client, make_user, herts, essex, flagged_schools):
    school = flagged_schools[0].school
    readers = {
        "officer": make_user("o", Role.LA_OFFICER, la=herts),
        "adviser": make_user("a", Role.ADVISER, la=herts),
        "head": make_user("h", Role.HEADTEACHER, establishment=school),
        "data": make_user("d", Role.DATA_OFFICER, la=herts),
    }
    seen = {}
    for name, user in readers.items():
        client.force_login(user)
        seen[name] = 'id="early-warning"' in client.get(f"/schools/{school.urn}/").content.decode()
    assert seen == {"officer": True, "adviser": False, "head": False, "data": False}
    client.force_login(make_user("e", Role.LA_OFFICER, la=essex))
    assert client.get("/early-warning/919/").status_code == 404


def test_the_officers_home_page_counts_the_flags_and_links_to_them(
    client, officer, flagged_schools
):
    client.force_login(officer)
    html = client.get("/").content.decode()
    assert "30 schools flagged" in html
    assert "/early-warning/919/?status=unreviewed" in html


def test_the_priority_list_has_an_early_warning_column_for_officers(
    client, officer, make_user, herts, flagged_schools
):
    Inspection.objects.create(
        establishment=flagged_schools[0].school,
        framework="eif2019",
        kind=InspectionKind.GRADED,
        start_date=date(2022, 3, 1),
        overall_grade=3,
        source=InspectionSource.OFSTED_MI,
    )
    client.force_login(officer)
    html = client.get("/reports/919/priority-schools/").content.decode()
    assert "Early warning" in html and "Flagged" in html and "99% chance" in html
    client.force_login(make_user("v", Role.DATA_OFFICER, la=herts))
    assert "Early warning" not in client.get("/reports/919/priority-schools/").content.decode()


def test_the_forecast_lists_schools_due_next_term_as_a_page_and_csv(client, officer, herts):
    client.force_login(officer)
    page = client.get("/early-warning/919/inspections-next-term/")
    assert page.status_code == 200
    csv = client.get("/early-warning/919/inspections-next-term.csv")
    assert csv.content.decode("utf-8-sig").splitlines()[0] == (
        "urn,name,last_inspected,last_grade,due_by,overdue"
    )
