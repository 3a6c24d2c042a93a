"""The adviser's home page: their schools with the visits each has left this year, their
visits this half term and the notes waiting for them. A fixed number of queries."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.urls import reverse

from uplift.casework.calendar.selectors import holidays_for
from uplift.support.models import Visit
from uplift.support.visits.entitlement import (
    academic_year_bounds,
    academic_year_of,
    entitlements,
)
from uplift.workload.selectors import my_work


@dataclass(frozen=True)
class SchoolRow:
    school: object
    entitlement: object  # support.visits.entitlement.Entitlement
    url: str
    visits_url: str


@dataclass
class AdviserDashboard:
    academic_year: str
    half_term: tuple[date, date]
    schools: list[SchoolRow] = field(default_factory=list)
    visits: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # workload WorkRows


def half_term(*, la, today: date) -> tuple[date, date]:
    """The half term `today` falls in: from the day after the LA's last school holiday
    before it to the day before the next one (the academic year's ends where the LA has
    recorded no holidays). One query."""
    first, last = academic_year_bounds(academic_year_of(today))
    start, end = first, last
    if la is not None:
        for holiday in holidays_for(la=la).filter(starts_on__lte=last, ends_on__gte=first):
            if holiday.ends_on < today:
                start = max(start, holiday.ends_on + timedelta(days=1))
            elif holiday.starts_on > today:
                end = min(end, holiday.starts_on - timedelta(days=1))
    return start, end


def adviser_dashboard(*, user, profile, today: date) -> AdviserDashboard:
    year = academic_year_of(today)
    bounds = half_term(la=profile.la if profile.la_id else None, today=today)
    board = AdviserDashboard(academic_year=year, half_term=bounds)
    schools = list(profile.assigned_establishments.order_by("name", "urn"))
    found = entitlements(establishment_ids=[s.pk for s in schools], academic_year=year)
    board.schools = [
        SchoolRow(
            school,
            found[school.pk],
            reverse("schools:detail", args=[school.urn]),
            reverse("support:school_visits", args=[school.urn]),
        )
        for school in schools
    ]
    board.visits = list(
        Visit.objects.filter(adviser=user, scheduled_for__range=bounds)
        .select_related("establishment")
        .defer("note")
        .order_by("scheduled_for", "pk")
    )
    board.notes = my_work(user=user, today=today).notes
    return board
