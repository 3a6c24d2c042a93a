"""The Ofsted summary of an LA loaded through the importers matches a count made
independently, with the csv module, from the files themselves.

The files are the demo's Hertfordshire extracts of DfE's 2018-19 tables: the census (each
school's LA, type and pupils) and the KS2 and KS4 tables with each school's latest Ofsted
grade and its date as scraped around 2021 (OFSTEDRATING, INSPECTIONDT).
"""

import csv
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from django.conf import settings

from uplift.imports.services import run_import
from uplift.reports.ofsted_summary import ofsted_summary
from uplift.schools.models import Establishment, LocalAuthority

DEMO = Path(settings.UPLIFT_DEMO_DATA)
CENSUS = DEMO / "dfe_performance_tables_2018-19_census_hertfordshire_919.csv"
KS2 = DEMO / "dfe_performance_tables_2018-19_ks2_subset_with_ofsted_scrape_hertfordshire_919.csv"
KS4 = DEMO / "dfe_performance_tables_2018-19_ks4_subset_with_ofsted_scrape_hertfordshire_919.csv"

# The census's SCHOOLTYPE -> the phase LA reports use (independent schools are not counted).
PHASES = {
    "State-funded primary": "Primary",
    "State-funded secondary": "Secondary (with all-through)",
    "State-funded special school": "Special",
    "Non-maintained special school": "Special",
    "State-funded nursery": "Nursery",
    "Pupil referral unit": "PRU and alternative provision",
}
GRADES = {
    "Outstanding": "Outstanding",
    "Good": "Good",
    "Requires Improvement": "Requires improvement",
    "Requires improvement": "Requires improvement",
    "Satisfactory": "Requires improvement",
    "Inadequate": "Inadequate",
}
SECTION_5_BEGAN = date(2005, 9, 1)  # earlier grades belong to no framework Uplift keeps


def count_from_files(as_at: date) -> Counter:
    """(phase, grade) -> (schools, pupils), straight from the files."""
    with open(CENSUS, encoding="utf-8-sig", newline="") as handle:
        census = {
            row["URN"]: row
            for row in csv.DictReader(handle)
            if row["URN"].isdigit() and row["LA"] == "919" and row["SCHOOLTYPE"] in PHASES
        }
    latest: dict[str, tuple[date, str]] = {}
    for path in (KS2, KS4):
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                if not row["OFSTEDRATING"]:
                    continue
                day = datetime.strptime(row["INSPECTIONDT"], "%Y%m%d").date()
                if SECTION_5_BEGAN <= day <= as_at:
                    current = latest.get(row["URN"])
                    if current is None or day > current[0]:
                        latest[row["URN"]] = (day, GRADES[row["OFSTEDRATING"]])
    schools, pupils = Counter(), Counter()
    for urn, row in census.items():
        key = (
            PHASES[row["SCHOOLTYPE"]],
            latest[urn][1] if urn in latest else "No graded inspection",
        )
        schools[key] += 1
        pupils[key] += int(row["NOR"])
    return schools, pupils


@pytest.fixture
def imported(db):
    run_import(
        importer_name="performance", path=CENSUS, options={"dataset": "census", "year": "2018-19"}
    )
    for path, dataset in ((KS2, "ks2"), (KS4, "ks4")):
        run_import(
            importer_name="performance", path=path, options={"dataset": dataset, "year": "2018-19"}
        )
    return LocalAuthority.objects.get(code="919")


@pytest.mark.parametrize("as_at", [date(2021, 12, 31), date(2016, 8, 31)])
def test_summary_matches_an_independent_count_of_the_files(imported, as_at):
    schools, pupils = count_from_files(as_at)
    summary = ofsted_summary(la=imported, schools=Establishment.objects.all(), as_at=as_at)
    found_schools = {
        (phase.label, row.grade.label): row.schools
        for phase in summary.phases
        for row in phase.rows
        if row.schools
    }
    found_pupils = {
        (phase.label, row.grade.label): row.pupils
        for phase in summary.phases
        for row in phase.rows
        if row.schools
    }
    assert found_schools == dict(schools)
    assert found_pupils == dict(pupils)
    assert summary.total.schools == sum(schools.values()) > 500
    assert summary.left_out == 51  # the census's independent schools
