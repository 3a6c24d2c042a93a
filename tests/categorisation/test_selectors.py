"""Gathering evidence for many schools in a fixed number of queries, as at a date."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from tests.categorisation.conftest import ROUND_DAY
from uplift.categorisation.models import OfficerJudgement
from uplift.categorisation.selectors import categorise_la, gather_evidence, last_completed_year
from uplift.inspections.models import InspectionKind
from uplift.schools.models import Establishment, PhaseGroup


def at(day: date, hour=12):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


@pytest.fixture
def school_with_history(herts, make_school, inspect, add_result, users):
    users["officer"].first_name, users["officer"].last_name = "Olivia", "Hart"
    users["officer"].save()
    school = make_school(117001, herts, name="Abbots Langley Primary")
    inspect(school, date(2016, 3, 1), framework="cif2015", grade=1)
    inspect(school, date(2022, 5, 10), grade=3, areas={"leadership_management": "3"})
    inspect(school, date(2023, 6, 1), kind=InspectionKind.UNGRADED, grade=None)
    inspect(
        school,
        date(2026, 7, 1),
        framework="rc2025",
        published=date(2026, 9, 20),
        areas={"inclusion": "strong"},
    )  # published after the round's date
    inspect(
        school,
        date(2026, 10, 1),
        grade=None,
        framework="rc2025",
        areas={"inclusion": "exceptional"},
    )
    add_result(school, "ks2.PTRWM_EXP", "2023-24", 58)
    add_result(school, "ks2.PTRWM_EXP", "2022-23", None)
    add_result(school, "ks2.PTRWM_EXP", "2026-27", 99)  # not finished on the round's date
    for day, value in [
        (date(2026, 5, 1), "secure"),
        (date(2026, 8, 1), "concern"),
        (date(2026, 10, 1), "strength"),
    ]:
        OfficerJudgement.objects.create(
            establishment=school,
            criterion="self_evaluation",
            value=value,
            evidence=f"visit on {day}",
            recorded_by=users["officer"],
            recorded_at=at(day),
            judged_on=day,
        )
    return school


def test_the_evidence_is_what_was_known_on_the_day(school_with_history, active_policy):
    [(school, evidence)] = gather_evidence(
        establishments=Establishment.objects.all(),
        policy_versions=[active_policy],
        as_at=ROUND_DAY,
    )
    assert school == school_with_history
    assert (evidence.inspection.framework, evidence.inspection.overall_grade) == ("eif2019", 3)
    assert evidence.inspection.areas == {"leadership_management": "3"}
    assert evidence.inspection.source.label == (
        "Ofsted inspection 117001220510 of 10 May 2022 (Education inspection framework)"
    )
    reading = evidence.results["ks2.PTRWM_EXP"]
    assert [(r.academic_year, r.value, r.suppression) for r in reading] == [
        ("2023-24", 58, ""),
        ("2022-23", None, "SUPP"),
    ]
    source = reading[0].source.as_json()
    assert reading[0].source.label == "DfE performance tables 2023/24, key stage 2"
    assert (source["file"], source["import_run"]) == ("ks2_2023-24.csv", str(source["import_run"]))
    judgement = evidence.judgements["self_evaluation"]
    assert (judgement.value, judgement.evidence, judgement.recorded_by) == (
        "concern",
        "visit on 2026-08-01",
        "Olivia Hart",
    )


def test_a_report_card_counts_from_its_publication(school_with_history, active_policy):
    [(_, evidence)] = gather_evidence(
        establishments=Establishment.objects.all(),
        policy_versions=[active_policy],
        as_at=date(2026, 9, 30),
    )
    assert (evidence.inspection.framework, evidence.inspection.areas) == (
        "rc2025",
        {"inclusion": "strong"},
    )


def test_the_same_number_of_queries_for_3_or_30_schools(
    herts, make_school, inspect, add_result, active_policy, users, django_assert_max_num_queries
):
    def build(first, count):
        for urn in range(first, first + count):
            school = make_school(urn, herts)
            inspect(school, date(2019, 1, 1), framework="cif2015", grade=2)
            inspect(
                school, date(2025, 1, 1), framework="eif2024", areas={"quality_of_education": "2"}
            )
            add_result(school, "ks2.PTRWM_EXP", "2023-24", 70)
            OfficerJudgement.objects.create(
                establishment=school,
                criterion="capacity_to_improve",
                value="secure",
                evidence="visit",
                recorded_by=users["officer"],
                recorded_at=at(date(2026, 6, 1)),
                judged_on=date(2026, 6, 1),
            )

    build(200000, 3)
    with django_assert_max_num_queries(6):
        small = gather_evidence(
            establishments=Establishment.objects.order_by("urn"),
            policy_versions=[active_policy],
            as_at=ROUND_DAY,
        )
    build(300000, 27)
    with django_assert_max_num_queries(6):
        large = gather_evidence(
            establishments=Establishment.objects.order_by("urn"),
            policy_versions=[active_policy],
            as_at=ROUND_DAY,
        )
    assert (len(small), len(large)) == (3, 30)
    assert all(e.inspection.framework == "eif2024" and e.judgements for _, e in large)


def test_every_open_school_of_the_la_exactly_once(herts, essex, make_school, active_policy):
    make_school(1, herts, name="Open")
    make_school(2, herts, name="No status", status="")
    make_school(3, herts, name="Closed", status="Closed")
    make_school(4, herts, name="Closing later", status="Closed", close_date=date(2026, 12, 31))
    make_school(5, herts, name="Closed before", close_date=date(2026, 8, 31))
    make_school(6, herts, name="Opens later", open_date=date(2027, 1, 1))
    make_school(7, herts, name="Special", phase=PhaseGroup.SPECIAL)
    make_school(8, essex, name="Elsewhere")
    outcomes = categorise_la(la=herts, policy_version=active_policy, as_at=ROUND_DAY)
    assert [school.name for school, _ in outcomes] == [
        "Closing later",
        "No status",
        "Open",
        "Special",
    ]
    # never inspected and no data: not enough evidence for the policy, an officer decides
    assert {outcome.category for _, outcome in outcomes} == {""}


@pytest.mark.parametrize(
    ("day", "year"),
    [(date(2026, 9, 1), "2025-26"), (date(2026, 8, 31), "2024-25"), (date(2027, 1, 1), "2025-26")],
)
def test_last_completed_year(day, year):
    assert last_completed_year(day) == year
