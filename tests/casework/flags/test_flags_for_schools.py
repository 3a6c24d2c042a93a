"""The flags read from the database: inspections as at the day, ungraded ones ignored,
results for the data-based rule, a bounded number of queries, and the page include."""

from datetime import date
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from uplift.casework.flags import flags_for_schools, school_flags
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource, Judgement
from uplift.performance.models import Dataset, Level, Measure, Result
from uplift.schools.models import Establishment, LocalAuthority


@pytest.fixture
def la(db):
    return LocalAuthority.objects.create(code="919", name="Hertfordshire")


def school(la, urn):
    return Establishment.objects.create(urn=urn, la=la, name=f"School {urn}", status="Open")


def inspect(school, day, grade, kind=InspectionKind.GRADED, framework="eif2019", **areas):
    inspection = Inspection.objects.create(
        establishment=school,
        framework=framework,
        kind=kind,
        start_date=day,
        overall_grade=grade,
        source=InspectionSource.OFSTED_MI,
    )
    for area, code in areas.items():
        rank = int(code) if code.isdigit() else 4
        Judgement.objects.create(inspection=inspection, area=area, grade=code, grade_rank=rank)
    return inspection


def test_a_school_requiring_improvement_twice_is_coasting_and_stuck(la):
    stuck = school(la, 100001)
    inspect(stuck, date(2019, 3, 1), 3)
    inspect(stuck, date(2023, 3, 1), 3)
    coasting, rise = school_flags(establishment=stuck, on=date(2025, 6, 1))
    assert (coasting.code, coasting.raised, coasting.rule) == ("coasting", True, "coasting_2022")
    assert (rise.code, rise.raised, rise.rule) == ("rise_stuck", True, "rise_stuck_2025")


def test_only_inspections_started_by_the_day_count(la):
    later = school(la, 100002)
    inspect(later, date(2019, 3, 1), 3)
    inspect(later, date(2023, 3, 1), 3)
    inspect(later, date(2025, 3, 1), 2)  # good: after it, no longer stuck
    before, after = (
        school_flags(establishment=later, on=day)[1]
        for day in (date(2025, 2, 28), date(2025, 3, 1))
    )
    assert before.raised and not after.raised


def test_an_ungraded_inspection_never_changes_a_grade(la):
    confirmed = school(la, 100003)
    inspect(confirmed, date(2019, 3, 1), 3)
    inspect(confirmed, date(2022, 3, 1), 3)
    inspect(confirmed, date(2024, 3, 1), None, kind=InspectionKind.UNGRADED)
    coasting = school_flags(establishment=confirmed, on=date(2024, 6, 1))[0]
    assert coasting.raised and "1 March 2022" in coasting.reason


def test_before_rise_existed_the_flag_says_so(la):
    old = school(la, 100004)
    inspect(old, date(2019, 3, 1), 3)
    inspect(old, date(2023, 3, 1), 3)
    rise = school_flags(establishment=old, on=date(2024, 1, 1))[1]
    assert not rise.raised and rise.rule == "rise_stuck_not_defined"


def test_the_2017_definition_reads_key_stage_2_results(la):
    primary = school(la, 100005)
    codes = {
        "ks2.PTRWM_EXP": 60,
        "ks2.READPROG": Decimal("-3.1"),
        "ks2.WRITPROG": 0,
        "ks2.MATPROG": 0,
    }
    for code, value in codes.items():
        measure = Measure.objects.create(
            code=code, dataset=Dataset.KS2, source_column=code[4:], label=code
        )
        for year in ("2015-16", "2016-17", "2017-18"):
            Result.objects.create(
                measure=measure,
                academic_year=year,
                level=Level.SCHOOL,
                subject_key=f"urn:{primary.urn}",
                establishment=primary,
                value=value,
            )
    coasting = school_flags(establishment=primary, on=date(2019, 3, 1))[0]
    assert coasting.rule == "coasting_2017" and coasting.raised
    assert "reading progress -3.1" in coasting.reason


def test_queries_do_not_grow_with_the_number_of_schools(la, django_assert_max_num_queries):
    schools = [school(la, 110000 + n) for n in range(12)]
    for n, each in enumerate(schools):
        inspect(each, date(2019, 3, 1), 3)
        inspect(each, date(2023, 3, 1), 2 + n % 2, quality_of_education="3")
    with django_assert_max_num_queries(2):
        one = flags_for_schools(establishment_ids=[schools[0].pk], on=date(2025, 6, 1))
    with django_assert_max_num_queries(2):
        many = flags_for_schools(establishment_ids=[s.pk for s in schools], on=date(2025, 6, 1))
    with django_assert_max_num_queries(3):  # the data-based rule adds its results
        flags_for_schools(establishment_ids=[s.pk for s in schools], on=date(2019, 6, 1))
    assert len(one) == 1 and len(many) == 12
    assert [many[s.pk][0].raised for s in schools[:2]] == [False, True]


def test_the_include_shows_each_flag_with_its_rule(la):
    stuck = school(la, 100006)
    inspect(stuck, date(2019, 3, 1), 3)
    inspect(stuck, date(2023, 3, 1), 3)
    html = render_to_string(
        "casework/includes/flags.html",
        {"flags": school_flags(establishment=stuck, on=date(2025, 6, 1))},
    )
    assert "Coasting school" in html and "RISE &quot;stuck&quot; school" in html
    assert "Raised" in html and "coasting_2022" not in html
    assert "that applies (from 3 February 2025)" in html
    assert "In force from 1 September 2022 to 16 November 2025." in html
