"""Forms of the fund pages: amounts are typed in pounds and kept in pence."""

from django import forms
from django.core.exceptions import ValidationError

from uplift.core.errors import Refused
from uplift.core.forms import DateField, reason_field
from uplift.funds.models import OwnerKind, Source
from uplift.funds.money import parse_pounds


class PoundsField(forms.CharField):
    """An amount typed in pounds ("2,500.00"), cleaned to integer pence."""

    def __init__(self, *, what: str, **kwargs):
        self.what = what
        kwargs.setdefault("error_messages", {"required": f"Enter {what}"})
        super().__init__(max_length=20, **kwargs)

    def clean(self, value):
        text = super().clean(value)
        if not text and not self.required:
            return None
        try:
            return parse_pounds(text, what=self.what)
        except Refused as refused:
            raise ValidationError(str(refused)) from None


class EntryForm(forms.Form):
    amount = PoundsField(label="Amount in pounds", what="the amount")
    dated = DateField(what="the date of the entry", help_text="For example, 1 6 2026")
    description = forms.CharField(
        label="What the money is for",
        max_length=300,
        error_messages={"required": "Enter what the money is for"},
    )
    urn = forms.IntegerField(
        label="School's URN (optional)",
        required=False,
        min_value=1,
        help_text="The school that contributes, or that the money is for",
    )
    ring_fence = forms.ModelChoiceField(
        label="Ring-fence", queryset=None, required=False, empty_label="Not ring-fenced"
    )
    reason = reason_field()

    def __init__(self, *args, fund, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ring_fence"].queryset = fund.ring_fences.all()
        if not fund.ring_fences.exists():
            del self.fields["ring_fence"]


class FundEditForm(forms.Form):
    """What an officer may change of a fund once it is set up."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(
        label="Name", max_length=160, error_messages={"required": "Enter the fund's name"}
    )
    owner_name = forms.CharField(
        label="Who holds the fund",
        max_length=160,
        help_text="For example, the council or the partnership's name",
        error_messages={"required": "Enter who holds the fund"},
    )
    owner_kind = forms.ChoiceField(
        label="Kind of owner",
        choices=[("", "Choose"), *OwnerKind.choices],
        error_messages={"required": "Choose who owns the fund"},
    )
    source = forms.ChoiceField(
        label="Where the money comes from",
        choices=[("", "Choose"), *Source.choices],
        error_messages={"required": "Choose where the money comes from"},
    )
    source_note = forms.CharField(
        label="Note on the source (optional)",
        max_length=300,
        required=False,
        help_text="For example, when the Schools Forum agreed the top-slice",
    )
    reason = reason_field()


class FundForm(FundEditForm):
    """Setting up a fund: also its financial year and its ring-fences."""

    financial_year = forms.CharField(
        label="Financial year",
        max_length=7,
        help_text="April to March, for example 2026-27",
        error_messages={"required": "Enter the financial year"},
    )
    ring_fences = forms.CharField(
        label="Ring-fences (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One a line, for example Primary and Secondary",
    )
    field_order = [
        "name",
        "owner_name",
        "owner_kind",
        "source",
        "source_note",
        "financial_year",
        "ring_fences",
        "reason",
    ]
