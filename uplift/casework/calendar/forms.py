"""Forms of the calendar pages: settings, a school holiday, its removal, and the working-day
calculator (a GET form)."""

from django import forms

from uplift.casework.calendar.selectors import MAX_CALCULATOR_DAYS
from uplift.casework.calendar.services import MAX_PERIOD, MIN_PERIOD, NAME_MAX_LENGTH
from uplift.core.forms import DateField, reason_field


def _period_field(label: str, help_text: str) -> forms.IntegerField:
    what = label[:1].lower() + label[1:]
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        min_value=MIN_PERIOD,
        max_value=MAX_PERIOD,
        error_messages={
            "required": f"Enter the {what}",
            "invalid": f"The {what} must be a whole number of working days",
            "min_value": f"The {what} must be from {MIN_PERIOD} to {MAX_PERIOD} working days",
            "max_value": f"The {what} must be from {MIN_PERIOD} to {MAX_PERIOD} working days",
        },
    )


class SettingsForm(forms.Form):
    compliance_working_days = _period_field(
        "Compliance period of a warning notice",
        f"In working days, {MIN_PERIOD} to {MAX_PERIOD}: the default when a notice is issued.",
    )
    action_plan_working_days = _period_field(
        "Time to send an action plan",
        f"In working days, {MIN_PERIOD} to {MAX_PERIOD}: the default at pre-warning.",
    )
    reason = reason_field()


class HolidayForm(forms.Form):
    name = forms.CharField(
        label="Name",
        help_text="For example, Christmas holiday 2026",
        max_length=NAME_MAX_LENGTH,
        error_messages={
            "required": "Enter the name of the holiday",
            "max_length": f"The name must be {NAME_MAX_LENGTH} characters or fewer",
        },
    )
    starts_on = DateField(
        what="the first day of the holiday", label="First day", help_text="For example, 21 12 2026"
    )
    ends_on = DateField(
        what="the last day of the holiday", label="Last day", help_text="For example, 1 1 2027"
    )
    reason = reason_field()


class RemoveHolidayForm(forms.Form):
    reason = reason_field()


class CalculatorForm(forms.Form):
    start = DateField(
        what="the date the period starts from",
        label="From",
        help_text="The day a notice is issued, for example 18 12 2026. It never counts itself.",
    )
    days = forms.IntegerField(
        label="Number of working days",
        min_value=1,
        max_value=MAX_CALCULATOR_DAYS,
        error_messages={
            "required": "Enter the number of working days",
            "invalid": "The number of working days must be a whole number",
            "min_value": f"The number of working days must be from 1 to {MAX_CALCULATOR_DAYS}",
            "max_value": f"The number of working days must be from 1 to {MAX_CALCULATOR_DAYS}",
        },
    )
