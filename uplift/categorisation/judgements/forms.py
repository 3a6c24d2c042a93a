"""The judgement form: a level on the criterion's scale, the evidence and the date it was
made (GOV.UK date input, today by default), with the number of judgements the officer saw."""

from django import forms
from django.utils import timezone

from uplift.core.forms import DateField

EVIDENCE_MAX_LENGTH = 5000


class JudgementForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    value = forms.ChoiceField(
        label="Judgement", widget=forms.RadioSelect, error_messages={"required": ""}
    )
    evidence = forms.CharField(
        label="Evidence",
        help_text="What the judgement rests on: visits, the school's own evaluation, data.",
        max_length=EVIDENCE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Enter the evidence for the judgement",
            "max_length": f"The evidence must be {EVIDENCE_MAX_LENGTH} characters or fewer",
        },
    )
    judged_on = DateField(
        what="the date of the judgement",
        label="Date of the judgement",
        help_text="For example, 27 3 2026",
    )

    def __init__(self, *args, criterion, version: int, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"] = {"version": version, "judged_on": timezone.localdate()} | kwargs[
            "initial"
        ]
        super().__init__(*args, **kwargs)
        field = self.fields["value"]
        field.choices = [(level, level[:1].upper() + level[1:]) for level in criterion.levels]
        field.label = f"Your judgement of {criterion.label.lower()}"
        field.error_messages["required"] = f"Choose your judgement of {criterion.label.lower()}"
