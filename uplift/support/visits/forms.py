"""Forms of the visit pages. Each step of a visit carries the version of the visit the user
saw, so that a step taken from a stale page is refused."""

from django import forms

from uplift.core.forms import DateField, reason_field

PURPOSE_MAX = 200
COMMENT_MAX = 10_000
EXTRA_TEMPLATE_SECTIONS = 3  # blank rows for new headings (no JavaScript needed)


def _textarea(label: str, *, rows: int = 5, required: bool = False, help_text: str = ""):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ChooseSchoolForm(forms.Form):
    urn = forms.IntegerField(
        label="School's URN",
        min_value=1,
        help_text="The unique reference number of the school to visit, for example 117001",
        error_messages={"required": "Enter the school's URN", "invalid": "Enter a URN in digits"},
    )


class ScheduleVisitForm(forms.Form):
    adviser = forms.ModelChoiceField(
        label="Adviser",
        queryset=None,
        empty_label="Choose the adviser",
        error_messages={"required": "Choose the adviser who will make the visit"},
    )
    scheduled_for = DateField(what="the date of the visit", help_text="For example, 14 10 2026")
    purpose = forms.CharField(
        label="Purpose of the visit",
        max_length=PURPOSE_MAX,
        error_messages={
            "required": "Enter the purpose of the visit",
            "max_length": f"The purpose must be {PURPOSE_MAX} characters or fewer",
        },
    )

    def __init__(self, *args, advisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adviser"].queryset = advisers
        self.fields["adviser"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )


class NoteForm(VersionedForm):
    """One text box per heading of the note (section_0, section_1, ...)."""

    def __init__(self, *args, headings, prompts, **kwargs):
        super().__init__(*args, **kwargs)
        self.headings = list(headings)
        for index, heading in enumerate(self.headings):
            self.fields[f"section_{index}"] = _textarea(
                heading, rows=6, help_text=prompts.get(heading, "")
            )

    def sections(self) -> list[dict]:
        return [
            {"heading": heading, "text": self.cleaned_data.get(f"section_{index}", "")}
            for index, heading in enumerate(self.headings)
        ]

    def section_fields(self):
        return [self[f"section_{index}"] for index in range(len(self.headings))]


class CommentForm(VersionedForm):
    comment = forms.CharField(
        label="Your comment on the note",
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="The adviser finalises the note after your comment.",
        error_messages={
            "required": "Enter your comment on the note",
            "max_length": f"The comment must be {COMMENT_MAX} characters or fewer",
        },
    )


class CancelForm(VersionedForm):
    reason = forms.CharField(
        label="Why is the visit cancelled?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the reason for cancelling the visit"},
    )


class NoteTemplateForm(VersionedForm):
    """The template's name and its sections: one heading and prompt per row, with blank rows
    for new sections; a row left blank is dropped."""

    name = forms.CharField(
        label="Name",
        max_length=120,
        error_messages={"required": "Enter the template's name"},
    )
    reason = reason_field()

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = len(sections) + EXTRA_TEMPLATE_SECTIONS
        for index in range(self.rows):
            section = sections[index] if index < len(sections) else {}
            self.fields[f"heading_{index}"] = forms.CharField(
                label=f"Heading {index + 1}",
                required=False,
                max_length=120,
                initial=section.get("heading", ""),
            )
            self.fields[f"prompt_{index}"] = _textarea(f"Prompt for heading {index + 1}", rows=2)
            self.fields[f"prompt_{index}"].initial = section.get("prompt", "")

    def sections(self) -> list[dict]:
        return [
            {
                "heading": self.cleaned_data.get(f"heading_{index}", ""),
                "prompt": self.cleaned_data.get(f"prompt_{index}", ""),
            }
            for index in range(self.rows)
        ]

    def section_rows(self):
        return [(self[f"heading_{i}"], self[f"prompt_{i}"]) for i in range(self.rows)]
