"""Reading inspections back: latest per school and one school's history, in a fixed number of
queries."""

from datetime import date
from pathlib import Path

import pytest

from uplift.imports.services import run_import
from uplift.inspections.selectors import (
    inspection_history,
    latest_graded_inspections,
    latest_ungraded_inspections,
)
from uplift.schools.models import Establishment

FILES = Path(__file__).parent / "files"
REAL = "ofsted_mi_state_funded_latest_2026-05_report_card_examples.csv"


@pytest.fixture
def imported(db):
    for name in (
        "ofsted_mi_eif_2021-08_full_and_section8.csv",
        "ofsted_mi_eif_2024-12_graded_and_ungraded.csv",
    ):
        run_import(importer_name="ofsted", path=FILES / name)
    return {e.urn: e for e in Establishment.objects.all()}


def test_latest_graded_inspection_of_each_school_with_its_judgements(
    imported, django_assert_num_queries
):
    with django_assert_num_queries(2):
        latest = latest_graded_inspections(establishments=Establishment.objects.all())
        areas = {
            school_id: [j.area for j in inspection.judgements.all()]
            for school_id, inspection in latest.items()
        }
    by_urn = {inspection.establishment.urn: inspection for inspection in latest.values()}
    # 990103's only full inspection (2007) is on the 2005 framework.
    assert set(by_urn) == set(imported)
    assert by_urn[990203].start_date == date(2016, 12, 8)  # not its later ungraded visit
    assert by_urn[990201].framework == "eif2024"
    assert areas[imported[990201].pk] == [
        "quality_of_education",
        "behaviour_attitudes",
        "personal_development",
        "leadership_management",
        "early_years",
    ]


def test_latest_inspections_for_a_list_of_schools_or_ids(imported, django_assert_num_queries):
    wanted = [imported[990203], imported[990104].pk]
    with django_assert_num_queries(2):
        ungraded = latest_ungraded_inspections(establishments=wanted)
    assert {i.inspection_number for i in ungraded.values()} == {"10287654", "10112345"}
    assert set(latest_graded_inspections(establishments=[imported[990203]])) == {
        imported[990203].pk
    }


def test_history_is_newest_first_with_judgements(imported, django_assert_num_queries):
    with django_assert_num_queries(2):
        history = [
            (i.start_date, i.kind, len(i.judgements.all()))
            for i in inspection_history(imported[990104])
        ]
    assert history == [
        (date(2019, 11, 20), "ungraded", 0),
        (date(2016, 1, 12), "graded", 3),
        (date(2012, 5, 10), "graded", 3),
    ]


@pytest.mark.django_db
def test_a_report_card_is_the_latest_graded_inspection(raw_file):
    run_import(importer_name="ofsted", path=raw_file(REAL))
    school = Establishment.objects.get(urn=109546)  # OEIF graded in 2021, report card in 2026
    latest = latest_graded_inspections(establishments=[school])[school.pk]
    assert (latest.kind, latest.start_date) == ("report_card", date(2026, 3, 24))
    assert len(inspection_history(school)) == 2
