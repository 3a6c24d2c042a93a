"""The school endpoints' content: the list page's filters, details, history and results."""

from datetime import date
from decimal import Decimal

import pytest

from uplift.inspections.models import (
    CategoryOfConcern,
    Inspection,
    InspectionKind,
    InspectionSource,
    Judgement,
)
from uplift.performance.models import Dataset, Level, Measure, Result
from uplift.schools.models import EstablishmentLink


def urns(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [school["urn"] for school in response.json()["results"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, [117001, 117002, 117003, 881002, 881001]),
        ({"q": "primary"}, [117001, 117003, 881001]),
        ({"q": " 117003 "}, [117003]),
        ({"la": "881"}, [881002, 881001]),
        ({"phase_group": "secondary"}, [117002, 881002]),
        ({"status": "Closed"}, [117003]),
        ({"phase_group": "primary", "la": "919", "status": "Open"}, [117001]),
        ({"phase_group": "not-a-phase"}, [117001, 117002, 117003, 881002, 881001]),
        ({"sort": "-urn"}, [881002, 881001, 117003, 117002, 117001]),
        ({"sort": "drop table"}, [117001, 117002, 117003, 881002, 881001]),
    ],
)
def test_list_filters_like_the_school_list_page(api_get, personas, params, expected):
    assert urns(api_get(personas["dfe.viewer"], "/schools", params)) == expected


@pytest.mark.django_db
def test_list_filters_by_type_outcome_trust_and_group(api_get, personas, world, trust, inspect):
    schools = world["schools"]
    schools["essex_b"].type_name = "Academy converter"
    schools["essex_b"].save()
    inspect(schools["herts_c"], start_date=date(2024, 2, 1), grade=4)  # now inadequate
    viewer = personas["dfe.viewer"]

    def listed(**params):
        return urns(api_get(viewer, "/schools", params))

    assert listed(type="Academy converter") == [881002]
    assert listed(outcome="4") == [117003]
    assert listed(outcome="2", la="919") == [117001, 117002]
    assert listed(outcome="none") == []
    assert listed(trust=str(trust.pk)) == [117001]
    assert listed(group=str(world["partnership"].pk)) == [117001, 881001]
    assert listed(trust="not-an-id") == listed()  # ignored, as on the page


@pytest.mark.django_db
def test_filters_never_widen_the_scope(api_get, personas):
    assert urns(api_get(personas["la.officer"], "/schools", {"la": "881"})) == []
    assert urns(api_get(personas["headteacher"], "/schools", {"q": "881001"})) == []


@pytest.mark.django_db
def test_list_items_carry_la_trust_and_latest_graded_inspection(api_get, personas):
    first = api_get(personas["admin"], "/schools", {"q": "117001"}).json()["results"][0]
    assert first["la"] == {"code": "919", "name": "Hertfordshire"}
    assert first["trust"]["name"] == "Herts Trust"
    assert first["latest_inspection"] == {
        "framework": "eif2019",
        "kind": "graded",
        "start_date": "2023-01-10",
        "grade_summary": "Good",
        "category_of_concern": "",
    }


@pytest.fixture
def report_card(world):
    school = world["schools"]["herts_a"]
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
    Inspection.objects.create(
        establishment=school,
        framework="eif2024",
        kind=InspectionKind.UNGRADED,
        start_date=date(2024, 11, 5),
        outcome="School remains Good",
        source=InspectionSource.OFSTED_MI,
    )
    return card


@pytest.mark.django_db
def test_detail_has_details_groups_links_and_latest_inspections(
    api_get, personas, world, report_card
):
    EstablishmentLink.objects.create(urn=117001, linked_urn=881001, link_type="Successor")
    EstablishmentLink.objects.create(urn=117001, linked_urn=117003, link_type="Predecessor")
    school = api_get(personas["la.officer"], "/schools/117001").json()
    assert school["name"] == "Abbots Langley Primary" and school["la"]["code"] == "919"
    assert school["trust"]["kind"] == "trust"
    assert [(m["group"]["name"], m["current"]) for m in school["memberships"]] == [
        ("Border Schools", True)
    ]
    assert {(link["urn"], link["in_scope"]) for link in school["links"]} == {
        (881001, False),  # Essex: outside the officer's scope, so not openable
        (117003, True),
    }
    graded = school["latest_graded_inspection"]
    assert graded["framework"] == "rc2025" and graded["overall_grade"] is None
    assert graded["category_of_concern"] == "special_measures"
    assert graded["grade_summary"] == "Inclusion: Strong standard; Achievement: Urgent improvement"
    assert school["latest_ungraded_inspection"]["outcome"] == "School remains Good"


@pytest.mark.django_db
def test_inspection_history_spans_frameworks_newest_first(api_get, personas, report_card):
    body = api_get(personas["headteacher"], "/schools/117001/inspections")
    assert body.status_code == 404  # not the headteacher's school
    history = api_get(personas["board.member"], "/schools/117001/inspections").json()
    assert history["count"] == 3
    assert [i["framework"] for i in history["results"]] == ["rc2025", "eif2024", "eif2019"]
    card, ungraded, graded = history["results"]
    assert [(j["area_label"], j["grade_label"]) for j in card["judgements"]] == [
        ("Inclusion", "Strong standard"),
        ("Achievement", "Urgent improvement"),
    ]
    assert ungraded["kind"] == "ungraded" and ungraded["judgements"] == []
    assert graded["overall_label"] == "Good" and graded["judgements"][0]["grade"] == "2"


@pytest.fixture
def results(world, herts):
    school = world["schools"]["herts_head"]
    ks4 = Measure.objects.create(
        code="ks4.ATT8SCR", dataset=Dataset.KS4, source_column="ATT8SCR", label="Attainment 8"
    )
    census = Measure.objects.create(
        code="census.PNUMFSM", dataset=Dataset.CENSUS, source_column="PNUMFSM", label="FSM %"
    )
    school_row = {"level": Level.SCHOOL, "subject_key": "urn:117002", "establishment": school}
    Result.objects.create(measure=ks4, academic_year="2023-24", value=Decimal("47.5"), **school_row)
    Result.objects.create(measure=ks4, academic_year="2022-23", suppression="SUPP", **school_row)
    for year, la_value, england_value in [("2023-24", "46.1", "45.9"), ("2022-23", "45", "44")]:
        compared = {"measure": ks4, "academic_year": year, "segment": "state-funded"}
        Result.objects.create(
            **compared, level=Level.LA, subject_key="la:919", la=herts, value=Decimal(la_value)
        )
        Result.objects.create(
            **compared, level=Level.ENGLAND, subject_key="england", value=Decimal(england_value)
        )
    Result.objects.create(measure=census, academic_year="2023-24", value=Decimal("9"), **school_row)
    return school


@pytest.mark.django_db
def test_performance_gives_values_suppression_and_comparators(api_get, personas, results):
    body = api_get(personas["chair"], "/schools/117002/performance").json()
    assert [m["code"] for m in body["results"]] == ["census.PNUMFSM", "ks4.ATT8SCR"]
    ks4 = body["results"][1]
    assert ks4["comparator_segment"] == "state-funded"
    older, newer = ks4["years"]
    assert older["academic_year"] == "2022-23"
    assert older["school"] == {
        "value": None,
        "suppression": "SUPP",
        "suppression_meaning": "Suppressed: the cohort is small enough to identify pupils",
    }
    assert older["la"]["value"] == 45 and older["england"]["value"] == 44
    assert newer["school"]["value"] == 47.5 and newer["school"]["suppression"] == ""
    assert newer["la"]["value"] == 46.1 and newer["england"]["value"] == 45.9
    census = body["results"][0]
    assert census["years"][0]["la"] is None  # no comparator loaded for it


@pytest.mark.django_db
def test_performance_filters_by_dataset(api_get, personas, results):
    only_ks4 = api_get(personas["chair"], "/schools/117002/performance", {"dataset": "ks4"})
    assert [m["code"] for m in only_ks4.json()["results"]] == ["ks4.ATT8SCR"]
    bad = api_get(personas["chair"], "/schools/117002/performance", {"dataset": "ks9"})
    assert bad.status_code == 422


@pytest.mark.django_db
def test_performance_gives_the_most_recent_years_asked_for(api_get, personas, results):
    body = api_get(personas["chair"], "/schools/117002/performance", {"years": 1}).json()
    ks4 = next(m for m in body["results"] if m["code"] == "ks4.ATT8SCR")
    assert [year["academic_year"] for year in ks4["years"]] == ["2023-24"]
