"""Which schools the LA maintains, from GIAS's and Ofsted's type names."""

from types import SimpleNamespace

import pytest

from uplift.casework.cases.maintained import is_la_maintained, school_type_text


def school(type_name="", type_group=""):
    return SimpleNamespace(type_name=type_name, type_group=type_group)


@pytest.mark.parametrize(
    "type_name, type_group",
    [
        ("Community school", "Local authority maintained schools"),
        ("Foundation school", "Local authority maintained schools"),
        ("Voluntary aided school", "Local authority maintained schools"),
        ("Voluntary controlled school", ""),
        ("Community Special School", ""),  # Ofsted's words
        ("LA Nursery School", ""),
        ("Local authority nursery school", "Local authority maintained schools"),
        ("Pupil referral unit", "Other types"),
    ],
)
def test_maintained_schools(type_name, type_group):
    assert is_la_maintained(school(type_name, type_group))


@pytest.mark.parametrize(
    "type_name, type_group",
    [
        ("Academy converter", "Academies"),
        ("Academy sponsor led", "Academies"),
        ("Free schools", "Free Schools"),
        ("Academy special converter", "Special schools"),
        ("Non-maintained special school", "Special schools"),
        ("Other independent school", "Independent schools"),
        ("", ""),
    ],
)
def test_schools_the_la_does_not_maintain(type_name, type_group):
    assert not is_la_maintained(school(type_name, type_group))


def test_the_type_reads_as_words():
    assert school_type_text(school("Academy converter")) == "an academy converter"
    assert school_type_text(school("")) == "a school of unknown type"
