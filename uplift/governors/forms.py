"""Forms of the governor services pages. Each asks plainly and says what is wrong."""

from django import forms

from uplift.core.forms import DateField, reason_field
from uplift.governors.models import (
    STATUTORY,
    BodyKind,
    Category,
    GovernorRole,
    Rating,
    ReviewKind,
    TrainingKind,
)


class OptionalDateField(DateField):
    """A date that may be left blank (all three boxes empty)."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def compress(self, values):
        if not any((value or "").strip() for value in values or []):
            return None
        return super().compress(values)


PLACE_CATEGORIES = [(c, label) for c, label in Category.choices if c not in STATUTORY]


class BodyForm(forms.Form):
    """The body's kind, clerk and constitution: a number of places per category."""

    kind = forms.ChoiceField(label="Kind of body", choices=BodyKind.choices)
    clerk = forms.CharField(label="Clerk", max_length=200, required=False)
    clerked_by_la = forms.BooleanField(label="Clerked by the LA's clerking service", required=False)
    instrument_dated = OptionalDateField(
        what="the date of the instrument of government",
        label="Date of the instrument of government",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, needs_reason: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for category, label in PLACE_CATEGORIES:
            self.fields[f"places_{category}"] = forms.IntegerField(
                label=f"{label} places",
                min_value=0,
                max_value=30,
                required=False,
                error_messages={"min_value": "Enter 0 or more places"},
            )
        if needs_reason:
            self.fields["reason"] = reason_field()

    def place_fields(self):
        return [self[f"places_{category}"] for category, _ in PLACE_CATEGORIES]

    def places(self) -> dict[str, int]:
        return {
            category: self.cleaned_data.get(f"places_{category}") or 0
            for category, _ in PLACE_CATEGORIES
        }


class GovernorForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the governor's name"}
    )
    category = forms.ChoiceField(label="Category", choices=Category.choices)
    role = forms.ChoiceField(label="Role", choices=GovernorRole.choices, initial="member")
    appointed_by = forms.CharField(
        label="Appointed or elected by",
        max_length=200,
        help_text="For example: the parents, the governing body, the local authority, the diocese.",
        error_messages={"required": "Enter who appointed the governor"},
    )
    starts_on = DateField(what="the date the term starts", label="Term starts")
    term_ends_on = DateField(what="the date the term ends", label="Term ends")
    dbs_checked_on = OptionalDateField(what="the date of the DBS check", label="DBS check")
    appointment = forms.CharField(
        label="Appointment under the LA's powers",
        help_text="For an additional governor (s.64) or IEB member (s.65): the decision.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class LeaveForm(forms.Form):
    left_on = DateField(what="the date the governor left", label="Date left")
    reason = reason_field()


class TrainingForm(forms.Form):
    title = forms.CharField(
        label="Session", max_length=200, error_messages={"required": "Enter the session's title"}
    )
    kind = forms.ChoiceField(label="Kind of training", choices=TrainingKind.choices)
    held_on = DateField(what="the date of the session", label="Date of the session")
    governors = forms.ModelMultipleChoiceField(
        label="Who attended",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose who attended"},
    )

    def __init__(self, *args, governors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["governors"].queryset = governors
        self.fields["governors"].label_from_instance = lambda g: g.name


class ReviewForm(forms.Form):
    kind = forms.ChoiceField(label="Kind of review", choices=ReviewKind.choices)
    reviewed_on = DateField(what="the date of the review", label="Date of the review")
    rating = forms.ChoiceField(label="Rating", choices=Rating.choices, required=False)
    evidence = forms.CharField(
        label="Evidence and notes",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the evidence or notes of the review"},
    )
