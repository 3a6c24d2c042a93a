"""What the calendar endpoints take and answer."""

from datetime import date

from ninja import Field, Schema

from uplift.casework.calendar import services
from uplift.casework.calendar.selectors import MAX_CALCULATOR_DAYS


class SchoolHolidayOut(Schema):
    id: int
    name: str
    starts_on: date
    ends_on: date


class SchoolHolidayIn(Schema):
    name: str = Field(max_length=services.NAME_MAX_LENGTH)
    starts_on: date = Field(description="First day of the holiday (included)")
    ends_on: date = Field(description="Last day of the holiday (included)")
    reason: str = Field(description="Why, kept in the history of changes")


class WorkingDaysQuery(Schema):
    start: date | None = Field(
        None,
        description="The day the period starts from (YYYY-MM-DD; today if left out); "
        "it never counts itself",
    )
    days: int | None = Field(
        None,
        ge=1,
        le=MAX_CALCULATOR_DAYS,
        description="Number of working days (the LA's compliance period if left out)",
    )


class SkippedOut(Schema):
    date: date
    why: str = Field(description="Saturday, Sunday, the bank holiday or school holiday's name")


class WorkingDaysOut(Schema):
    start: date
    days: int
    deadline: date
    powers_window_ends: date = Field(description="Last day of the s.64 window: deadline + 2 months")
    skipped: list[SkippedOut]
