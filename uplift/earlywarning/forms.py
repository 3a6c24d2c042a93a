"""The review form: agree or dismiss, the reason, and how many reviews the officer saw."""

from django import forms

from uplift.earlywarning.models import ReviewDecision
from uplift.earlywarning.reviews import REASON_MAX_LENGTH


class ReviewForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    decision = forms.ChoiceField(
        label="Your review of the flag",
        widget=forms.RadioSelect,
        choices=[
            (ReviewDecision.AGREE, "Agree: the school needs our attention"),
            (ReviewDecision.DISMISS, "Dismiss the flag: we know the school is not at risk"),
        ],
        error_messages={"required": "Choose whether you agree with the flag or dismiss it"},
    )
    reason = forms.CharField(
        label="Reason",
        help_text="What you know that the data does not: visits, conversations, recent results.",
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Enter the reason for your decision",
            "max_length": f"The reason must be {REASON_MAX_LENGTH} characters or fewer",
        },
    )
