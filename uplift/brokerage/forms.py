"""Forms of the school-to-school support pages. The services check the rules; the forms only
read what people type (dates as GOV.UK day, month and year boxes)."""

from django import forms

from uplift.brokerage.models import (
    CheckOutcome,
    DesignationKind,
    Funding,
    Impact,
    OrganisationKind,
    RaisedFrom,
)
from uplift.brokerage.specialisms import specialism_choices
from uplift.core.forms import DateField
from uplift.schools.models import PhaseGroup

EXAMPLE = "For example, 27 3 2027"


def _date(label, what, required=True):
    return DateField(what=what, label=label, help_text=EXAMPLE, required=required)


def _text(label, missing, rows=4, required=True):
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": missing},
    )


def _areas(label):
    return forms.MultipleChoiceField(
        label=label,
        choices=specialism_choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one area"},
    )


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RequestForm(forms.Form):
    raised_from = forms.ChoiceField(
        label="Where the request comes from", choices=RaisedFrom.choices
    )
    case = forms.ModelChoiceField(
        label="Concern case", queryset=None, required=False, empty_label="Not from a case"
    )
    areas = _areas("Areas the school needs help with")
    days = forms.IntegerField(label="Days of support", min_value=1, max_value=100)
    needed_by = _date("Needed by", "the date support is needed by")
    funding = forms.ChoiceField(label="Funded by", choices=Funding.choices)
    details = _text("What the school needs", "", required=False)

    def __init__(self, *args, cases, head=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases
        if head:
            del self.fields["raised_from"]
            del self.fields["case"]


class AgreeForm(VersionForm):
    leader = forms.TypedChoiceField(label="Leader", coerce=int, choices=())
    days_planned = forms.IntegerField(label="Days planned", min_value=1, max_value=100)
    objective = _text("Objective", "Enter at least one objective", rows=3)
    plan_objective = forms.ModelChoiceField(
        label="Objective of the school's action plan it serves",
        queryset=None,
        required=False,
        empty_label="Not linked to the plan",
    )
    school_agreed_on = _date("The school agreed on", "the date the school agreed")
    supporter_agreed_on = _date("The supporting organisation agreed on", "the date it agreed")
    la_agreed_on = _date("The LA agreed on", "the date the LA agreed")
    starts_on = _date("Starts on", "the date support starts")
    review_on = _date("Review on", "the date of the review")
    ends_on = _date("Ends on", "the date support ends")

    def __init__(self, *args, leaders, plan_objectives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].choices = [(ld.pk, ld.name) for ld in leaders]
        self.fields["plan_objective"].queryset = plan_objectives


class SessionForm(forms.Form):
    held_on = _date("Held on", "the day of the session")
    days = forms.DecimalField(label="Length in days", min_value=0.5, max_value=5, decimal_places=1)
    focus = forms.CharField(label="Focus", max_length=200)
    notes = _text("Notes shared with the school", "Enter the notes of the session", rows=8)


class CommentForm(VersionForm):
    comment = _text("Your comment", "Enter your comment")


class ReviewForm(VersionForm):
    reviewed_on = _date("Reviewed on", "the date of the review")
    impact = forms.ChoiceField(label="Impact", choices=Impact.choices)
    summary = _text("What the review found", "Enter what the review found")


class ExitForm(VersionForm):
    exited_on = _date("Ended on", "the date support ended")
    completed = forms.TypedChoiceField(
        label="How it ended",
        coerce=lambda v: v == "yes",
        choices=[("yes", "Completed"), ("no", "Ended early")],
    )
    summary = _text("Exit plan", "Enter the exit plan")


class OrganisationForm(forms.Form):
    kind = forms.ChoiceField(label="Kind", choices=OrganisationKind.choices)
    urn = forms.IntegerField(label="URN (for a school)", required=False)
    name = forms.CharField(label="Name (a school's is taken from the register)", required=False)
    postcode = forms.CharField(label="Postcode", required=False, max_length=10)
    contact_name = forms.CharField(label="Contact name", required=False, max_length=120)
    contact_email = forms.EmailField(label="Contact email", required=False)


class CheckForm(forms.Form):
    checked_on = _date("Checked on", "the date of the check")
    what = forms.CharField(label="What was checked", max_length=200)
    outcome = forms.ChoiceField(label="Outcome", choices=CheckOutcome.choices)
    notes = _text("Notes", "", required=False)


class LeaderForm(forms.Form):
    name = forms.CharField(label="Name", max_length=120)
    email = forms.EmailField(label="Email", required=False)
    phases = forms.MultipleChoiceField(
        label="Phases", choices=PhaseGroup.choices, widget=forms.CheckboxSelectMultiple
    )
    specialisms = _areas("Specialisms")
    days_per_term = forms.IntegerField(label="Days available each term", min_value=0, max_value=65)
    kind = forms.ChoiceField(label="Designation", choices=DesignationKind.choices)
    scheme = forms.CharField(label="Local scheme (if any)", required=False, max_length=120)
    designated_by = forms.CharField(label="Designating body", max_length=120)
    starts_on = _date("Designated from", "the date the designation starts")


class CreditsForm(forms.Form):
    credits = forms.IntegerField(label="Credits (negative to take away)")
    occurred_on = _date("On", "the date of the change")
    reason = forms.CharField(label="Reason", max_length=240)


class ShapedSessionForm(forms.Form):
    booked_for = _date("Day of the session", "the day of the session")
    focus_area = forms.ChoiceField(label="Area", choices=specialism_choices)
    focus = _text("What the session should focus on", "Enter what the session should focus on")


class PracticeSearchForm(forms.Form):
    area = forms.ChoiceField(
        label="Area", required=False, choices=lambda: [("", "Any area"), *specialism_choices()]
    )
    phase = forms.ChoiceField(
        label="Phase", required=False, choices=[("", "Any phase"), *PhaseGroup.choices]
    )
    text = forms.CharField(label="Words", required=False, max_length=100)


class PracticeForm(forms.Form):
    area = forms.ChoiceField(label="Area", choices=specialism_choices)
    phase = forms.ChoiceField(label="Phase", choices=PhaseGroup.choices)
    title = forms.CharField(label="Title", max_length=200)
    summary = _text("What the practice is", "Enter what the practice is")
    evidence = _text("The evidence that it works", "Enter the evidence that it works")
    contact_name = forms.CharField(label="Who to contact", max_length=120)
    contact_email = forms.EmailField(label="Their email address")
