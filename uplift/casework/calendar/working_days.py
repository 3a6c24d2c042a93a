"""Working days for statutory deadlines: not a weekend, not one of England's bank holidays
(the `holidays` package, which follows the published substitute days) and not one of the
LA's own school holiday dates (SchoolHoliday, which the LA maintains)."""

import calendar
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import lru_cache

import holidays

from uplift.casework.models import SchoolHoliday

Closed = Callable[[date], bool]


@lru_cache(maxsize=64)
def _england_bank_holiday_names(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("GB", subdiv="ENG", years=year))


@lru_cache(maxsize=64)
def _england_bank_holidays(year: int) -> frozenset[date]:
    return frozenset(_england_bank_holiday_names(year))


def is_bank_holiday(day: date) -> bool:
    return day in _england_bank_holidays(day.year)


def bank_holiday_name(day: date) -> str:
    return _england_bank_holiday_names(day.year).get(day, "")


def why_closed(day: date, holiday_names: Iterable[tuple[date, date, str]] = ()) -> str:
    """Why `day` is not a working day, in words ("" when it is one): "Saturday", "Sunday",
    the bank holiday's name, or the school holiday's name from (first day, last day, name)."""
    if day.weekday() >= 5:
        return day.strftime("%A")
    if is_bank_holiday(day):
        return bank_holiday_name(day)
    return next((name for start, end, name in holiday_names if start <= day <= end), "")


def closed_by(holiday_ranges: Iterable[tuple[date, date]]) -> Closed:
    """Whether a day is closed: a weekend, a bank holiday or inside one of the ranges
    (first and last day included)."""
    ranges = tuple(holiday_ranges)

    def closed(day: date) -> bool:
        return (
            day.weekday() >= 5
            or is_bank_holiday(day)
            or any(start <= day <= end for start, end in ranges)
        )

    return closed


def add_working_days(start: date, days: int, *, closed: Closed) -> date:
    """The `days`-th working day after `start` (`start` itself never counts): a notice
    issued on a Friday with one working day to comply must comply by the next open day."""
    if days < 1:
        raise ValueError("a period must be at least one working day")
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        if not closed(day):
            counted += 1
    return day


def working_days_between(start: date, end: date, *, closed: Closed) -> int:
    """How many working days there are after `start` up to and including `end`."""
    return sum(
        1
        for offset in range(1, (end - start).days + 1)
        if not closed(start + timedelta(days=offset))
    )


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it is shorter (31 Dec + 2
    months is 28 or 29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def la_closed_days(la, *, from_day: date) -> Closed:
    """Closed days for an LA's schools from `from_day` on: reads its school holidays once."""
    ranges = SchoolHoliday.objects.filter(la=la, ends_on__gte=from_day).values_list(
        "starts_on", "ends_on"
    )
    return closed_by(ranges)


def compliance_deadline(*, la, issued_on: date, working_days: int) -> date:
    """The last day of a warning notice's compliance period."""
    return add_working_days(issued_on, working_days, closed=la_closed_days(la, from_day=issued_on))


def powers_window_ends(deadline: date) -> date:
    """The last day the LA may appoint additional governors (s.64) on a warning-notice
    route: two months after the compliance period ended."""
    return add_months(deadline, 2)
