"""Forms of the case pages. Those that change a case carry the version the user saw, so a
step taken from a stale page is refused. Dates use GOV.UK's day, month and year boxes."""

from django import forms
from django.core.exceptions import ValidationError

from uplift.casework.cases.steps import MOVE_TARGETS
from uplift.casework.models import (
    Compliance,
    Ground,
    NoticeRoute,
    Power,
    Stage,
    StructuralKind,
)
from uplift.core.forms import DateField

TEXT_MAX_LENGTH = 4000


class OptionalDateField(DateField):
    """A date that may be left blank (all three boxes empty)."""

    def __init__(self, *, what: str, **kwargs):
        super().__init__(what=what, required=False, **kwargs)

    def compress(self, values):
        if not values or not any((value or "").strip() for value in values):
            return None
        return super().compress(values)


def _text(label: str, missing: str, *, rows: int = 3, required: bool = True, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": missing,
            "max_length": f"Keep it to {TEXT_MAX_LENGTH} characters or fewer",
        },
    )


def _date(label: str, what: str, help_text: str = "For example 27 3 2026") -> DateField:
    return DateField(label=label, what=what, help_text=help_text)


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class FindSchoolForm(forms.Form):
    urn = forms.IntegerField(
        label="URN of the school",
        min_value=100000,
        max_value=999999,
        error_messages={
            "required": "Enter the school's URN",
            "invalid": "Enter the URN as 6 digits",
            "min_value": "Enter the URN as 6 digits",
            "max_value": "Enter the URN as 6 digits",
        },
    )


class OpenCaseForm(forms.Form):
    opened_on = _date("Date the concern was raised", "the date the concern was raised")
    reason = _text("Why the school causes concern", "Enter the reason for opening the case")


class MoveForm(VersionedForm):
    to_stage = forms.ChoiceField(
        label="Move the case to",
        choices=[("", "Choose the stage")] + [(s.value, s.label) for s in MOVE_TARGETS],
        error_messages={"required": "Choose the stage to move the case to"},
    )
    on = _date("Date of the move", "the date of the move")
    action_plan_due_on = OptionalDateField(
        label="Action plan due on",
        what="the date the action plan is due",
        help_text="For pre-warning: the date the school's action plan is due",
    )
    reason = _text("Reason for the move", "Enter the reason for the move")

    def __init__(self, *args, stage: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if stage in Stage.values:
            self.fields["to_stage"].initial = stage


class WarningNoticeForm(VersionedForm):
    route = forms.ChoiceField(
        label="Route",
        choices=NoticeRoute.choices,
        initial=NoticeRoute.PERFORMANCE,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the route of the notice"},
    )
    grounds = forms.MultipleChoiceField(
        label="Grounds (s.60(2))",
        help_text="A notice on the s.60 route states at least one",
        choices=Ground.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    issued_on = _date("Date issued", "the date the notice was issued")
    compliance_working_days = forms.IntegerField(
        label="Compliance period, in working days",
        help_text="Leave blank for the LA's default",
        required=False,
        min_value=1,
        max_value=365,
        error_messages={
            "invalid": "Enter the compliance period as a whole number of working days",
            "min_value": "The compliance period must be at least 1 working day",
            "max_value": "The compliance period must be 365 working days or fewer",
        },
    )
    reason = _text("Notes", "", required=False)


class DfeCopyForm(forms.Form):
    copied_on = _date("Date copied to DfE", "the date the notice was copied to DfE")


class ComplianceForm(forms.Form):
    compliance = forms.ChoiceField(
        label="Did the governing body comply?",
        choices=[(Compliance.COMPLIED, "Complied"), (Compliance.NOT_COMPLIED, "Not complied")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the governing body complied"},
    )
    decided_on = _date("Date of the decision", "the date of the decision")
    notes = _text("What the decision rests on", "Enter what the decision rests on")


class IntentionForm(VersionedForm):
    given_on = _date("Date the notice of intention was given", "the date it was given")
    reason = _text("Notes", "Enter a note of the notice of intention")


class PowerForm(VersionedForm):
    power = forms.ChoiceField(
        label="Power",
        choices=[("", "Choose the power")] + list(Power.choices),
        error_messages={"required": "Choose the power used"},
    )
    used_on = _date("Date used", "the date the power was used")
    details = _text("What was done", "Enter what was done")
    sos_consent_on = OptionalDateField(
        label="Secretary of State's consent given on",
        what="the date of the Secretary of State's consent",
        help_text="Needed for an interim executive board (s.65)",
    )
    consulted_on = OptionalDateField(
        label="Governing body consulted on", what="the date the governing body was consulted"
    )
    dfe_notified_on = OptionalDateField(
        label="DfE told on", what="the date DfE was told", help_text="Or record it later"
    )

    def __init__(self, *args, power: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if power in Power.values:
            self.fields["power"].initial = power


class PowerDfeForm(forms.Form):
    notified_on = _date("Date DfE was told", "the date DfE was told")


class StructuralForm(VersionedForm):
    kind = forms.ChoiceField(
        label="Kind",
        choices=[("", "Choose the kind")] + list(StructuralKind.choices),
        error_messages={"required": "Choose the kind of structural solution"},
    )
    decided_on = _date("Date decided", "the date it was decided")
    academy_order_on = OptionalDateField(
        label="Academy order made on", what="the date of the academy order"
    )
    expected_on = OptionalDateField(
        label="Expected to take effect on", what="the date it is expected to take effect"
    )
    completed_on = OptionalDateField(label="Completed on", what="the date it was completed")
    details = _text("Details", "", required=False)


class CloseForm(VersionedForm):
    closed_on = _date("Date closed", "the date the case closed")
    reason = _text("Reason for closing", "Enter the reason the case closes")

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError("Enter the reason the case closes")
        return reason
