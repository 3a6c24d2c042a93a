import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from uplift.performance.catalogue import sync_measures
from uplift.performance.models import Result
from uplift.performance.selectors import school_trend
from uplift.schools.models import Establishment, LocalAuthority, PhaseGroup

FILES = Path(__file__).parent / "files"

pytestmark = pytest.mark.django_db


def add(measure, year, level, subject_key, value, segment="", **links):
    """A result: `value` is a number, or a suppression code such as 'SUPP'."""
    coded = isinstance(value, str) and value.isalpha()
    return Result.objects.create(
        measure=measure,
        academic_year=year,
        level=level,
        subject_key=subject_key,
        segment=segment,
        value=None if coded else Decimal(value),
        suppression=value if coded else "",
        **links,
    )


@pytest.fixture
def secondary_school():
    herts = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    other = LocalAuthority.objects.create(code="874", name="Peterborough")
    school = Establishment.objects.create(
        urn=117000, name="Sec", la=herts, phase_group=PhaseGroup.SECONDARY
    )
    measures = sync_measures()
    p8, nor = measures["ks4.P8MEA"], measures["census.NOR"]
    school_p8 = {"2020-21": "0.1", "2021-22": "0.2", "2022-23": "SUPP", "2023-24": "0.4"}
    for year, value in school_p8.items():
        add(p8, year, "school", "urn:117000", value, establishment=school)
        add(p8, year, "la", "la:919", "0.19", "state-funded", la=herts)
        add(p8, year, "la", "la:874", "-0.5", "state-funded", la=other)
        add(p8, year, "england", "england", "-0.03", "state-funded")
        add(p8, year, "england", "england", "-0.9", "all schools")
    add(nor, "2023-24", "school", "urn:117000", 1200, establishment=school)
    add(nor, "2023-24", "la", "la:919", 94974, "SEC", la=herts)
    add(nor, "2023-24", "la", "la:919", 103253, "PRI", la=herts)
    add(nor, "2023-24", "england", "england", 3669933, "SEC")
    return school


def test_last_years_beside_matching_comparators(secondary_school, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        p8, nor = school_trend(
            establishment=secondary_school,
            measure_codes=["ks4.P8MEA", "census.NOR", "no.SUCH"],
            years=3,
        )
    assert [y.academic_year for y in p8.years] == ["2021-22", "2022-23", "2023-24"]
    assert p8.segment == "state-funded"
    assert [y.school.value for y in p8.years] == [Decimal("0.2"), None, Decimal("0.4")]
    assert p8.years[1].school.suppression == "SUPP"
    assert {y.la.value for y in p8.years} == {Decimal("0.19")}
    assert {y.england.value for y in p8.years} == {Decimal("-0.03")}
    assert (nor.segment, nor.years[0].la.value, nor.years[0].england.value) == (
        "SEC",
        94974,
        3669933,
    )


def test_query_count_does_not_grow_with_measures_or_years(
    secondary_school, django_assert_max_num_queries
):
    codes = [m.code for m in sync_measures().values()]
    with django_assert_max_num_queries(3):
        trends = school_trend(establishment=secondary_school, measure_codes=codes, years=10)
    assert len(trends) == len(codes)
    assert len(next(t for t in trends if t.measure.code == "ks4.P8MEA").years) == 4
    assert next(t for t in trends if t.measure.code == "ks2.PTRWM_EXP").years == ()


def test_school_without_la_or_phase_has_england_only():
    school = Establishment.objects.create(urn=117001, name="Unplaced")
    nor = sync_measures()["census.NOR"]
    add(nor, "2023-24", "school", "urn:117001", 50, establishment=school)
    add(nor, "2023-24", "england", "england", 3669933, "SEC")
    (trend,) = school_trend(establishment=school, measure_codes=["census.NOR"])
    assert trend.segment == ""
    assert (trend.years[0].la, trend.years[0].england) == (None, None)


def test_trend_of_an_imported_file():
    call_command(
        "import",
        "performance",
        str(FILES / "ks2_mini.csv"),
        "--dataset",
        "ks2",
        "--year",
        "2023-24",
        stdout=io.StringIO(),
    )
    school = Establishment.objects.get(urn=900001)
    (trend,) = school_trend(establishment=school, measure_codes=["ks2.PTRWM_EXP"])
    assert [
        (y.academic_year, y.school.value, y.la.value, y.england.value) for y in trend.years
    ] == [
        ("2021-22", 45, 58, 59),
        ("2022-23", 48, 61, 60),
        ("2023-24", 51, 63, 61),
    ]
