"""phase_group: GIAS, DfE performance-table and Ofsted MI words to the reporting phase."""

import pytest

from uplift.schools.models import PhaseGroup
from uplift.schools.phases import normalise, phase_group

P = PhaseGroup

# (type_name, type_group, phase) -> phase group
GIAS = [
    ("Community school", "Local authority maintained schools", "Primary", P.PRIMARY),
    ("Academy converter", "Academies", "Middle deemed primary", P.PRIMARY),
    ("Academy converter", "Academies", "Middle deemed secondary", P.SECONDARY),
    ("Academy sponsor led", "Academies", "Secondary", P.SECONDARY),
    ("Free schools", "Free Schools", "All-through", P.ALL_THROUGH),
    ("Academy 16-19 converter", "Academies", "16 plus", P.SIXTEEN_PLUS),
    ("Further education", "Colleges", "Not applicable", P.SIXTEEN_PLUS),
    ("Sixth form centres", "Colleges", "Not applicable", P.SIXTEEN_PLUS),
    ("Local authority nursery school", "Local authority maintained schools", "Nursery", P.NURSERY),
    ("Local authority nursery school", "", "Not applicable", P.NURSERY),
    ("Community special school", "Special schools", "Not applicable", P.SPECIAL),
    ("Foundation special school", "Special schools", "Not applicable", P.SPECIAL),
    ("Academy special converter", "Special schools", "Secondary", P.SPECIAL),
    ("Academy special sponsor led", "Special schools", "Primary", P.SPECIAL),
    ("Non-maintained special school", "Special schools", "Not applicable", P.SPECIAL),
    ("Free schools special", "Free Schools", "All-through", P.SPECIAL),
    ("Other independent special school", "Independent schools", "Not applicable", P.SPECIAL),
    ("Pupil referral unit", "Local authority maintained schools", "Not applicable", P.PRU_AP),
    ("Academy alternative provision converter", "Academies", "Secondary", P.PRU_AP),
    ("Academy alternative provision sponsor led", "Academies", "Not applicable", P.PRU_AP),
    ("Free schools alternative provision", "Free Schools", "Secondary", P.PRU_AP),
    ("Other independent school", "Independent schools", "Not applicable", P.OTHER),
    ("Other independent school", "Independent schools", "Primary", P.PRIMARY),
    ("Higher education institutions", "Universities", "Not applicable", P.OTHER),
    ("Secure units", "Other types", "Not applicable", P.OTHER),
]
# DfE performance tables' SCHOOLTYPE, passed as the type.
PERFORMANCE_TABLES = [
    ("State-funded primary", "", "", P.PRIMARY),
    ("State-funded secondary", "", "", P.SECONDARY),
    ("State-funded special school", "", "", P.SPECIAL),
    ("Special school", "", "", P.SPECIAL),
    ("Non-maintained special school", "", "", P.SPECIAL),
    ("State-funded AP school", "", "", P.PRU_AP),
    ("Pupil referral unit", "", "", P.PRU_AP),
    ("State-funded nursery", "", "", P.NURSERY),
    ("Independent school", "", "", P.OTHER),
]
# Ofsted MI: 'Type of education' as the type and 'Ofsted phase' as the phase.
OFSTED = [
    ("", "", "Primary", P.PRIMARY),
    ("", "", "Secondary", P.SECONDARY),
    ("", "", "Special", P.SPECIAL),
    ("", "", "Nursery", P.NURSERY),
    ("", "", "PRU", P.PRU_AP),
    ("", "", "Alternative provision", P.PRU_AP),
    ("", "", "All-through", P.ALL_THROUGH),
    ("Academy converter", "", "Secondary", P.SECONDARY),
    ("Community special", "", "Special", P.SPECIAL),
]
ODD_SPELLINGS = [
    ("COMMUNITY SPECIAL SCHOOL", "", "", P.SPECIAL),
    ("", "", "  middle-deemed   primary ", P.PRIMARY),
    ("", "", "All through", P.ALL_THROUGH),
    ("", "", "All\u2013through", P.ALL_THROUGH),
    ("Academy 16 to 19 sponsor led", "", "", P.SIXTEEN_PLUS),
    (None, None, None, P.OTHER),
    ("", "", "", P.OTHER),
    ("", "", "Not applicable", P.OTHER),
]


@pytest.mark.parametrize(
    "type_name,type_group,phase,expected", GIAS + PERFORMANCE_TABLES + OFSTED + ODD_SPELLINGS
)
def test_phase_group(type_name, type_group, phase, expected):
    assert phase_group(type_name=type_name, type_group=type_group, phase=phase) == expected


def test_arguments_may_be_left_out():
    assert phase_group(phase="Secondary") == P.SECONDARY
    assert phase_group(type_name="State-funded primary") == P.PRIMARY


def test_normalise():
    assert normalise(" Middle-deemed  Primary ") == "middle deemed primary"
    assert normalise(None) == ""
