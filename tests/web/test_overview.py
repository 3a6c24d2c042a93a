"""An LA's overview page: who may see it, its counts, and its bounded queries."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from uplift.accounts.models import Role
from uplift.directory.overview import la_overview
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource, Judgement
from uplift.schools.models import PhaseGroup


def overview_url(code: str) -> str:
    return reverse("la:detail", args=[code])


def inspect(school, day, kind=InspectionKind.GRADED, framework="eif2019", grade=None, areas=()):
    inspection = Inspection.objects.create(
        establishment=school,
        framework=framework,
        kind=kind,
        start_date=day,
        overall_grade=grade,
        source=InspectionSource.OFSTED_MI,
    )
    for area, grade_code, rank in areas:
        Judgement.objects.create(
            inspection=inspection, area=area, grade=grade_code, grade_rank=rank
        )
    return inspection


@pytest.fixture
def two_las(herts, essex, make_school):
    return {
        "herts": make_school(117001, herts),
        "essex": make_school(881001, essex),
    }


ALLOWED_FOR_HERTS = [
    (Role.LA_OFFICER, True),
    (Role.DATA_OFFICER, True),
    (Role.ADVISER, True),
    (Role.REGIONAL_VIEWER, False),
    (Role.SYSTEM_ADMIN, False),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "tied_to_herts"), ALLOWED_FOR_HERTS)
def test_la_staff_see_their_la_and_viewers_every_la(
    client, make_user, herts, two_las, role, tied_to_herts
):
    client.force_login(make_user("someone", role, **({"la": herts} if tied_to_herts else {})))
    assert client.get(overview_url("919")).status_code == 200
    assert client.get(overview_url("881")).status_code == (404 if tied_to_herts else 200)
    assert client.get(overview_url("999")).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "scope"),
    [
        (Role.HEADTEACHER, "establishment"),
        (Role.CHAIR_OF_GOVERNORS, "establishment"),
        (Role.BOARD_MEMBER, "group"),
        (Role.LA_OFFICER, None),  # an officer without an LA
        (None, None),  # a user without a profile
    ],
)
def test_everyone_else_gets_not_found(client, make_user, two_las, partnership, join, role, scope):
    join(partnership, two_las["herts"])
    values = {"establishment": {"establishment": two_las["herts"]}, "group": {"group": partnership}}
    client.force_login(make_user("someone", role, **values.get(scope, {})))
    assert client.get(overview_url("919")).status_code == 404
    assert client.get(reverse("la:index")).status_code == 404
    assert 'href="/la/"' not in client.get(reverse("schools:list")).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.REGIONAL_VIEWER, Role.SYSTEM_ADMIN])
def test_viewers_across_las_choose_an_la(client, make_user, two_las, make_school, essex, role):
    make_school(881002, essex, status="Closed")
    client.force_login(make_user("viewer", role))
    html = client.get(reverse("schools:list")).content.decode()
    assert '<a class="govuk-service-navigation__link" href="/la/">Local authorities</a>' in html
    response = client.get(reverse("la:index"))
    assert response.status_code == 200
    rows = re.findall(
        r'<a class="govuk-link" href="/la/(\d+)/">([^<]+)</a>', response.content.decode()
    )
    assert rows == [("881", "Essex"), ("919", "Hertfordshire")]
    assert [la.open_schools for la in response.context["las"]] == [1, 1]  # closed ones left out


@pytest.mark.django_db
def test_signed_out_visitors_are_sent_to_sign_in(client, two_las):
    response = client.get(overview_url("919"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


@pytest.mark.django_db
def test_la_staff_reach_their_la_from_the_navigation(officer_client, two_las):
    html = officer_client.get(reverse("schools:list")).content.decode()
    assert '<a class="govuk-service-navigation__link" href="/la/">Local authority</a>' in html
    response = officer_client.get(reverse("la:index"))
    assert response.status_code == 302 and response["Location"] == overview_url("919")
    html = officer_client.get(overview_url("919")).content.decode()
    assert 'href="/la/" aria-current="true">Local authority</a>' in html


@pytest.fixture
def herts_world(herts, essex, make_school):
    """Herts: 3 primaries, 1 secondary, 1 special open and 1 closed primary; their
    inspections on several frameworks. An Essex school that must never be counted."""
    schools = {
        "outstanding": make_school(117001, herts),
        "good_now": make_school(117002, herts),
        "old_satisfactory": make_school(117003, herts),
        "areas_only": make_school(
            117004, herts, phase_group=PhaseGroup.SECONDARY, type_name="Academy converter"
        ),
        "card": make_school(
            117005, herts, phase_group=PhaseGroup.SPECIAL, type_name="Community special school"
        ),
        "never": make_school(117006, herts, type_name="", status=""),
        "closed": make_school(117007, herts, status="Closed"),
        "closing_passed": make_school(117008, herts, close_date=date.today() - timedelta(1)),
        "proposed": make_school(117009, herts, status="Proposed to open"),
    }
    inspect(schools["outstanding"], date(2022, 5, 1), grade=1)
    inspect(schools["good_now"], date(2016, 5, 1), grade=4, framework="cif2015")
    inspect(schools["good_now"], date(2023, 5, 1), grade=2)
    inspect(schools["good_now"], date(2025, 1, 9), kind=InspectionKind.UNGRADED)  # not graded
    inspect(schools["old_satisfactory"], date(2010, 5, 1), grade=3, framework="2009")
    inspect(
        schools["areas_only"],
        date(2025, 3, 1),
        framework="eif2024",
        areas=[("quality_of_education", "2", 2), ("behaviour_attitudes", "1", 1)],
    )
    inspect(schools["card"], date(2021, 1, 1), grade=1)
    inspect(
        schools["card"],
        date(2026, 2, 1),
        kind=InspectionKind.REPORT_CARD,
        framework="rc2025",
        areas=[
            ("inclusion", "strong", 2),
            ("achievement", "needs_attention", 4),
            ("leadership_governance", "strong", 2),
        ],
    )
    inspect(schools["closed"], date(2022, 5, 1), grade=4)
    inspect(make_school(881001, essex), date(2022, 5, 1), grade=4)
    return schools


def table_after(html: str, caption: str) -> str:
    start = html.index(caption)
    return html[start : html.index("</table>", start)]


def row_cells(table: str, heading: str) -> list[str]:
    row = table[table.index(heading) :]
    row = row[: row.index("</tr>")]
    return re.findall(r"<td [^>]*>([^<]*)</td>", row)


@pytest.mark.django_db
def test_counts_open_establishments_by_phase_and_type(officer_client, herts_world):
    html = officer_client.get(overview_url("919")).content.decode()
    assert "6 open establishments" in html
    by_phase = table_after(html, "By phase")
    assert row_cells(by_phase, "Primary") == ["4"]
    assert row_cells(by_phase, "Secondary") == ["1"]
    assert row_cells(by_phase, "Special") == ["1"]
    assert row_cells(by_phase, "Total") == ["6"]
    assert "Nursery" not in by_phase
    by_type = table_after(html, "By type")
    assert row_cells(by_type, "Community school") == ["3"]
    assert row_cells(by_type, "Academy converter") == ["1"]
    assert row_cells(by_type, "Type not known") == ["1"]


@pytest.mark.django_db
def test_counts_latest_outcomes_by_framework(officer_client, herts_world):
    html = officer_client.get(overview_url("919")).content.decode()
    overall = table_after(html, "Overall effectiveness, by the framework")
    # Outstanding, good, RI/satisfactory, inadequate, total: each row one framework.
    assert row_cells(overall, "Education inspection framework<") == ["1", "1", "0", "0", "2"]
    assert row_cells(overall, "Section 5 framework 2009") == ["0", "0", "1", "0", "1"]
    assert "Common inspection framework" not in overall  # superseded by a later inspection
    assert row_cells(overall, "All these frameworks") == ["1", "1", "1", "0", "3"]
    assert overall.index("Education inspection framework<") < overall.index("2009")
    summary = re.sub(r"\s+", " ", html[html.index('<dl class="govuk-summary-list">') :])
    assert (
        "Latest inspection under the Report card framework: grades by area, no overall grade"
        '</dt> <dd class="govuk-summary-list__value">1 establishment</dd>'
    ) in summary
    assert "Education inspection framework (no overall grade): grades by area" in summary
    assert 'No graded or report card inspection</dt> <dd class="govuk-summary-list__value">1' in (
        summary
    )


@pytest.mark.django_db
def test_counts_report_card_grades_per_evaluation_area(officer_client, herts_world):
    html = officer_client.get(overview_url("919")).content.decode()
    cards = table_after(html, "Report card framework: grades by evaluation area")
    headers = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', cards)
    assert headers == [
        "Evaluation area",
        "Exceptional",
        "Strong standard",
        "Expected standard",
        "Needs attention",
        "Urgent improvement",
        "Graded",
    ]
    assert row_cells(cards, "Inclusion") == ["0", "1", "0", "0", "0", "1"]
    assert row_cells(cards, "Achievement") == ["0", "0", "0", "1", "0", "1"]
    assert "Curriculum and teaching" not in cards  # an area nobody was graded on
    eif2024 = table_after(
        html, "Education inspection framework (no overall grade): grades by evaluation"
    )
    assert row_cells(eif2024, "Behaviour and attitudes") == ["1", "0", "0", "0", "1"]


@pytest.mark.django_db
def test_overview_selector_stays_within_the_visible_schools(herts, herts_world, make_user):
    from uplift.schools.access import visible_establishments

    head = make_user("head", Role.HEADTEACHER, establishment=herts_world["card"])
    overview = la_overview(la=herts, visible=visible_establishments(head))
    assert overview.open_schools == 1 and overview.not_graded == 0
    assert [table.framework.code for table in overview.by_area] == ["rc2025"]
    assert overview.overall_grades == ()


@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 60])
def test_overview_queries_do_not_grow_with_schools(
    officer_client, herts, make_school, django_assert_max_num_queries, count
):
    for n in range(count):
        school = make_school(400000 + n, herts, type_name=f"Type {n % 7}")
        inspect(school, date(2020, 1, 1 + n % 28), grade=1 + n % 4)
        inspect(
            school,
            date(2026, 1, 1 + n % 28),
            kind=InspectionKind.REPORT_CARD,
            framework="rc2025",
            areas=[("inclusion", "strong", 2)] if n % 2 else [],
        )
    with django_assert_max_num_queries(9):  # 8, and the roles
        response = officer_client.get(overview_url("919"))
    assert response.status_code == 200
    assert f"{count} open establishments" in response.content.decode()
