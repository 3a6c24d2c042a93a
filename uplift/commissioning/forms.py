"""Forms of the commissioning pages."""

from django import forms

from uplift.commissioning.models import Rag, SubscriptionStatus
from uplift.core.forms import DateField, reason_field
from uplift.funds.forms import PoundsField


def _textarea(label: str, *, rows: int = 5, required: bool = True, help_text: str = ""):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter {label[:1].lower()}{label[1:]}"},
    )


class ReportSectionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    rag = forms.ChoiceField(
        label="RAG rating",
        choices=[("", "Choose a rating"), *Rag.choices],
        error_messages={"required": "Choose a RAG rating"},
    )
    evidence = _textarea("The evidence", rows=8)


class ApplicationForm(forms.Form):
    amount = PoundsField(label="Amount asked for, in pounds", what="the amount asked for")
    purpose = forms.CharField(
        label="What the money is for",
        max_length=300,
        error_messages={"required": "Enter what the money is for"},
    )
    statement = _textarea(
        "How the school meets the criteria", rows=8, help_text="Take each criterion in turn."
    )


class AssessmentForm(forms.Form):
    """One 'met' box and note per criterion, then award (with an amount) or decline."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("", "Choose a decision"), ("award", "Award"), ("decline", "Do not award")],
        error_messages={"required": "Choose whether to award the grant"},
    )
    amount = PoundsField(label="Amount to award, in pounds", what="the amount", required=False)
    reason = reason_field()

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for n, criterion in enumerate(self.criteria):
            self.fields[f"met_{n}"] = forms.BooleanField(label=f"Met: {criterion}", required=False)
            self.fields[f"note_{n}"] = forms.CharField(
                label=f"Note on: {criterion}", required=False, max_length=1000
            )

    def rows(self):
        return [(self[f"met_{n}"], self[f"note_{n}"]) for n in range(len(self.criteria))]

    def assessment(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {"criterion": c, "met": data[f"met_{n}"], "note": data[f"note_{n}"]}
            for n, c in enumerate(self.criteria)
        ]


class SubscriptionForm(forms.Form):
    urn = forms.IntegerField(
        label="School's URN", min_value=1, error_messages={"required": "Enter the school's URN"}
    )
    status = forms.ChoiceField(
        label="Status",
        choices=[("", "Choose"), *SubscriptionStatus.choices],
        error_messages={"required": "Choose offered, bought or declined"},
    )
    package = forms.ModelChoiceField(
        label="Package", queryset=None, required=False, empty_label="No package"
    )
    price = PoundsField(
        label="Price in pounds (optional)",
        what="the price",
        required=False,
        help_text="Leave blank for the package's price",
    )
    reason = reason_field()

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["package"].queryset = service.packages.all()


class ConditionForm(forms.Form):
    text = forms.CharField(
        label="Condition",
        max_length=300,
        error_messages={"required": "Enter the condition"},
    )
    reason = reason_field()


class ClaimForm(forms.Form):
    amount = PoundsField(label="Amount claimed, in pounds", what="the amount claimed")
    evidence = _textarea(
        "The evidence",
        rows=8,
        help_text="What was spent, with invoices or receipts, and how each condition is met.",
    )


class ClaimDecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label="Decision",
        choices=[
            ("", "Choose a decision"),
            ("approve", "Approve and pay"),
            ("refuse", "Do not approve"),
        ],
        error_messages={"required": "Choose whether to approve the claim"},
    )
    reason = reason_field()


class TrainingForm(forms.Form):
    urn = forms.IntegerField(
        label="School's URN", min_value=1, error_messages={"required": "Enter the school's URN"}
    )
    course = forms.CharField(
        label="Course", max_length=200, error_messages={"required": "Enter the course's name"}
    )
    held_on = DateField(what="the date of the course", help_text="For example, 12 11 2026")
    places = forms.IntegerField(
        label="Places taken",
        min_value=1,
        max_value=100,
        error_messages={"required": "Enter how many places the school took"},
    )
    reason = reason_field()
