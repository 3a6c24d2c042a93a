"""Which schools are likely to be inspected next term: each framework says how long a school
graded at each level usually waits for its next inspection (`reinspection_months`), counted
from its latest inspection (graded or not). A school whose next inspection falls due by the
end of next term is likely to be inspected then; those already overdue come first."""

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from uplift.inspections import frameworks
from uplift.inspections.selectors import latest_graded_inspections, latest_ungraded_inspections
from uplift.schools.models import Establishment


@dataclass(frozen=True)
class Term:
    name: str
    starts: date
    ends: date

    @property
    def label(self) -> str:
        return f"{self.name} term {self.starts.year}"


def next_term(day: date) -> Term:
    """The school term after the one `day` falls in (autumn from September, spring from
    January, summer from April to the end of August)."""
    if day.month >= 9:
        return Term("Spring", date(day.year + 1, 1, 1), date(day.year + 1, 3, 31))
    if day.month <= 3:
        return Term("Summer", date(day.year, 4, 1), date(day.year, 8, 31))
    return Term("Autumn", date(day.year, 9, 1), date(day.year, 12, 31))


@dataclass(frozen=True)
class Due:
    school: Establishment
    last_inspected: date  # the latest inspection, graded or not
    last_grade: str  # the latest graded inspection's grade, in words
    due_by: date
    overdue: bool  # due before next term starts


@dataclass(frozen=True)
class Forecast:
    as_at: date
    term: Term
    schools: tuple[Due, ...]


def _grade(inspection) -> tuple[int | None, str]:
    framework = frameworks.framework(inspection.framework)
    if inspection.overall_grade is not None:
        grade = next((g for g in framework.scale if g.rank == inspection.overall_grade), None)
        return inspection.overall_grade, grade.label if grade else ""
    areas = {j.area: j.grade for j in inspection.judgements.all()}
    ranks = framework.standing_ranks(areas)
    if not ranks:
        return None, "no overall grade"
    worst = max(ranks)
    grade = next((g for g in framework.scale if g.rank == worst), None)
    return worst, f"lowest area grade {grade.label}" if grade else "no overall grade"


def inspection_forecast(*, schools, as_at: date) -> Forecast:
    """The `schools` (a queryset) likely to be inspected next term, by due date (the overdue
    first). Five queries, however many schools."""
    term = next_term(as_at)
    graded = latest_graded_inspections(establishments=schools)
    ungraded = latest_ungraded_inspections(establishments=schools)
    found = []
    for school in schools:
        inspection = graded.get(school.pk)
        if inspection is None or inspection.start_date > as_at:
            continue
        rank, words = _grade(inspection)
        framework = frameworks.framework(inspection.framework)
        later = ungraded.get(school.pk)
        last = inspection.start_date
        if later is not None and inspection.start_date < later.start_date <= as_at:
            last = later.start_date
        due_by = last + relativedelta(months=framework.months_to_next(rank))
        if due_by <= term.ends:
            found.append(Due(school, last, words, due_by, due_by < term.starts))
    found.sort(key=lambda d: (d.due_by, d.school.name, d.school.urn))
    return Forecast(as_at, term, tuple(found))
