"""The Ofsted summary against tables worked out by hand from a small fixture, the "as at"
rules one by one, and its query count."""

from datetime import date
from decimal import Decimal

import pytest

from uplift.inspections.models import InspectionKind
from uplift.reports.ofsted_summary import ofsted_summary
from uplift.reports.tables import ofsted_summary_rows
from uplift.schools.models import Establishment, PhaseGroup

AS_AT = date(2026, 5, 31)
PAST = date(2025, 6, 1)
UNGRADED, REPORT_CARD = InspectionKind.UNGRADED, InspectionKind.REPORT_CARD
SECONDARY, SPECIAL = PhaseGroup.SECONDARY, PhaseGroup.SPECIAL
RC_AREAS = {
    "inclusion": "strong",
    "curriculum_teaching": "expected",
    "achievement": "expected",
    "attendance_behaviour": "strong",
    "personal_development_wellbeing": "strong",
    "leadership_governance": "needs_attention",
}


@pytest.fixture
def fixture_la(herts, essex, make_school, inspect):
    """Hertfordshire's schools. What each contributes on AS_AT (and on PAST):

    P1 primary 200 pupils: Good 2019; a later ungraded inspection         -> Good (Good)
    P2 primary 300: Outstanding 2013                                      -> Outstanding
    P3 primary 250: RI 2022; report card started 20/05/2026, published 20/06 -> RI (RI)
    P4 primary 150: only a report card, published 01/03/2026              -> no overall (none)
    P5 primary 100: Inadequate 2020, closed 31/12/2025                    -> left out (Inadequate)
    P6 primary, pupils unknown: never inspected                           -> none (none)
    P7 primary 120: only an ungraded "School remains Good"                -> Good (Good)
    P8 primary 90: proposed to open 01/09/2026                            -> left out
    S1 secondary 1000: Inadequate 2023                                    -> Inadequate
    S2 all-through 1500: Good 2017                                        -> Good
    S3 secondary 900: 2024-25 graded, no overall grade, published 15/04/2025 -> no overall
    SP1 special 80: Outstanding 2019                                      -> Outstanding
    Not counted: an independent school, a 16 to 19 provider, an Essex school.
    """
    p1 = make_school(1001, herts, 200)
    inspect(p1, date(2019, 10, 1), grade=2, published=date(2019, 11, 10))
    inspect(
        p1,
        date(2024, 10, 1),
        kind=UNGRADED,
        framework="eif2024",
        published=date(2024, 11, 1),
        outcome="Some aspects not as strong",
    )
    inspect(make_school(1002, herts, 300), date(2013, 3, 1), grade=1, framework="2012")
    p3 = make_school(1003, herts, 250)
    inspect(p3, date(2022, 1, 10), grade=3)
    inspect(
        p3,
        date(2026, 5, 20),
        kind=REPORT_CARD,
        framework="rc2025",
        published=date(2026, 6, 20),
        areas=RC_AREAS,
    )
    p4 = make_school(1004, herts, 150)
    inspect(
        p4,
        date(2026, 1, 15),
        kind=REPORT_CARD,
        framework="rc2025",
        published=date(2026, 3, 1),
        areas=RC_AREAS,
        safeguarding="met",
    )
    p5 = make_school(1005, herts, 100, status="Closed", close_date=date(2025, 12, 31))
    inspect(p5, date(2020, 2, 3), grade=4)
    make_school(1006, herts, None)
    p7 = make_school(1007, herts, 120)
    inspect(p7, date(2021, 11, 1), kind=UNGRADED, outcome="School remains Good")
    make_school(1008, herts, 90, status="Proposed to open", open_date=date(2026, 9, 1))
    inspect(make_school(2001, herts, 1000, phase_group=SECONDARY), date(2023, 2, 1), grade=4)
    all_through = make_school(2002, herts, 1500, phase_group=PhaseGroup.ALL_THROUGH)
    inspect(all_through, date(2017, 5, 1), grade=2, framework="cif2015")
    s3 = make_school(2003, herts, 900, phase_group=SECONDARY)
    inspect(
        s3,
        date(2025, 3, 1),
        framework="eif2024",
        published=date(2025, 4, 15),
        areas={
            "quality_of_education": "2",
            "behaviour_attitudes": "1",
            "leadership_management": "2",
        },
    )
    special = make_school(3001, herts, 80, phase_group=SPECIAL)
    inspect(special, date(2019, 6, 1), grade=1, framework="cif2015")
    independent = make_school(
        4001,
        herts,
        400,
        type_name="Other independent school",
        type_group="Independent schools",
    )
    inspect(independent, date(2019, 1, 1), grade=2)
    make_school(4002, herts, 700, phase_group=PhaseGroup.SIXTEEN_PLUS)
    inspect(make_school(8001, essex, 500), date(2020, 1, 1), grade=2)
    return herts


# Worked out by hand from the fixture's docstring (percentages to one place, halves up).
# Primary: 6 schools, 1,020 pupils; secondary: 3 schools, 3,400; special: 1, 80;
# all phases: 10 schools, 4,500 pupils.
EXPECTED_AS_AT = """
phase,grade,schools,schools_pct,pupils,pupils_pct
Primary,Outstanding,1,16.7,300,29.4
Primary,Good,2,33.3,320,31.4
Primary,Requires improvement,1,16.7,250,24.5
Primary,Inadequate,0,0.0,0,0.0
Primary,No overall grade,1,16.7,150,14.7
Primary,No graded inspection,1,16.7,0,0.0
Secondary (with all-through),Outstanding,0,0.0,0,0.0
Secondary (with all-through),Good,1,33.3,1500,44.1
Secondary (with all-through),Requires improvement,0,0.0,0,0.0
Secondary (with all-through),Inadequate,1,33.3,1000,29.4
Secondary (with all-through),No overall grade,1,33.3,900,26.5
Secondary (with all-through),No graded inspection,0,0.0,0,0.0
Special,Outstanding,1,100.0,80,100.0
Special,Good,0,0.0,0,0.0
Special,Requires improvement,0,0.0,0,0.0
Special,Inadequate,0,0.0,0,0.0
Special,No overall grade,0,0.0,0,0.0
Special,No graded inspection,0,0.0,0,0.0
Nursery,Outstanding,0,,0,
Nursery,Good,0,,0,
Nursery,Requires improvement,0,,0,
Nursery,Inadequate,0,,0,
Nursery,No overall grade,0,,0,
Nursery,No graded inspection,0,,0,
PRU and alternative provision,Outstanding,0,,0,
PRU and alternative provision,Good,0,,0,
PRU and alternative provision,Requires improvement,0,,0,
PRU and alternative provision,Inadequate,0,,0,
PRU and alternative provision,No overall grade,0,,0,
PRU and alternative provision,No graded inspection,0,,0,
All phases,Outstanding,2,20.0,380,8.4
All phases,Good,3,30.0,1820,40.4
All phases,Requires improvement,1,10.0,250,5.6
All phases,Inadequate,1,10.0,1000,22.2
All phases,No overall grade,2,20.0,1050,23.3
All phases,No graded inspection,1,10.0,0,0.0
"""

# On PAST: P5 is open (Inadequate, 100 pupils), P4's report card is not yet published
# (no graded inspection), S3's 2024-25 inspection is. Primary: 7 schools, 1,120 pupils.
EXPECTED_PAST_PRIMARY = """
Primary,Outstanding,1,14.3,300,26.8
Primary,Good,2,28.6,320,28.6
Primary,Requires improvement,1,14.3,250,22.3
Primary,Inadequate,1,14.3,100,8.9
Primary,No overall grade,0,0.0,0,0.0
Primary,No graded inspection,2,28.6,150,13.4
"""


def _table(text: str) -> list[tuple[str, ...]]:
    return [tuple(line.split(",")) for line in text.strip().splitlines()]


def test_summary_matches_the_table_worked_out_by_hand(fixture_la):
    summary = ofsted_summary(la=fixture_la, schools=Establishment.objects.all(), as_at=AS_AT)
    assert [("phase", "grade", "schools", "schools_pct", "pupils", "pupils_pct")] + (
        ofsted_summary_rows(summary)
    ) == _table(EXPECTED_AS_AT)
    primary, secondary = summary.phases[0], summary.phases[1]
    assert (primary.schools, primary.pupils, primary.without_pupils) == (6, 1020, 1)
    # Good or better is a share of the schools with an overall grade: 3 of 4; 620 of 870.
    assert primary.good_or_better_schools_pct == Decimal("75.0")
    assert primary.good_or_better_pupils_pct == Decimal("71.3")
    assert (secondary.good_or_better_schools_pct, secondary.good_or_better_pupils_pct) == (
        Decimal("50.0"),
        Decimal("60.0"),
    )
    assert summary.total.good_or_better_schools_pct == Decimal("71.4")  # 5 of 7
    assert summary.left_out == 2  # the independent school and the 16 to 19 provider


def test_a_past_date_gives_that_dates_picture(fixture_la):
    summary = ofsted_summary(la=fixture_la, schools=Establishment.objects.all(), as_at=PAST)
    assert ofsted_summary_rows(summary)[:6] == _table(EXPECTED_PAST_PRIMARY)
    secondary = summary.phases[1]
    assert secondary.row("no_overall_grade").schools == 1  # published 15/04/2025


def test_later_history_does_not_change_a_past_picture(fixture_la, make_school, inspect):
    """Everything recorded after the date (inspections, closures, new schools) leaves the
    picture on that date as it was."""
    before = ofsted_summary_rows(
        ofsted_summary(la=fixture_la, schools=Establishment.objects.all(), as_at=PAST)
    )
    for school in Establishment.objects.filter(la=fixture_la):
        inspect(school, date(2025, 9, 15), framework="eif2024")
    Establishment.objects.filter(urn=1001).update(status="Closed", close_date=date(2025, 7, 1))
    make_school(1009, fixture_la, 60, open_date=date(2025, 9, 1))
    after = ofsted_summary_rows(
        ofsted_summary(la=fixture_la, schools=Establishment.objects.all(), as_at=PAST)
    )
    assert after == before
    today = ofsted_summary(la=fixture_la, schools=Establishment.objects.all(), as_at=AS_AT)
    assert today.phases[0].schools == 6  # P1 closed, P9 opened: still 6


def test_an_inspection_counts_from_its_publication_date(fixture_la):
    def p3_grade(day):
        summary = ofsted_summary(
            la=fixture_la, schools=Establishment.objects.filter(urn=1003), as_at=day
        )
        return next(row.grade.key for row in summary.phases[0].rows if row.schools)

    assert p3_grade(date(2026, 6, 19)) == "requires_improvement"  # started, not published
    assert p3_grade(date(2026, 6, 20)) == "no_overall_grade"


def test_without_a_publication_date_the_start_date_counts(herts, make_school, inspect):
    school = make_school(1, herts)
    inspect(school, date(2024, 3, 5), grade=1)
    schools = Establishment.objects.all()
    assert (
        ofsted_summary(la=herts, schools=schools, as_at=date(2024, 3, 4))
        .total.row("not_inspected")
        .schools
        == 1
    )
    assert (
        ofsted_summary(la=herts, schools=schools, as_at=date(2024, 3, 5))
        .total.row("outstanding")
        .schools
        == 1
    )


def test_an_ungraded_outcome_never_overrides_a_graded_inspection(herts, make_school, inspect):
    """Even one whose words name another grade: the graded inspection on file stands."""
    school = make_school(1, herts)
    inspect(school, date(2018, 1, 10), grade=3)
    inspect(school, date(2022, 1, 10), kind=UNGRADED, outcome="School remains Good")
    summary = ofsted_summary(la=herts, schools=Establishment.objects.all(), as_at=AS_AT)
    assert summary.total.row("requires_improvement").schools == 1


def test_a_closed_school_without_a_closing_date_is_left_out(herts, make_school):
    make_school(1, herts, status="Closed")
    make_school(2, herts, status="Open, but proposed to close")
    summary = ofsted_summary(la=herts, schools=Establishment.objects.all(), as_at=AS_AT)
    assert summary.total.schools == 1


def test_only_the_readers_schools_are_counted(fixture_la):
    scope = Establishment.objects.filter(urn__in=[1001, 1002])
    summary = ofsted_summary(la=fixture_la, schools=scope, as_at=AS_AT)
    assert summary.total.schools == 2


def test_each_grade_says_which_framework_it_comes_from(fixture_la):
    summary = ofsted_summary(la=fixture_la, schools=Establishment.objects.all(), as_at=AS_AT)
    sources = {(s.framework.code, s.confirmed): s.counts for s in summary.sources}
    #                      outstanding, good, RI, inadequate, no overall grade
    assert sources == {
        ("rc2025", False): (0, 0, 0, 0, 1),  # P4
        ("eif2024", False): (0, 0, 0, 0, 1),  # S3
        ("eif2019", False): (0, 1, 1, 1, 0),  # P1, P3, S1
        ("eif2019", True): (0, 1, 0, 0, 0),  # P7, confirmed by "School remains Good"
        ("cif2015", False): (1, 1, 0, 0, 0),  # SP1, S2
        ("2012", False): (1, 0, 0, 0, 0),  # P2
    }
    assert [s.framework.code for s in summary.sources][:2] == ["rc2025", "eif2024"]


@pytest.mark.parametrize("size", [5, 60])
def test_a_bounded_number_of_queries(
    herts, make_school, inspect, size, django_assert_max_num_queries
):
    for n in range(size):
        school = make_school(10000 + n, herts, phase_group=[PhaseGroup.PRIMARY, SECONDARY][n % 2])
        inspect(school, date(2018, 1, 1), grade=1 + n % 4)
        inspect(school, date(2022, 1, 1), kind=UNGRADED, outcome="School remains Good")
        inspect(school, date(2026, 1, 1), kind=REPORT_CARD, framework="rc2025", areas=RC_AREAS)
    with django_assert_max_num_queries(1):
        summary = ofsted_summary(la=herts, schools=Establishment.objects.all(), as_at=AS_AT)
    assert summary.total.row("no_overall_grade").schools == size
