"""The school list (search, filters, sort, pages, CSV) and a school's page."""

import csv
import io
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from uplift.accounts.models import Role
from uplift.inspections.models import (
    CategoryOfConcern,
    Inspection,
    InspectionKind,
    InspectionSource,
    Judgement,
)
from uplift.performance.models import Dataset, Level, Measure, Result, Unit
from uplift.performance.table_rows import ALL_SCHOOLS, STATE_FUNDED
from uplift.schools.models import (
    Establishment,
    EstablishmentLink,
    GroupKind,
    PhaseGroup,
    SchoolGroup,
)

LIST = reverse("schools:list")
CSV = reverse("schools:csv")


def urns_on(response) -> list[int]:
    return [school.urn for school in response.context["page"].object_list]


def csv_of(response) -> list[dict]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="uplift-schools-')
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def inspect(school, day, kind=InspectionKind.GRADED, framework="eif2019", grade=None, **values):
    return Inspection.objects.create(
        establishment=school,
        framework=framework,
        kind=kind,
        start_date=day,
        overall_grade=grade,
        source=InspectionSource.OFSTED_MI,
        **values,
    )


@pytest.fixture
def herts_schools(herts, make_school):
    return [
        make_school(117001, herts, "Abbots Langley Primary", pupils=420),
        make_school(
            117002,
            herts,
            "Bishop's Stortford High",
            phase_group=PhaseGroup.SECONDARY,
            phase="Secondary",
            type_name="Academy converter",
            pupils=1500,
        ),
        make_school(117003, herts, "Cheshunt Nursery", phase_group=PhaseGroup.NURSERY, pupils=None),
        make_school(117004, herts, "Croxley Primary", status="Closed", pupils=90),
    ]


@pytest.mark.django_db
def test_list_shows_only_the_officers_la(officer_client, herts_schools, essex, make_school):
    make_school(881001, essex, "Essex School")
    response = officer_client.get(LIST)
    assert response.status_code == 200
    assert urns_on(response) == [117001, 117002, 117003, 117004]
    html = response.content.decode()
    assert "Abbots Langley Primary" in html and "Essex School" not in html
    assert 'name="la"' not in html  # one LA: no LA filter or column


@pytest.mark.django_db
def test_the_filter_is_a_plain_get_form_in_the_moj_filter_layout(officer_client, herts_schools):
    html = officer_client.get(LIST).content.decode()
    assert 'class="moj-filter-layout"' in html and 'class="moj-filter"' in html
    form = re.search(r"<form [^>]*>", html).group(0)
    assert 'method="get"' in form and f'action="{LIST}"' in form
    for name in ("q", "phase_group", "type", "outcome", "status"):
        assert f'name="{name}"' in html
        if name != "q":
            assert f'<label class="govuk-label govuk-label--s" for="filter-{name}">' in html
    assert "moj/moj-frontend.min.css" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "primary"}, [117001, 117004]),
        ({"q": "117003"}, [117003]),
        ({"q": "  CROXLEY "}, [117004]),
        ({"phase_group": "secondary"}, [117002]),
        ({"type": "Academy converter"}, [117002]),
        ({"type": "Community school", "phase_group": "primary"}, [117001, 117004]),
        ({"status": "Closed"}, [117004]),
        ({"phase_group": "primary", "status": "Open"}, [117001]),
        ({"phase_group": "not-a-phase"}, [117001, 117002, 117003, 117004]),
        ({"outcome": "not-an-outcome"}, [117001, 117002, 117003, 117004]),
        ({"trust": "x"}, [117001, 117002, 117003, 117004]),
        ({"sort": "-name"}, [117004, 117003, 117002, 117001]),
        ({"sort": "urn"}, [117001, 117002, 117003, 117004]),
        ({"sort": "type"}, [117002, 117001, 117003, 117004]),
        ({"sort": "pupils"}, [117004, 117001, 117002, 117003]),
        ({"sort": "-pupils"}, [117002, 117001, 117004, 117003]),
        ({"sort": "drop table"}, [117001, 117002, 117003, 117004]),
    ],
)
def test_search_filter_and_sort(officer_client, herts_schools, query, expected):
    assert urns_on(officer_client.get(LIST, query)) == expected


@pytest.fixture
def outcomes(herts, make_school):
    """One school per kind of latest outcome; older and ungraded inspections must not count."""
    schools = {
        "outstanding": make_school(118001, herts, "A Outstanding"),
        "good": make_school(118002, herts, "B Good"),
        "ri": make_school(118003, herts, "C Requires improvement"),
        "inadequate": make_school(118004, herts, "D Inadequate"),
        "areas": make_school(118005, herts, "E Areas only"),
        "card": make_school(118006, herts, "F Report card"),
        "never": make_school(118007, herts, "G Never graded"),
    }
    inspect(schools["outstanding"], date(2015, 1, 5), grade=3, framework="2012")
    inspect(schools["outstanding"], date(2022, 1, 5), grade=1)
    inspect(schools["good"], date(2023, 1, 5), grade=2)
    inspect(schools["good"], date(2024, 6, 1), kind=InspectionKind.UNGRADED, outcome="Remains good")
    inspect(schools["ri"], date(2011, 1, 5), grade=3, framework="2009")
    inspect(schools["inadequate"], date(2019, 1, 5), grade=4, framework="cif2015")
    areas = inspect(schools["areas"], date(2024, 10, 1), framework="eif2024")
    Judgement.objects.create(inspection=areas, area="quality_of_education", grade="2", grade_rank=2)
    inspect(schools["card"], date(2020, 1, 5), grade=1)
    card = inspect(
        schools["card"], date(2026, 1, 20), kind=InspectionKind.REPORT_CARD, framework="rc2025"
    )
    Judgement.objects.create(inspection=card, area="inclusion", grade="strong", grade_rank=2)
    inspect(schools["never"], date(2024, 6, 1), kind=InspectionKind.UNGRADED)
    return schools


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        ("1", [118001]),
        ("2", [118002]),
        ("3", [118003]),
        ("4", [118004]),
        ("areas", [118005]),
        ("report_card", [118006]),
        ("none", [118007]),
    ],
)
def test_filter_by_latest_ofsted_outcome(officer_client, outcomes, outcome, expected):
    assert urns_on(officer_client.get(LIST, {"outcome": outcome})) == expected


@pytest.mark.django_db
def test_sort_by_latest_grade_puts_schools_without_one_last(officer_client, outcomes):
    assert urns_on(officer_client.get(LIST, {"sort": "grade"}))[:4] == [
        118001,
        118002,
        118003,
        118004,
    ]
    assert urns_on(officer_client.get(LIST, {"sort": "-grade"}))[:4] == [
        118004,
        118003,
        118002,
        118001,
    ]


@pytest.mark.django_db
def test_filter_by_trust_and_by_current_group(
    officer_client, herts, essex, make_school, partnership, join
):
    trust = SchoolGroup.objects.create(kind=GroupKind.TRUST, name="Herts Learning Trust")
    other_trust = SchoolGroup.objects.create(kind=GroupKind.TRUST, name="Essex Trust")
    in_trust = make_school(117001, herts, trust=trust)
    in_group = make_school(117002, herts)
    left_group = make_school(117003, herts)
    make_school(881001, essex, trust=other_trust)
    join(trust, in_trust)
    join(partnership, in_group, joined_on=date(2020, 9, 1))
    join(partnership, left_group, joined_on=date(2018, 9, 1), left_on=date(2020, 8, 31))
    response = officer_client.get(LIST)
    html = response.content.decode()
    assert f'<option value="{trust.pk}">Herts Learning Trust</option>' in html
    assert "Essex Trust" not in html  # only the trusts of schools the user can see
    assert f'<option value="{partnership.pk}">North Herts (partnership)</option>' in html
    assert f'<option value="{trust.pk}">Herts Learning Trust (trust)' not in html
    assert urns_on(officer_client.get(LIST, {"trust": trust.pk})) == [117001]
    assert urns_on(officer_client.get(LIST, {"group": partnership.pk})) == [117002]
    assert urns_on(officer_client.get(LIST, {"trust": other_trust.pk})) == []  # never widens


@pytest.mark.django_db
def test_selected_filters_show_as_tags_that_remove_themselves(officer_client, herts_schools):
    html = officer_client.get(
        LIST, {"phase_group": "primary", "outcome": "none", "page": "1"}
    ).content.decode()
    assert "Selected filters" in html
    assert (
        '<a class="moj-filter__tag" href="?outcome=none"><span class="govuk-visually-hidden">'
        "Remove this filter:</span> Primary</a>"
    ) in html
    assert '<a class="moj-filter__tag" href="?phase_group=primary">' in html
    assert "No graded inspection</a>" in html
    assert "Selected filters" not in officer_client.get(LIST).content.decode()


@pytest.mark.django_db
def test_sort_links_keep_filters_and_announce_the_sort(officer_client, herts_schools):
    html = officer_client.get(LIST, {"q": "primary", "sort": "name", "page": "2"}).content.decode()
    assert 'href="?q=primary&amp;sort=-name"' in html  # sorted by name: next click reverses
    assert 'href="?q=primary&amp;sort=urn"' in html  # a new sort starts again at page 1
    headers = re.findall(
        r'<th scope="col" class="govuk-table__header[^"]*" aria-sort="(\w+)">', html
    )
    assert headers == ["ascending", "none", "none", "none", "none"]
    html = officer_client.get(LIST, {"sort": "-pupils"}).content.decode()
    assert 'aria-sort="descending"' in html and 'href="?sort=pupils"' in html


@pytest.mark.django_db
def test_schools_known_only_by_urn_come_last_and_still_have_a_link_text(
    officer_client, herts, make_school
):
    nameless = make_school(117009, herts, type_name="State-funded nursery")
    Establishment.objects.filter(pk=nameless.pk).update(name="")  # as from a census file
    make_school(117001, herts, "Zebra Primary")
    assert urns_on(officer_client.get(LIST)) == [117001, 117009]
    assert urns_on(officer_client.get(LIST, {"sort": "-name"})) == [117001, 117009]
    html = officer_client.get(LIST).content.decode()
    assert '<a class="govuk-link" href="/schools/117009/">Unnamed school</a>' in html
    page = page_of(officer_client, 117009)
    assert (
        '<h1 class="govuk-heading-l">Unnamed school (URN 117009, state-funded nursery, '
        "Hertfordshire)</h1>"
    ) in page
    assert "school information spine" in page


@pytest.mark.django_db
def test_several_las_get_an_la_filter(client, make_user, herts, essex, make_school):
    make_school(117001, herts)
    make_school(881001, essex)
    client.force_login(make_user("viewer", Role.REGIONAL_VIEWER))
    response = client.get(LIST)
    assert urns_on(response) == [117001, 881001]
    assert 'name="la"' in response.content.decode()
    assert urns_on(client.get(LIST, {"la": "881"})) == [881001]
    assert urns_on(client.get(LIST, {"sort": "-la"})) == [117001, 881001]


@pytest.mark.django_db
def test_pagination_50_a_page(officer_client, herts, make_school):
    for n in range(120):
        make_school(300000 + n, herts, f"School {n:03d}")
    first = officer_client.get(LIST)
    assert len(urns_on(first)) == 50
    html = first.content.decode()
    assert 'class="govuk-pagination"' in html
    assert 'href="?page=2" rel="next"' in html
    assert 'aria-label="Page 1" aria-current="page"' in html
    third = officer_client.get(LIST, {"page": 3})
    assert len(urns_on(third)) == 20
    assert 'rel="prev"' in third.content.decode() and 'rel="next"' not in third.content.decode()


def make_inspected_schools(herts, make_school, count):
    for n in range(count):
        school = make_school(400000 + n, herts)
        inspection = inspect(school, date(2021, 1, 1 + n % 28), grade=1 + n % 4)
        Judgement.objects.create(
            inspection=inspection,
            area="quality_of_education",
            grade=str(1 + n % 4),
            grade_rank=1 + n % 4,
        )
        inspect(school, date(2023, 1, 1 + n % 28), kind=InspectionKind.UNGRADED, outcome="Good")


@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 60])
def test_list_queries_do_not_grow_with_schools(
    officer_client, herts, make_school, partnership, join, django_assert_max_num_queries, count
):
    make_inspected_schools(herts, make_school, count)
    with django_assert_max_num_queries(13):  # 12, and the roles
        response = officer_client.get(LIST, {"outcome": "2"})
    with django_assert_max_num_queries(13):
        response = officer_client.get(LIST, {"sort": "grade"})
    assert response.status_code == 200
    assert response.content.decode().count("Jan 2021") == min(count, 50)


@pytest.mark.django_db
def test_list_shows_the_latest_graded_inspection(officer_client, herts, make_school):
    school = make_school(117001, herts)
    make_school(117002, herts)
    for day, kind, grade in [
        (date(2019, 5, 1), InspectionKind.GRADED, 2),
        (date(2023, 6, 1), InspectionKind.GRADED, 4),
        (date(2024, 6, 1), InspectionKind.UNGRADED, None),
    ]:
        inspect(
            school,
            day,
            kind=kind,
            grade=grade,
            category_of_concern="special_measures" if grade == 4 else "",
        )
    rows = officer_client.get(LIST).content.decode().split('<tr class="govuk-table__row">')
    assert "Inadequate, special measures" in rows[2] and "Jun 2023" in rows[2]
    assert "No graded inspection recorded" in rows[3]


# The CSV download


@pytest.mark.django_db
def test_csv_link_carries_the_filters_but_not_the_page(officer_client, herts_schools):
    html = officer_client.get(LIST, {"phase_group": "primary", "page": "1"}).content.decode()
    assert f'href="{CSV}?phase_group=primary" download>Download CSV' in html


@pytest.mark.django_db
def test_csv_is_exactly_the_filtered_list_on_every_page(officer_client, herts, essex, make_school):
    for n in range(120):
        make_school(300000 + n, herts, f"Primary {n:03d}", pupils=n)
    make_school(300500, herts, "Secondary", phase_group=PhaseGroup.SECONDARY)
    make_school(881001, essex, "Essex Primary")
    rows = csv_of(officer_client.get(CSV, {"phase_group": "primary", "sort": "-pupils"}))
    assert len(rows) == 120  # every page, and only the officer's LA
    assert [int(row["URN"]) for row in rows[:3]] == [300119, 300118, 300117]
    assert rows[0]["Name"] == "Primary 119" and rows[0]["Local authority"] == "Hertfordshire"
    assert rows[0]["Phase group"] == "Primary" and rows[0]["Pupils"] == "119"
    assert urns_on(officer_client.get(LIST, {"phase_group": "primary"}))[:1] == [300000]


@pytest.mark.django_db
def test_csv_rows_carry_the_latest_inspections(officer_client, outcomes):
    rows = {row["URN"]: row for row in csv_of(officer_client.get(CSV))}
    good = rows["118002"]
    assert good["Latest graded inspection"] == "2023-01-05"
    assert good["Framework"] == "Education inspection framework"
    assert good["Grades"] == "Good"
    assert good["Latest ungraded inspection"] == "2024-06-01"
    assert good["Ungraded outcome"] == "Remains good"
    assert rows["118006"]["Grades"] == "Inclusion: Strong standard"
    assert rows["118007"]["Latest graded inspection"] == "" and rows["118007"]["Grades"] == ""
    assert [row["URN"] for row in csv_of(officer_client.get(CSV, {"outcome": "none"}))] == [
        "118007"
    ]


@pytest.mark.django_db
def test_csv_defuses_spreadsheet_formulas(officer_client, herts, make_school):
    make_school(117001, herts, '=HYPERLINK("http://bad")')
    assert csv_of(officer_client.get(CSV))[0]["Name"] == '\'=HYPERLINK("http://bad")'


@pytest.mark.django_db
def test_csv_is_scoped_like_the_list(client, make_user, herts, essex, make_school):
    school = make_school(117001, herts)
    make_school(881001, essex)
    client.force_login(make_user("head", Role.HEADTEACHER, establishment=school))
    assert [row["URN"] for row in csv_of(client.get(CSV))] == ["117001"]
    assert [row["URN"] for row in csv_of(client.get(CSV, {"la": "881"}))] == []
    client.logout()
    assert client.get(CSV).status_code == 302  # to the sign-in page


@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 60])
def test_csv_queries_do_not_grow_with_schools(
    officer_client, herts, make_school, django_assert_max_num_queries, count
):
    make_inspected_schools(herts, make_school, count)
    with django_assert_max_num_queries(9):  # 8, and the roles
        response = officer_client.get(CSV, {"outcome": "1"})
    assert len(csv_of(response)) == len(range(0, count, 4))


# The school page


@pytest.fixture
def school(herts, make_school, partnership, join):
    school = make_school(117001, herts, "Abbots Langley Primary")
    join(partnership, school, joined_on=date(2020, 9, 1))
    return school


@pytest.fixture
def inspected(school):
    graded = inspect(
        school, date(2022, 3, 2), grade=3, outcome="Requires improvement", framework="eif2019"
    )
    Judgement.objects.create(
        inspection=graded, area="quality_of_education", grade="3", grade_rank=3
    )
    Judgement.objects.create(
        inspection=graded, area="overall_effectiveness", grade="3", grade_rank=3
    )
    inspect(school, date(2011, 5, 4), grade=3, framework="2009")
    inspect(
        school,
        date(2024, 1, 10),
        kind=InspectionKind.UNGRADED,
        outcome="School remains Requires improvement",
    )
    card = inspect(
        school,
        date(2026, 1, 20),
        kind=InspectionKind.REPORT_CARD,
        framework="rc2025",
        category_of_concern=CategoryOfConcern.SPECIAL_MEASURES,
    )
    Judgement.objects.create(
        inspection=card, area="achievement", grade="urgent_improvement", grade_rank=5
    )
    Judgement.objects.create(inspection=card, area="inclusion", grade="strong", grade_rank=2)
    return school


def add_result(measure, year, level, value=None, suppression="", **subject):
    keys = {Level.SCHOOL: "urn:117001", Level.LA: "la:919", Level.ENGLAND: "england"}
    return Result.objects.create(
        measure=measure,
        academic_year=year,
        level=level,
        subject_key=keys[level],
        value=value,
        suppression=suppression,
        **subject,
    )


@pytest.fixture
def with_results(school, herts):
    """KS2 reading, writing and maths: 2023-24 beside the LA and England, 2022-23
    suppressed, 2021-22 missing (a gap); and one other measure."""
    rwm = Measure.objects.create(
        code="ks2.PTRWM_EXP",
        dataset=Dataset.KS2,
        source_column="PTRWM_EXP",
        label="Meeting expected standard",
        unit=Unit.PERCENT,
        decimal_places=0,
    )
    add_result(rwm, "2023-24", Level.SCHOOL, Decimal("61"), establishment=school)
    add_result(rwm, "2023-24", Level.LA, Decimal("63"), la=herts, segment=STATE_FUNDED)
    add_result(rwm, "2023-24", Level.ENGLAND, Decimal("59"), segment=STATE_FUNDED)
    # another segment's figure, not the one to compare with
    add_result(rwm, "2023-24", Level.ENGLAND, Decimal("17"), segment=ALL_SCHOOLS)
    add_result(rwm, "2022-23", Level.SCHOOL, suppression="SUPP", establishment=school)
    add_result(rwm, "2022-23", Level.ENGLAND, Decimal("60"), segment=STATE_FUNDED)
    add_result(rwm, "2021-22", Level.ENGLAND, Decimal("58"), segment=STATE_FUNDED)
    add_result(rwm, "2018-19", Level.SCHOOL, Decimal("99"), establishment=school)  # too old
    high = Measure.objects.create(
        code="ks2.PTRWM_HIGH",
        dataset=Dataset.KS2,
        source_column="PTRWM_HIGH",
        label="Higher standard",
        unit=Unit.PERCENT,
        decimal_places=0,
    )
    add_result(high, "2023-24", Level.SCHOOL, Decimal("8"), establishment=school)
    return school


def page_of(client, urn=117001) -> str:
    response = client.get(reverse("schools:detail", args=[urn]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_school_page_shows_details_groups_and_links(officer_client, school, make_school, herts):
    make_school(100500, herts, "Old Abbots School", status="Closed")
    EstablishmentLink.objects.create(
        urn=117001,
        linked_urn=100500,
        linked_name="Old Abbots School",
        link_type="Predecessor",
        established_on=date(2010, 9, 1),
    )
    EstablishmentLink.objects.create(
        urn=117001, linked_urn=999999, linked_name="Elsewhere", link_type="Successor"
    )
    old = SchoolGroup.objects.create(kind=GroupKind.CLUSTER, name="Old Cluster")
    school.memberships.create(group=old, joined_on=date(2001, 1, 1), left_on=date(2005, 1, 1))
    html = page_of(officer_client)
    for text in [
        "Abbots Langley Primary",
        "9197001",
        "Hertfordshire",
        "Community school",
        "4 to 11",
        "12.5%",
        "North Herts",
        "From 1 September 2020",
        "From 1 January 2001 to 1 January 2005",
        "No inspections have been imported",
        "No performance results have been imported",
    ]:
        assert text in html
    assert '<a class="govuk-link" href="/la/919/">Hertfordshire<span' in html
    assert html.index("North Herts") < html.index("Old Cluster")  # current groups first
    assert html.count('govuk-tag--green">Current') == 1
    assert '<a class="govuk-link" href="/schools/100500/">Old Abbots School (100500)</a>' in html
    assert "Elsewhere (999999)" in html and 'href="/schools/999999/"' not in html


def timeline_items(html: str) -> list[str]:
    return html.split('<div class="moj-timeline__item">')[1:]


@pytest.mark.django_db
def test_inspection_history_is_a_timeline_across_frameworks(officer_client, inspected):
    items = timeline_items(page_of(officer_client))
    assert len(items) == 4  # newest first
    card, ungraded, graded, old = items
    assert '<time datetime="2026-01-20">20 January 2026</time>' in card
    assert "Report card inspection" in card and "Report card framework" in card
    # Areas in the framework's order, on its own scale, with the category of concern.
    assert card.index("Inclusion") < card.index("Achievement")
    assert "Strong standard" in card and "Urgent improvement" in card
    assert "Special measures" in card and "Overall effectiveness" not in card
    assert "Exceptional, Strong standard, Expected standard" in card
    assert "Ungraded inspection" in ungraded and "School remains Requires improvement" in ungraded
    assert "Education inspection framework" in graded
    assert re.search(r"Overall effectiveness</dt>\s*<dd[^>]*><strong>Requires improvement", graded)
    assert graded.count("Overall effectiveness") == 1  # the overall judgement is not repeated
    assert "Quality of education" in graded and "Category of concern" not in graded
    assert "Outcome</dt>" not in graded  # a graded inspection's grades say it all
    assert "Section 5 framework 2009" in old and "Satisfactory" in old


@pytest.mark.django_db
def test_key_measures_have_a_chart_and_a_table_over_three_years(officer_client, with_results):
    html = page_of(officer_client)
    svg_text = re.search(r"<svg .*?</svg>", html, re.S).group(0)
    svg = ET.fromstring(svg_text)
    assert svg.get("role") == "img"
    assert svg.get("aria-describedby") == "table-ks2-ptrwm-exp"
    assert 'id="table-ks2-ptrwm-exp"' in html
    title = svg.find("{http://www.w3.org/2000/svg}title").text
    assert title == (
        "Meeting expected standard: Abbots Langley Primary, Hertfordshire and England, "
        "2021-22 to 2023-24"
    )
    points = [e.get("aria-label") for e in svg.iter() if e.get("aria-roledescription") == "point"]
    school_points = [p for p in points if p.endswith("series: Abbots Langley Primary")]
    assert school_points == ["Academic year: 2023-24; Per cent: 61; series: Abbots Langley Primary"]
    assert "Academic year: 2022-23; Per cent: 60; series: England" in points
    assert not any("Per cent: 0;" in point or "Per cent: 17;" in point for point in points)
    table = html[html.index('id="table-ks2-ptrwm-exp"') :]
    table = table[: table.index("</table>")]
    assert [y for y in re.findall(r'<th scope="row"[^>]*>([\d-]+)</th>', table)] == [
        "2021-22",
        "2022-23",
        "2023-24",
    ]
    assert "61%" in table and "63%" in table and "59%" in table and "17%" not in table
    assert "<strong>SUPP</strong>" in table and "Suppressed: the cohort is small" in table
    assert "No figure" in table  # 2021-22: a gap, not a zero
    assert "99%" not in html  # outside the three years
    # Measures without a chart are still listed.
    assert "Other measures" in html and "Higher standard" in html and "8%" in html


@pytest.mark.django_db
@pytest.mark.parametrize("extra", [0, 15])
def test_school_page_queries_do_not_grow_with_data(
    officer_client,
    inspected,
    with_results,
    herts,
    make_school,
    join,
    partnership,
    django_assert_max_num_queries,
    extra,
):
    school = with_results
    for code in ("absence.PERCTOT", "census.PNUMFSMEVER", "ks2.READPROG")[: extra // 5]:
        measure = Measure.objects.create(
            code=code, dataset=code.split(".")[0], source_column=code.split(".")[1], label=code
        )
        add_result(measure, "2023-24", Level.SCHOOL, Decimal("5"), establishment=school)
    for n in range(extra):
        measure = Measure.objects.create(
            code=f"ks4.M{n}", dataset=Dataset.KS4, source_column=f"M{n}", label=f"Measure {n}"
        )
        add_result(measure, "2023-24", Level.SCHOOL, n, establishment=school)
        add_result(measure, "2023-24", Level.LA, n, la=herts, segment=STATE_FUNDED)
        add_result(measure, "2023-24", Level.ENGLAND, n, segment=STATE_FUNDED)
        inspection = inspect(school, date(2024, 10, 1 + n), framework="eif2024")
        Judgement.objects.create(
            inspection=inspection, area="personal_development", grade="2", grade_rank=2
        )
        linked = make_school(500000 + n, herts)
        EstablishmentLink.objects.create(urn=117001, linked_urn=linked.urn, link_type="Successor")
        join(partnership, linked, joined_on=date.today() - timedelta(days=n))
    # 17 for the school itself, 3 for its LA category and open concern case
    with django_assert_max_num_queries(21):  # 20, and the roles
        html = page_of(officer_client)
    assert html.count("Successor:") == extra
    assert html.count('<dt class="govuk-summary-list__key">Personal development</dt>') == extra
    assert html.count("Measure ") == extra
    assert html.count("<svg ") == 1 + extra // 5


@pytest.mark.django_db
def test_school_outside_scope_is_not_found(client, make_user, school, essex, make_school):
    make_school(881001, essex)
    client.force_login(make_user("head", Role.HEADTEACHER, establishment=school))
    html = page_of(client)
    assert "Hertfordshire" in html and 'href="/la/919/"' not in html  # no LA overview for them
    assert client.get(reverse("schools:detail", args=[881001])).status_code == 404
    assert client.get(reverse("schools:detail", args=[123456789])).status_code == 404
    assert urns_on(client.get(LIST)) == [117001]
