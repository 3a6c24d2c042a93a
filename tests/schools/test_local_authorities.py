"""Finding or creating LAs by DfE code, and the successions between them."""

from datetime import date

import pytest

from uplift.schools.local_authorities import (
    ensure_local_authorities,
    known_las,
    normalise_code,
)
from uplift.schools.models import LocalAuthority, LocalAuthoritySuccession


@pytest.mark.parametrize(
    "text, code",
    [("919", "919"), ("919.0", "919"), (919, "919"), ("1", "001"), (" 201 ", "201")],
)
def test_codes_are_normalised(text, code):
    assert normalise_code(text) == code


@pytest.mark.parametrize("text", ["", "Herts", "1000", "9.5", "-1", "91900"])
def test_non_codes_are_refused(text):
    assert normalise_code(text) is None


def test_code_list_has_the_las_and_marks_england_and_regions():
    las = known_las()
    assert las["919"]["name"] == "Hertfordshire"
    assert las["970"]["region"] == "NA" and las["985"]["name"] == "East of England"


@pytest.mark.django_db
def test_creates_missing_las_with_names_from_the_code_list_or_the_file():
    las = ensure_local_authorities({"919": None, "874": "City of Peterborough", "999": None})

    herts = las["919"]
    assert (herts.name, herts.region, herts.la_type) == ("Hertfordshire", "East of England", "SC")
    assert las["874"].name == "City of Peterborough"
    assert las["999"].name == "LA 999"
    assert LocalAuthority.objects.count() == 3 and all(la.pk for la in las.values())


@pytest.mark.django_db
def test_existing_las_keep_their_names_and_regions(django_assert_max_num_queries):
    LocalAuthority.objects.create(code="919", name="Herts CC", region="East")

    las = ensure_local_authorities({"919": "Hertfordshire"}, regions={"919": "Elsewhere"})

    assert (las["919"].name, las["919"].region) == ("Herts CC", "East")
    with django_assert_max_num_queries(1):
        ensure_local_authorities({"919": "Hertfordshire"})
    assert LocalAuthority.objects.get(code="919").name == "Herts CC"


@pytest.mark.django_db
def test_file_regions_fill_new_las_and_las_without_one():
    LocalAuthority.objects.create(code="301", name="Barking and Dagenham", region="")

    las = ensure_local_authorities(
        {"301": None, "302": "Barnet", "303": None},
        regions={"301": "London (Outer)", "302": "London (Outer)", "303": ""},
    )

    assert las["301"].region == "London (Outer)"
    assert LocalAuthority.objects.get(code="301").region == "London (Outer)"
    assert las["302"].region == "London (Outer)"
    assert las["303"].region == "Outer London"  # none in the file: the code list's


@pytest.mark.django_db
def test_northamptonshire_is_succeeded_by_north_and_west_northamptonshire():
    ensure_local_authorities({"928": None})
    assert not LocalAuthoritySuccession.objects.exists()  # its successors are not known yet

    ensure_local_authorities({"940": None, "941": None})
    ensure_local_authorities({"928": None, "940": None, "941": None})  # links once only

    northants = LocalAuthority.objects.get(code="928")
    assert northants.name == "Northamptonshire"
    assert sorted(la.code for la in northants.successors.all()) == ["940", "941"]
    assert sorted(la.name for la in northants.successors.all()) == [
        "North Northamptonshire",
        "West Northamptonshire",
    ]
    links = LocalAuthoritySuccession.objects.filter(predecessor=northants)
    assert {link.effective_on for link in links} == {date(2021, 4, 1)}
    assert links.count() == 2
    assert list(LocalAuthority.objects.get(code="940").predecessors.all()) == [northants]
