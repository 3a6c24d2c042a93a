"""Forms of the setup pages: providers, grant schemes, traded services and packages. Each
edit form carries the version it showed; amounts are typed in pounds."""

from django import forms

from uplift.commissioning.models import ProviderKind
from uplift.core.forms import DateField, reason_field
from uplift.funds.forms import PoundsField


def _text(label, *, rows=4, required=False, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter {label[:1].lower()}{label[1:]}"},
    )


class OptionalDateField(DateField):
    """A date that may be left blank (None)."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def compress(self, values):
        if not any((value or "").strip() for value in values or []):
            return None
        return super().compress(values)


class ProviderForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(
        label="Name", max_length=160, error_messages={"required": "Enter the provider's name"}
    )
    kind = forms.ChoiceField(
        label="Kind of provider",
        choices=[("", "Choose"), *ProviderKind.choices],
        error_messages={"required": "Choose what kind of provider this is"},
    )
    approved = forms.BooleanField(label="On the approved-provider list", required=False)
    due_diligence_on = OptionalDateField(
        what="when due diligence was done", help_text="For example, 1 3 2026"
    )
    due_diligence_due = OptionalDateField(
        what="when due diligence is next due", help_text="For example, 1 3 2027"
    )
    reason = reason_field()


class SchemeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(
        label="Name", max_length=160, error_messages={"required": "Enter the scheme's name"}
    )
    description = _text("Description (optional)")
    criteria = _text(
        "Criteria", rows=5, required=True, help_text="One a line: what a school must meet"
    )
    max_award = PoundsField(label="Largest award, in pounds", what="the largest award")
    closes_on = DateField(what="the closing date", help_text="For example, 31 1 2027")
    conditions = _text(
        "Conditions of a grant (optional)",
        help_text="One a line: attached to every award and printed on the offer letter",
    )
    reason = reason_field()


class SchemeNewForm(SchemeForm):
    fund = forms.ModelChoiceField(
        label="Fund it draws on",
        queryset=None,
        empty_label="Choose a fund",
        error_messages={"required": "Choose the fund the awards are paid from"},
    )
    field_order = ["fund"]

    def __init__(self, *args, funds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = funds
        self.fields["fund"].label_from_instance = lambda fund: f"{fund.name} {fund.financial_year}"


class ServiceForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(
        label="Name", max_length=160, error_messages={"required": "Enter the service's name"}
    )
    description = _text("Description (optional)")
    reason = reason_field()


class PackageForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(
        label="Package", max_length=60, error_messages={"required": "Enter the package's name"}
    )
    level = forms.IntegerField(
        label="Level",
        min_value=1,
        max_value=20,
        help_text="Higher includes more: bronze 1, silver 2, gold 3",
        error_messages={"required": "Enter the package's level"},
    )
    price = PoundsField(label="Price for a year, in pounds", what="the price")
    adviser_sessions = forms.IntegerField(
        label="Adviser sessions included", min_value=0, max_value=100, initial=0
    )
    training_places = forms.IntegerField(
        label="Training places included", min_value=0, max_value=100, initial=0
    )
    helpline = forms.BooleanField(label="Includes the helpline", required=False)
    clerking = forms.BooleanField(label="Includes clerking", required=False)
    other = forms.CharField(label="Also includes (optional)", max_length=300, required=False)
    reason = reason_field()

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "level": data["level"],
            "price_pence": data["price"],
            "adviser_sessions": data["adviser_sessions"] or 0,
            "training_places": data["training_places"] or 0,
            "helpline": data["helpline"],
            "clerking": data["clerking"],
            "other": data["other"],
        }


class ServiceNewForm(ServiceForm, PackageForm):
    """A new service with its first package (more are added on the service's page)."""

    name = forms.CharField(
        label="Service", max_length=160, error_messages={"required": "Enter the service's name"}
    )
    package_name = forms.CharField(
        label="First package",
        max_length=60,
        help_text="For example, Bronze",
        error_messages={"required": "Enter the first package's name"},
    )
    field_order = ["name", "description", "package_name", "level", "price"]

    def values(self) -> dict:
        return super().values() | {"name": self.cleaned_data["package_name"]}
