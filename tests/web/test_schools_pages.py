"""The school list (search, filters, sort, pages) and a school's page."""

from datetime import date
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
from uplift.schools.models import EstablishmentLink, PhaseGroup

LIST = reverse("schools:list")


def urns_on(response) -> list[int]:
    return [school.urn for school in response.context["page"].object_list]


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
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "primary"}, [117001, 117004]),
        ({"q": "117003"}, [117003]),
        ({"q": "  CROXLEY "}, [117004]),
        ({"phase_group": "secondary"}, [117002]),
        ({"status": "Closed"}, [117004]),
        ({"phase_group": "primary", "status": "Open"}, [117001]),
        ({"phase_group": "not-a-phase"}, [117001, 117002, 117003, 117004]),
        ({"sort": "-name"}, [117004, 117003, 117002, 117001]),
        ({"sort": "urn"}, [117001, 117002, 117003, 117004]),
        ({"sort": "pupils"}, [117004, 117001, 117002, 117003]),
        ({"sort": "-pupils"}, [117002, 117001, 117004, 117003]),
        ({"sort": "drop table"}, [117001, 117002, 117003, 117004]),
    ],
)
def test_search_filter_and_sort(officer_client, herts_schools, query, expected):
    assert urns_on(officer_client.get(LIST, query)) == expected


@pytest.mark.django_db
def test_sort_links_keep_filters_and_toggle_direction(officer_client, herts_schools):
    html = officer_client.get(LIST, {"q": "primary", "sort": "name", "page": "1"}).content.decode()
    assert 'href="?q=primary&amp;sort=-name"' in html  # sorted by name: next click reverses
    assert 'href="?q=primary&amp;sort=urn"' in html
    assert 'aria-sort="ascending"' in html


@pytest.mark.django_db
def test_several_las_get_an_la_filter(client, make_user, herts, essex, make_school):
    make_school(117001, herts)
    make_school(881001, essex)
    client.force_login(make_user("viewer", Role.REGIONAL_VIEWER))
    response = client.get(LIST)
    assert urns_on(response) == [117001, 881001]
    assert 'name="la"' in response.content.decode()
    assert urns_on(client.get(LIST, {"la": "881"})) == [881001]


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


@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 60])
def test_list_queries_do_not_grow_with_schools(
    officer_client, herts, make_school, django_assert_max_num_queries, count
):
    for n in range(count):
        school = make_school(400000 + n, herts)
        inspection = Inspection.objects.create(
            establishment=school,
            framework="eif2019",
            kind=InspectionKind.GRADED,
            start_date=date(2021, 1, 1 + n % 28),
            overall_grade=1 + n % 4,
            source=InspectionSource.OFSTED_MI,
        )
        Judgement.objects.create(
            inspection=inspection,
            area="quality_of_education",
            grade=str(1 + n % 4),
            grade_rank=1 + n % 4,
        )
    with django_assert_max_num_queries(9):
        response = officer_client.get(LIST)
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
        Inspection.objects.create(
            establishment=school,
            framework="eif2019",
            kind=kind,
            start_date=day,
            overall_grade=grade,
            category_of_concern="special_measures" if grade == 4 else "",
            source=InspectionSource.OFSTED_MI,
        )
    rows = officer_client.get(LIST).content.decode().split('<tr class="govuk-table__row">')
    assert "Inadequate, special measures" in rows[2] and "Jun 2023" in rows[2]
    assert "None" in rows[3]


# The school page


@pytest.fixture
def school(herts, make_school, partnership, join):
    school = make_school(117001, herts, "Abbots Langley Primary")
    join(partnership, school, joined_on=date(2020, 9, 1))
    return school


@pytest.fixture
def inspected(school):
    graded = Inspection.objects.create(
        establishment=school,
        framework="eif2019",
        kind=InspectionKind.GRADED,
        start_date=date(2022, 3, 2),
        overall_grade=3,
        outcome="Requires improvement",
        source=InspectionSource.OFSTED_MI,
    )
    Judgement.objects.create(
        inspection=graded, area="quality_of_education", grade="3", grade_rank=3
    )
    card = Inspection.objects.create(
        establishment=school,
        framework="rc2025",
        kind=InspectionKind.REPORT_CARD,
        start_date=date(2026, 1, 20),
        source=InspectionSource.OFSTED_MI,
        category_of_concern=CategoryOfConcern.SPECIAL_MEASURES,
    )
    Judgement.objects.create(inspection=card, area="inclusion", grade="strong", grade_rank=2)
    Judgement.objects.create(
        inspection=card, area="achievement", grade="urgent_improvement", grade_rank=5
    )
    return school


@pytest.fixture
def with_results(school, herts):
    ks2 = Measure.objects.create(
        code="ks2.PTRWM_EXP",
        dataset=Dataset.KS2,
        source_column="PTRWM_EXP",
        label="Meeting expected standard",
        unit=Unit.PERCENT,
        decimal_places=0,
    )
    kept = {"measure": ks2, "academic_year": "2023-24"}
    Result.objects.create(
        **kept,
        level=Level.SCHOOL,
        subject_key="urn:117001",
        establishment=school,
        value=Decimal("61"),
    )
    compared = {**kept, "segment": STATE_FUNDED}
    Result.objects.create(
        **compared, level=Level.LA, subject_key="la:919", la=herts, value=Decimal("63")
    )
    Result.objects.create(
        **compared, level=Level.ENGLAND, subject_key="england", value=Decimal("59")
    )
    Result.objects.create(  # another segment's figure, not the one to compare with
        **kept, segment=ALL_SCHOOLS, level=Level.ENGLAND, subject_key="england", value=Decimal("17")
    )
    Result.objects.create(
        measure=ks2,
        academic_year="2018-19",
        level=Level.SCHOOL,
        subject_key="urn:117001",
        establishment=school,
        suppression="SUPP",
    )
    return school


@pytest.mark.django_db
def test_school_page_shows_details_inspections_and_performance(
    officer_client, inspected, with_results, make_school, herts
):
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
    response = officer_client.get(reverse("schools:detail", args=[117001]))
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Abbots Langley Primary",
        "9197001",
        "Hertfordshire",
        "Community school",
        "4 to 11",
        "12.5%",
        "North Herts (partnership), from 1 September 2020",
    ]:
        assert text in html
    assert '<a class="govuk-link" href="/schools/100500/">Old Abbots School (100500)</a>' in html
    assert "Elsewhere (999999)" in html and 'href="/schools/999999/"' not in html
    assert "Overall effectiveness: Requires improvement" in html
    assert "Inclusion: Strong standard" in html and "Achievement: Urgent improvement" in html
    assert "Special measures" in html and "Report card framework" in html
    assert html.index("20 Jan 2026") < html.index("2 Mar 2022")  # newest first
    assert "Meeting expected standard" in html
    assert "61%" in html and "63%" in html and "59%" in html and "17%" not in html
    assert "<strong>SUPP</strong>" in html and "Suppressed: the cohort is small" in html


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
    for n in range(extra):
        measure = Measure.objects.create(
            code=f"ks4.M{n}", dataset=Dataset.KS4, source_column=f"M{n}", label=f"Measure {n}"
        )
        for level, key, values in [
            (Level.SCHOOL, "urn:117001", {"establishment": school}),
            (Level.LA, "la:919", {"la": herts, "segment": STATE_FUNDED}),
            (Level.ENGLAND, "england", {"segment": STATE_FUNDED}),
        ]:
            Result.objects.create(
                measure=measure,
                academic_year="2023-24",
                level=level,
                subject_key=key,
                value=n,
                **values,
            )
        inspection = Inspection.objects.create(
            establishment=school,
            framework="eif2024",
            kind=InspectionKind.GRADED,
            start_date=date(2024, 10, 1 + n),
            source=InspectionSource.OFSTED_MI,
        )
        Judgement.objects.create(
            inspection=inspection, area="personal_development", grade="2", grade_rank=2
        )
        linked = make_school(500000 + n, herts)
        EstablishmentLink.objects.create(urn=117001, linked_urn=linked.urn, link_type="Successor")
        join(partnership, linked)
    with django_assert_max_num_queries(13):
        response = officer_client.get(reverse("schools:detail", args=[117001]))
    html = response.content.decode()
    assert html.count("Successor:") == extra
    assert html.count("Personal development: Good") == extra
    assert html.count("Measure ") == extra


@pytest.mark.django_db
def test_school_outside_scope_is_not_found(client, make_user, school, essex, make_school):
    make_school(881001, essex)
    client.force_login(make_user("head", Role.HEADTEACHER, establishment=school))
    assert client.get(reverse("schools:detail", args=[117001])).status_code == 200
    assert client.get(reverse("schools:detail", args=[881001])).status_code == 404
    assert client.get(reverse("schools:detail", args=[123456789])).status_code == 404
    assert urns_on(client.get(LIST)) == [117001]
