"""Forms of the pages that set up a partnership: creating it, its terms of reference, members,
schools, seats, appointments, its role in a round, a fund it holds, and the LA's operating
model."""

from django import forms

from uplift.core.forms import DateField, reason_field
from uplift.partnerships.models import Constituency, Kind, MemberKind, Quorum
from uplift.partnerships.operating_models import PRESETS


def _terms_fields(form):
    form.fields["terms_of_reference"] = forms.CharField(
        label="Terms of reference",
        help_text="What the partnership is for and how it works.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    form.fields["quorum"] = forms.ChoiceField(
        label="Quorum", choices=Quorum.choices, widget=forms.RadioSelect
    )
    form.fields["quorum_number"] = forms.IntegerField(
        label="Number of voting members for a fixed quorum", min_value=1, required=False
    )
    form.fields["chair_has_casting_vote"] = forms.BooleanField(
        label="The chair has a casting vote on a tie", required=False
    )


class PartnershipForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the partnership's name"}
    )
    kind = forms.ChoiceField(label="Kind of partnership", choices=Kind.choices)
    la = forms.ModelChoiceField(label="Local authority", queryset=None, empty_label=None)

    def __init__(self, *args, las, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["la"].queryset = las
        self.fields["la"].label_from_instance = lambda la: la.name
        _terms_fields(self)


class TermsForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _terms_fields(self)
        self.fields["reason"] = reason_field()


class MemberForm(forms.Form):
    kind = forms.ChoiceField(label="Kind of member", choices=MemberKind.choices)
    urn = forms.IntegerField(
        label="URN of the school or setting",
        help_text="For a school or setting only.",
        required=False,
    )
    name = forms.CharField(
        label="Name", help_text="For any other member.", max_length=200, required=False
    )
    joined_on = DateField(what="the date the member joined", label="Joined")


class SchoolsForm(forms.Form):
    urns = forms.CharField(
        label="URNs of the schools",
        help_text="One or more, separated by spaces or commas.",
        error_messages={"required": "Enter at least one URN"},
    )
    starts_on = DateField(what="the date the responsibility starts", label="Responsible from")
    reason = reason_field()

    def clean_urns(self):
        text = self.cleaned_data["urns"].replace(",", " ")
        parts = text.split()
        if not all(part.isdigit() for part in parts):
            raise forms.ValidationError("Enter URNs as numbers, like 117001")
        return [int(part) for part in parts]


class SeatForm(forms.Form):
    name = forms.CharField(
        label="Seat", max_length=120, error_messages={"required": "Enter the seat's name"}
    )
    constituency = forms.ChoiceField(label="Constituency", choices=Constituency.choices)
    voting = forms.BooleanField(label="The seat has a vote", required=False, initial=True)
    chairs = forms.BooleanField(label="The chair's seat", required=False)
    term_months = forms.IntegerField(
        label="Term of office in months", min_value=1, max_value=120, initial=36
    )


class AppointForm(forms.Form):
    person = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the person's name"}
    )
    user = forms.ModelChoiceField(
        label="Their Uplift account, to see what the partnership is responsible for",
        queryset=None,
        required=False,
        empty_label="No account",
    )
    starts_on = DateField(what="the date the term starts", label="Term starts")

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
        self.fields["user"].label_from_instance = lambda user: (
            user.get_full_name().strip() or "A user without a name"
        )


class RoundRoleForm(forms.Form):
    round = forms.ModelChoiceField(
        label="Round whose categories the partnership agrees", queryset=None
    )
    reason = reason_field()

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        self.fields["round"].label_from_instance = lambda round_: f"Round {round_.code}"


class FundForm(forms.Form):
    fund = forms.ModelChoiceField(label="Fund the partnership holds", queryset=None)
    since = DateField(what="the date it holds the fund from", label="Holds it from")
    reason = reason_field()

    def __init__(self, *args, funds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = funds
        self.fields["fund"].label_from_instance = lambda fund: f"{fund.name} {fund.financial_year}"


class OperatingModelForm(forms.Form):
    preset = forms.ChoiceField(
        label="Operating model",
        choices=[(key, preset.label) for key, preset in PRESETS.items()],
        widget=forms.RadioSelect,
    )
    lead_partnership = forms.ModelChoiceField(
        label="The partnership that takes the partnership's roles",
        queryset=None,
        required=False,
        empty_label="No partnership",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = reason_field()

    def __init__(self, *args, partnerships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_partnership"].queryset = partnerships
        self.fields["lead_partnership"].empty_label = "No partnership"
