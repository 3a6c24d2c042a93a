"""The impact page's form: which outcome measures judge a piece of support."""

from django import forms

from uplift.impact.measures import choices


class MeasuresForm(forms.Form):
    measures = forms.MultipleChoiceField(
        label="Measures this support is judged by",
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one measure"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
