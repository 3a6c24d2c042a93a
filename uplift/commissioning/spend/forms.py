"""The form for paying for a deployment or a casework action from a fund."""

from django import forms

from uplift.core.forms import reason_field
from uplift.funds.forms import PoundsField
from uplift.funds.models import RingFence


class DrawForm(forms.Form):
    fund = forms.ModelChoiceField(
        label="Fund",
        queryset=None,
        empty_label="Choose a fund",
        error_messages={"required": "Choose the fund that pays"},
    )
    ring_fence = forms.ModelChoiceField(
        label="Ring-fence (if the fund has them)",
        queryset=None,
        required=False,
        empty_label="Not ring-fenced",
    )
    amount = PoundsField(label="Amount in pounds", what="the amount")
    reason = reason_field()

    def __init__(self, *args, funds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = funds
        self.fields["fund"].label_from_instance = lambda fund: f"{fund.name} {fund.financial_year}"
        fences = RingFence.objects.filter(fund__in=funds).select_related("fund")
        self.fields["ring_fence"].queryset = fences
        self.fields["ring_fence"].label_from_instance = lambda fence: (
            f"{fence.fund.name} {fence.fund.financial_year}: {fence.name}"
        )
