"""The survey form: one set of radios per question of the survey, and comments."""

from django import forms

from uplift.feedback.questions import SCALE


class SurveyForm(forms.Form):
    comments = forms.CharField(
        label="Anything else you would like to tell us (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"q_{question['key']}"] = forms.TypedChoiceField(
                label=question["text"],
                choices=SCALE,
                coerce=int,
                error_messages={"required": f"Choose how far you agree: {question['text']}"},
            )

    def ratings(self) -> dict[str, int]:
        return {q["key"]: self.cleaned_data[f"q_{q['key']}"] for q in self.questions}

    def rating_fields(self):
        return [self[f"q_{q['key']}"] for q in self.questions]
