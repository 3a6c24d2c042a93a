"""The report card equivalent: grades by evaluation area, framework by framework, worked out
by hand from a small fixture."""

from datetime import date

import pytest

from uplift.inspections.models import InspectionKind
from uplift.reports.report_cards import report_card_areas
from uplift.reports.tables import report_card_rows
from uplift.schools.models import Establishment, PhaseGroup

AS_AT = date(2026, 5, 31)
RC = InspectionKind.REPORT_CARD


@pytest.fixture
def la(herts, essex, make_school, inspect):
    """R1 primary 200: report card, inclusion strong, leadership needs attention, early years
    strong, safeguarding met. R2 primary 100: report card, inclusion exceptional, leadership
    needs attention, no early years; safeguarding not met. R3 secondary 700: report card,
    inclusion strong. E1 secondary 300: 2024-25 graded, leadership 3. G1 primary 50: graded
    Good 2019 (not in this report). R4 primary: report card published after the date. An
    Essex school with a report card."""

    def card(school, areas, safeguarding="", published=date(2026, 2, 1)):
        inspect(
            school,
            date(2026, 1, 10),
            kind=RC,
            framework="rc2025",
            published=published,
            areas=areas,
            safeguarding=safeguarding,
        )

    card(
        make_school(1, herts, 200),
        {
            "inclusion": "strong",
            "leadership_governance": "needs_attention",
            "early_years": "strong",
        },
        "met",
    )
    card(
        make_school(2, herts, 100),
        {"inclusion": "exceptional", "leadership_governance": "needs_attention"},
        "not_met",
    )
    card(make_school(3, herts, 700, phase_group=PhaseGroup.SECONDARY), {"inclusion": "strong"})
    e1 = make_school(4, herts, 300, phase_group=PhaseGroup.SECONDARY)
    inspect(e1, date(2025, 1, 20), framework="eif2024", areas={"leadership_management": "3"})
    inspect(make_school(5, herts, 50), date(2019, 1, 1), grade=2)
    card(
        make_school(6, herts, 999), {"inclusion": "urgent_improvement"}, published=date(2026, 6, 1)
    )
    card(make_school(7, essex, 999), {"inclusion": "urgent_improvement"})
    return herts


EXPECTED_ALL_PHASES = """
All phases,Report card framework,Inclusion,Exceptional,1,33.3,100,10.0
All phases,Report card framework,Inclusion,Strong standard,2,66.7,900,90.0
All phases,Report card framework,Inclusion,Expected standard,0,0.0,0,0.0
All phases,Report card framework,Inclusion,Needs attention,0,0.0,0,0.0
All phases,Report card framework,Inclusion,Urgent improvement,0,0.0,0,0.0
All phases,Report card framework,Inclusion,Not graded in this area,0,0.0,0,0.0
All phases,Report card framework,Leadership and governance,Exceptional,0,0.0,0,0.0
All phases,Report card framework,Leadership and governance,Strong standard,0,0.0,0,0.0
All phases,Report card framework,Leadership and governance,Expected standard,0,0.0,0,0.0
All phases,Report card framework,Leadership and governance,Needs attention,2,66.7,300,30.0
All phases,Report card framework,Leadership and governance,Urgent improvement,0,0.0,0,0.0
All phases,Report card framework,Leadership and governance,Not graded in this area,1,33.3,700,70.0
All phases,Report card framework,Early years,Exceptional,0,0.0,0,0.0
All phases,Report card framework,Early years,Strong standard,1,33.3,200,20.0
All phases,Report card framework,Early years,Expected standard,0,0.0,0,0.0
All phases,Report card framework,Early years,Needs attention,0,0.0,0,0.0
All phases,Report card framework,Early years,Urgent improvement,0,0.0,0,0.0
All phases,Report card framework,Early years,Not graded in this area,2,66.7,800,80.0
All phases,Education inspection framework (no overall grade),Leadership and management,Outstanding,0,0.0,0,0.0
All phases,Education inspection framework (no overall grade),Leadership and management,Good,0,0.0,0,0.0
All phases,Education inspection framework (no overall grade),Leadership and management,Requires improvement,1,100.0,300,100.0
All phases,Education inspection framework (no overall grade),Leadership and management,Inadequate,0,0.0,0,0.0
All phases,Education inspection framework (no overall grade),Leadership and management,Not graded in this area,0,0.0,0,0.0
"""  # noqa: E501


def test_areas_match_the_table_worked_out_by_hand(la):
    report = report_card_areas(la=la, schools=Establishment.objects.all(), as_at=AS_AT)
    expected = [tuple(line.split(",")) for line in EXPECTED_ALL_PHASES.strip().splitlines()]
    assert report_card_rows(report) == expected
    cards = report.frameworks[0]
    assert (cards.schools, cards.pupils) == (3, 1000)
    assert cards.safeguarding == (("Met", 1), ("Not met", 1))


def test_one_phase(la):
    report = report_card_areas(
        la=la, schools=Establishment.objects.all(), as_at=AS_AT, phase=PhaseGroup.PRIMARY
    )
    assert [table.framework.code for table in report.frameworks] == ["rc2025"]
    inclusion = report.frameworks[0].areas[0]
    assert [(row.grade.code, row.schools, row.pupils) for row in inclusion.rows][:2] == [
        ("exceptional", 1, 100),
        ("strong", 1, 200),
    ]


def test_a_past_date_uses_the_inspections_counting_then(la):
    report = report_card_areas(la=la, schools=Establishment.objects.all(), as_at=date(2025, 12, 1))
    assert [(t.framework.code, t.schools) for t in report.frameworks] == [("eif2024", 1)]


@pytest.mark.parametrize("size", [5, 60])
def test_a_bounded_number_of_queries(
    herts, make_school, inspect, size, django_assert_max_num_queries
):
    for n in range(size):
        inspect(
            make_school(100 + n, herts),
            date(2026, 1, 10),
            kind=RC,
            framework="rc2025",
            areas={"inclusion": "strong", "achievement": "expected"},
        )
    with django_assert_max_num_queries(2):
        report = report_card_areas(la=herts, schools=Establishment.objects.all(), as_at=AS_AT)
    assert report.frameworks[0].areas[0].rows[1].schools == size
