"""Reading an LA's casework calendar: its settings, its school holidays, and working-day
deadlines with every day they skip and why. Reads never write: an LA without settings gets
an unsaved default."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet

from uplift.casework.calendar.working_days import (
    add_working_days,
    closed_by,
    powers_window_ends,
    why_closed,
)
from uplift.casework.models import CaseworkSettings, SchoolHoliday

MAX_CALCULATOR_DAYS = 260  # about a year of working days: enough for any period an LA sets


def settings_for(*, la) -> CaseworkSettings:
    """The LA's casework settings, or an unsaved one with the defaults when it has none."""
    found = CaseworkSettings.objects.filter(la=la).select_related("updated_by").first()
    return found if found is not None else CaseworkSettings(la=la)


def holidays_for(*, la) -> QuerySet[SchoolHoliday]:
    """The LA's school holidays, earliest first."""
    return SchoolHoliday.objects.filter(la=la).order_by("starts_on", "ends_on", "pk")


@dataclass(frozen=True)
class SkippedDay:
    day: date
    why: str


@dataclass(frozen=True)
class Calculation:
    """A deadline counted in working days from `start` (which itself never counts)."""

    start: date
    days: int
    deadline: date
    powers_window_ends: date
    skipped: tuple[SkippedDay, ...]


def working_day_calculation(*, la, start: date, days: int) -> Calculation:
    """The `days`-th working day after `start` for the LA's schools, the end of the s.64
    window after it, and every day in between that did not count, with why. Two queries
    at most, however long the period."""
    if days < 1:
        raise ValueError("a period must be at least one working day")
    named = [
        (h.starts_on, h.ends_on, h.name)
        for h in SchoolHoliday.objects.filter(la=la, ends_on__gt=start).order_by("starts_on")
    ]
    closed = closed_by((first, last) for first, last, _ in named)
    deadline = add_working_days(start, days, closed=closed)
    skipped = []
    day = start + timedelta(days=1)
    while day < deadline:
        why = why_closed(day, named)
        if why:
            skipped.append(SkippedDay(day, why))
        day += timedelta(days=1)
    return Calculation(start, days, deadline, powers_window_ends(deadline), tuple(skipped))
