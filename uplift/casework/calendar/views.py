"""The LA's casework calendar: its settings, its school holidays and a working-day
calculator. For the LA's officers and system administrators (like the categorisation
pages): anyone else is refused (403), and another LA's calendar is not found (404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from uplift.accounts import access as accounts_access
from uplift.audit.models import Via
from uplift.casework import access
from uplift.casework.calendar import selectors, services
from uplift.casework.calendar.forms import (
    CalculatorForm,
    HolidayForm,
    RemoveHolidayForm,
    SettingsForm,
)
from uplift.core.web import REFUSED, attempt


def _las(request):
    las = access.casework_las(request.user)
    if not las.exists():
        raise PermissionDenied
    return las


def _la(request, la_code: str):
    return get_object_or_404(_las(request), code=la_code)


@login_required
@require_GET
def calendar_index(request):
    """An LA officer goes straight to their LA's calendar; an administrator chooses one."""
    las = _las(request)
    profile = accounts_access.profile_of(request.user)
    if profile is not None and profile.la_id and las.filter(pk=profile.la_id).exists():
        return redirect("casework:calendar_la", la_code=las.get(pk=profile.la_id).code)
    return render(request, "casework/calendar/index.html", {"las": las.order_by("name")})


@login_required
@require_GET
def calendar_la(request, la_code: str):
    la = _la(request, la_code)
    form = CalculatorForm(request.GET or None)
    calculation = None
    if request.GET and form.is_valid():
        calculation = selectors.working_day_calculation(
            la=la, start=form.cleaned_data["start"], days=form.cleaned_data["days"]
        )
    return render(
        request,
        "casework/calendar/la.html",
        {
            "la": la,
            "settings": selectors.settings_for(la=la),
            "holidays": list(selectors.holidays_for(la=la)),
            "form": form,
            "calculation": calculation,
        },
    )


@login_required
def calendar_settings(request, la_code: str):
    la = _la(request, la_code)
    current = selectors.settings_for(la=la)
    form = SettingsForm(
        request.POST or None,
        initial={
            "compliance_working_days": current.compliance_working_days,
            "action_plan_working_days": current.action_plan_working_days,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = attempt(
            form,
            services.update_casework_settings,
            actor=request.user,
            via=Via.WEB,
            la=la,
            compliance_working_days=data["compliance_working_days"],
            action_plan_working_days=data["action_plan_working_days"],
            reason=data["reason"],
        )
        if result is not REFUSED:
            messages.success(request, "Casework settings saved")
            return redirect("casework:calendar_la", la_code=la.code)
    return render(
        request, "casework/calendar/settings.html", {"la": la, "form": form, "current": current}
    )


@login_required
def calendar_holiday_new(request, la_code: str):
    la = _la(request, la_code)
    form = HolidayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        holiday = attempt(
            form,
            services.add_school_holiday,
            actor=request.user,
            via=Via.WEB,
            la=la,
            name=data["name"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            reason=data["reason"],
        )
        if holiday is not REFUSED:
            messages.success(request, f"{holiday.name} added")
            return redirect("casework:calendar_la", la_code=la.code)
    return render(request, "casework/calendar/holiday_new.html", {"la": la, "form": form})


@login_required
def calendar_holiday_delete(request, la_code: str, pk: int):
    la = _la(request, la_code)
    holiday = get_object_or_404(selectors.holidays_for(la=la), pk=pk)
    form = RemoveHolidayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = attempt(
            form,
            services.remove_school_holiday,
            actor=request.user,
            via=Via.WEB,
            holiday=holiday,
            reason=form.cleaned_data["reason"],
        )
        if result is not REFUSED:
            messages.success(request, f"{holiday.name} removed")
            return redirect("casework:calendar_la", la_code=la.code)
    return render(
        request,
        "casework/calendar/holiday_delete.html",
        {"la": la, "holiday": holiday, "form": form},
    )
