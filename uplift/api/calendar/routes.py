"""An LA's casework calendar: its school holidays (read and add) and working-day deadlines.
For the LA's officers and system administrators, as on the calendar pages: a caller who
runs no LA's casework gets 403, another LA answers 404 like a missing one. A POST acts for
the caller and calls the same service as the pages (via "api"); a refused change answers
400 (409 when the holiday overlaps another) with the rule's message."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router
from ninja.responses import Status

from uplift.api.calendar.schemas import (
    SchoolHolidayIn,
    SchoolHolidayOut,
    WorkingDaysOut,
    WorkingDaysQuery,
)
from uplift.api.calls import call
from uplift.api.errors import CHANGE_RESPONSES, ERROR_RESPONSES
from uplift.casework import access as casework_access
from uplift.casework.calendar import selectors, services

router = Router(tags=["calendar"])


def _la(request, code: str):
    las = casework_access.casework_las(request.auth)
    if not las.exists():
        raise PermissionDenied
    return get_object_or_404(las, code=code)


def _holiday_out(holiday) -> dict:
    return {
        "id": holiday.pk,
        "name": holiday.name,
        "starts_on": holiday.starts_on,
        "ends_on": holiday.ends_on,
    }


@router.get(
    "/las/{code}/school-holidays",
    response={200: list[SchoolHolidayOut], **ERROR_RESPONSES},
    summary="The LA's school holidays, earliest first",
)
def list_school_holidays(request, code: str):
    la = _la(request, code)
    return [_holiday_out(holiday) for holiday in selectors.holidays_for(la=la)]


@router.post(
    "/las/{code}/school-holidays",
    response={201: SchoolHolidayOut, **CHANGE_RESPONSES},
    summary="Add a school holiday (first and last days included; no overlaps)",
)
def add_school_holiday(request, code: str, payload: SchoolHolidayIn):
    la = _la(request, code)
    holiday = call(
        services.add_school_holiday,
        request,
        la=la,
        name=payload.name,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        reason=payload.reason,
    )
    return Status(201, _holiday_out(holiday))


@router.get(
    "/las/{code}/working-days",
    response={200: WorkingDaysOut, **ERROR_RESPONSES},
    summary="The deadline `days` working days after `start`, and every day skipped and why",
)
def working_days(request, code: str, query: Query[WorkingDaysQuery]):
    la = _la(request, code)
    start = query.start or timezone.localdate()
    days = query.days or selectors.settings_for(la=la).compliance_working_days
    calculation = selectors.working_day_calculation(la=la, start=start, days=days)
    return {
        "start": calculation.start,
        "days": calculation.days,
        "deadline": calculation.deadline,
        "powers_window_ends": calculation.powers_window_ends,
        "skipped": [{"date": s.day, "why": s.why} for s in calculation.skipped],
    }
