"""Working days: weekends, England's bank holidays and the LA's school holidays, checked on
known dates and, with hypothesis, against a deliberately simple reference."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uplift.casework.calendar.working_days import (
    add_months,
    add_working_days,
    bank_holiday_name,
    closed_by,
    is_bank_holiday,
    powers_window_ends,
    why_closed,
    working_days_between,
)

NO_HOLIDAYS = closed_by([])
CHRISTMAS_2026 = (date(2026, 12, 21), date(2027, 1, 1))


def test_a_friday_notice_with_one_working_day_is_due_the_next_monday():
    assert add_working_days(date(2026, 3, 6), 1, closed=NO_HOLIDAYS) == date(2026, 3, 9)


def test_the_start_day_never_counts_even_when_it_is_a_working_day():
    assert add_working_days(date(2026, 3, 2), 1, closed=NO_HOLIDAYS) == date(2026, 3, 3)
    assert add_working_days(date(2026, 3, 2), 5, closed=NO_HOLIDAYS) == date(2026, 3, 9)


def test_a_notice_issued_on_friday_18_december_2026_skips_christmas_and_new_year():
    # 21-24 Dec count (4), 25 Dec bank holiday, 26-27 weekend, 28 Dec Boxing Day (observed),
    # 29-31 Dec count (7), 1 Jan 2027 bank holiday, 2-3 weekend, then 4 Jan onwards.
    assert add_working_days(date(2026, 12, 18), 7, closed=NO_HOLIDAYS) == date(2026, 12, 31)
    assert add_working_days(date(2026, 12, 18), 8, closed=NO_HOLIDAYS) == date(2027, 1, 4)
    assert add_working_days(date(2026, 12, 18), 15, closed=NO_HOLIDAYS) == date(2027, 1, 13)


def test_a_notice_issued_on_christmas_eve_2026_counts_from_29_december():
    assert add_working_days(date(2026, 12, 24), 1, closed=NO_HOLIDAYS) == date(2026, 12, 29)
    assert add_working_days(date(2026, 12, 24), 4, closed=NO_HOLIDAYS) == date(2027, 1, 4)
    assert add_working_days(date(2026, 12, 24), 15, closed=NO_HOLIDAYS) == date(2027, 1, 19)


def test_england_bank_holidays_include_substitute_days():
    assert bank_holiday_name(date(2026, 12, 25)) == "Christmas Day"
    assert bank_holiday_name(date(2026, 12, 28)) == "Boxing Day (observed)"
    assert bank_holiday_name(date(2027, 1, 1)) == "New Year's Day"
    assert is_bank_holiday(date(2026, 8, 31))  # late summer bank holiday
    assert not is_bank_holiday(date(2026, 12, 29))
    assert not is_bank_holiday(date(2026, 3, 17))  # St Patrick's Day: Northern Ireland only


def test_school_holidays_are_closed_on_both_ends():
    closed = closed_by([CHRISTMAS_2026])
    assert closed(date(2026, 12, 21)) and closed(date(2027, 1, 1))
    assert not closed(date(2026, 12, 18)) and not closed(date(2027, 1, 4))
    # Friday 18 December 2026, with the LA's Christmas holiday: the first working day is 4 Jan
    assert add_working_days(date(2026, 12, 18), 1, closed=closed) == date(2027, 1, 4)
    assert add_working_days(date(2026, 12, 18), 15, closed=closed) == date(2027, 1, 22)


def test_a_one_day_school_holiday_is_skipped():
    closed = closed_by([(date(2026, 2, 16), date(2026, 2, 16))])
    assert add_working_days(date(2026, 2, 13), 1, closed=closed) == date(2026, 2, 17)


def test_why_a_day_is_closed():
    named = [(*CHRISTMAS_2026, "Christmas holiday")]
    assert why_closed(date(2026, 12, 19), named) == "Saturday"
    assert why_closed(date(2026, 12, 20), named) == "Sunday"
    assert why_closed(date(2026, 12, 25), named) == "Christmas Day"
    assert why_closed(date(2026, 12, 22), named) == "Christmas holiday"
    assert why_closed(date(2027, 1, 4), named) == ""


def test_working_days_between_counts_after_start_up_to_and_including_end():
    assert working_days_between(date(2026, 3, 6), date(2026, 3, 9), closed=NO_HOLIDAYS) == 1
    assert working_days_between(date(2026, 3, 6), date(2026, 3, 6), closed=NO_HOLIDAYS) == 0
    assert working_days_between(date(2026, 12, 18), date(2027, 1, 4), closed=NO_HOLIDAYS) == 8


def test_a_period_must_be_at_least_one_working_day():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 3, 6), 0, closed=NO_HOLIDAYS)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 12, 31), 2, date(2027, 2, 28)),
        (date(2027, 12, 31), 2, date(2028, 2, 29)),  # leap year
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 8, 31), 1, date(2026, 9, 30)),
        (date(2026, 1, 15), 2, date(2026, 3, 15)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 5, 10), 0, date(2026, 5, 10)),
    ],
)
def test_add_months_clamps_to_the_end_of_a_shorter_month(day, months, expected):
    assert add_months(day, months) == expected


def test_the_s64_window_ends_two_months_after_the_deadline():
    assert powers_window_ends(date(2027, 1, 13)) == date(2027, 3, 13)
    assert powers_window_ends(date(2026, 12, 31)) == date(2027, 2, 28)


# Properties against a deliberately simple reference: list every day and count.


def reference_closed(holidays):
    def closed(day):
        if day.weekday() in (5, 6) or is_bank_holiday(day):
            return True
        return any(first <= day <= last for first, last in holidays)

    return closed


def reference_add(start, days, holidays):
    closed = reference_closed(holidays)
    following = [start + timedelta(days=n) for n in range(1, 3 * 366)]
    working = [day for day in following if not closed(day)]
    return working[days - 1]


def reference_between(start, end, holidays):
    closed = reference_closed(holidays)
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if not closed(day):
            count += 1
    return count


dates = st.dates(min_value=date(2009, 1, 1), max_value=date(2035, 12, 31))
periods = st.integers(min_value=1, max_value=60)


@st.composite
def holiday_ranges(draw):
    """Up to four school holidays of 1 to 21 days near each other (overlaps allowed)."""
    anchor = draw(dates)
    ranges = []
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        first = anchor + timedelta(days=draw(st.integers(min_value=-10, max_value=90)))
        ranges.append((first, first + timedelta(days=draw(st.integers(0, 20)))))
    return anchor, ranges


@settings(max_examples=150, deadline=None)
@given(holiday_ranges(), periods)
def test_add_working_days_agrees_with_the_reference(anchored, days):
    start, holidays = anchored
    closed = closed_by(holidays)
    result = add_working_days(start, days, closed=closed)
    assert result == reference_add(start, days, holidays)
    assert result > start
    assert not closed(result)  # the deadline is itself a working day
    assert working_days_between(start, result, closed=closed) == days


@settings(max_examples=150, deadline=None)
@given(holiday_ranges(), st.integers(min_value=0, max_value=120))
def test_working_days_between_agrees_with_the_reference(anchored, length):
    start, holidays = anchored
    end = start + timedelta(days=length)
    closed = closed_by(holidays)
    assert working_days_between(start, end, closed=closed) == reference_between(
        start, end, holidays
    )


@settings(max_examples=100, deadline=None)
@given(holiday_ranges(), periods)
def test_more_working_days_never_give_an_earlier_deadline(anchored, days):
    start, holidays = anchored
    closed = closed_by(holidays)
    assert add_working_days(start, days + 1, closed=closed) > add_working_days(
        start, days, closed=closed
    )


@settings(max_examples=100, deadline=None)
@given(dates, st.integers(min_value=0, max_value=24))
def test_add_months_lands_in_the_right_month_never_past_its_end(day, months):
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day == day.day or (result.day < day.day and (result + timedelta(1)).day == 1)
