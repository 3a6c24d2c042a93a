"""The inspection list: filtered by LA, framework, kind and date range, within scope."""

from datetime import date

import pytest

from uplift.inspections.models import Inspection, InspectionKind, InspectionSource


def schools_and_dates(response) -> list[tuple[int, str]]:
    assert response.status_code == 200, response.content
    return [(i["school"]["urn"], i["start_date"]) for i in response.json()["results"]]


@pytest.fixture
def older(world):
    return Inspection.objects.create(
        establishment=world["schools"]["essex_a"],
        framework="2012",
        kind=InspectionKind.GRADED,
        start_date=date(2013, 6, 1),
        overall_grade=3,
        source=InspectionSource.OFSTED_MI,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {},
            [
                (881002, "2023-01-14"),
                (881001, "2023-01-13"),
                (117003, "2023-01-12"),
                (117002, "2023-01-11"),
                (117001, "2023-01-10"),
                (881001, "2013-06-01"),
            ],
        ),
        ({"la": "881"}, [(881002, "2023-01-14"), (881001, "2023-01-13"), (881001, "2013-06-01")]),
        ({"framework": "2012"}, [(881001, "2013-06-01")]),
        ({"kind": "ungraded"}, []),
        (
            {"date_from": "2023-01-12", "date_to": "2023-01-13"},
            [(881001, "2023-01-13"), (117003, "2023-01-12")],
        ),
        ({"date_to": "2020-01-01"}, [(881001, "2013-06-01")]),
    ],
)
def test_filters(api_get, personas, older, params, expected):
    assert schools_and_dates(api_get(personas["dfe.viewer"], "/inspections", params)) == expected


@pytest.mark.django_db
def test_an_la_officer_cannot_see_another_las_inspections_by_filtering(api_get, personas, older):
    assert schools_and_dates(api_get(personas["la.officer"], "/inspections", {"la": "881"})) == []


@pytest.mark.django_db
def test_items_carry_their_framework_and_grade(api_get, personas, older):
    item = api_get(personas["admin"], "/inspections", {"framework": "2012"}).json()["results"][0]
    assert item["framework_name"] and item["overall_grade"] == 3
    assert item["overall_label"] == "Requires improvement"
    assert item["school"] == {"urn": 881001, "name": "Essex Primary"}
