"""The forecast of next term's inspections from each framework's usual gap after a grade."""

from datetime import date

from uplift.earlywarning.forecast import inspection_forecast, next_term
from uplift.inspections import frameworks
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource
from uplift.schools.models import Establishment


def inspect(school, day, grade=None, kind=InspectionKind.GRADED, framework="eif2019"):
    return Inspection.objects.create(
        establishment=school,
        framework=framework,
        kind=kind,
        start_date=day,
        overall_grade=grade,
        source=InspectionSource.MANUAL,
    )


def test_next_term_follows_the_school_year():
    assert next_term(date(2026, 12, 7)).starts == date(2027, 1, 1)
    assert next_term(date(2027, 2, 1)).label == "Summer term 2027"
    assert next_term(date(2027, 5, 1)).ends == date(2027, 12, 31)


def test_every_framework_says_how_long_each_grade_waits():
    for framework in frameworks.FRAMEWORKS:
        assert len(framework.reinspection_months) == len(framework.scale)
        worst = framework.months_to_next(len(framework.scale))
        assert worst <= framework.months_to_next(2)  # a weaker grade never waits longer
    assert frameworks.framework("eif2019").months_to_next(None) == 48


def test_schools_due_by_the_end_of_next_term_overdue_first(herts, make_school):
    due_good = make_school(1, herts, "Good in March 2023")
    inspect(due_good, date(2023, 3, 1), grade=2)  # 48 months: due 1 March 2027
    later = make_school(2, herts, "Good in 2024")
    inspect(later, date(2024, 1, 10), grade=2)
    weaker = make_school(3, herts, "Requires improvement")
    inspect(weaker, date(2024, 7, 1), grade=3)  # 30 months: due 1 January 2027
    visited = make_school(4, herts, "Ungraded since")
    inspect(visited, date(2019, 1, 1), grade=2)
    inspect(visited, date(2023, 6, 1), kind=InspectionKind.UNGRADED)  # clock restarts
    overdue = make_school(5, herts, "Overdue")
    inspect(overdue, date(2021, 1, 1), grade=2)
    make_school(6, herts, "Never inspected")
    forecast = inspection_forecast(
        schools=Establishment.objects.filter(la=herts), as_at=date(2026, 12, 7)
    )
    assert forecast.term.name == "Spring"
    assert [(d.school.name, d.due_by, d.overdue) for d in forecast.schools] == [
        ("Overdue", date(2025, 1, 1), True),
        ("Requires improvement", date(2027, 1, 1), False),
        ("Good in March 2023", date(2027, 3, 1), False),
    ]
    assert forecast.schools[0].last_grade == "Good"
