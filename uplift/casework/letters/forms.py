"""Forms of the letter pages: editing a template, generating a letter, recording its sending."""

from django import forms
from django.utils import timezone

from uplift.casework.letters.placeholders import PLACEHOLDERS
from uplift.casework.models import LetterTemplate, SendingMethod
from uplift.core.forms import reason_field

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y"]


def date_field(label: str, what: str, **options) -> forms.DateField:
    return forms.DateField(
        label=label,
        help_text=options.pop("help_text", "For example 2026-10-15 or 15/10/2026"),
        input_formats=DATE_FORMATS,
        error_messages={
            "required": f"Enter {what}",
            "invalid": f"Enter {what} like 2026-10-15",
        },
        **options,
    )


def text_area(label: str, missing: str, rows: int = 4, required: bool = True, **options):
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": missing},
        **options,
    )


class TemplateForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    name = forms.CharField(
        label="Name",
        max_length=LetterTemplate._meta.get_field("name").max_length,
        error_messages={"required": "Enter the template's name"},
    )
    subject = forms.CharField(
        label="Subject",
        max_length=LetterTemplate._meta.get_field("subject").max_length,
        error_messages={"required": "Enter the letter's subject"},
    )
    body = text_area(
        "Letter text",
        "Enter the letter's text",
        rows=20,
        strip=False,
        help_text="Leave a blank line between paragraphs. Placeholders are listed below.",
    )
    reason = reason_field()


class LetterForm(forms.Form):
    template = forms.ModelChoiceField(
        label="Template",
        queryset=LetterTemplate.objects.none(),
        empty_label="Choose a template",
        error_messages={"required": "Choose the template to write the letter from"},
    )
    note = text_area(
        "Note (optional)",
        "",
        rows=2,
        required=False,
        help_text="Why this letter is written now: kept in the history of changes",
    )

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates
        self.fields["template"].label_from_instance = lambda t: (
            f"{t.name} ({t.get_kind_display()}, version {t.version})"
        )


class SendingForm(forms.Form):
    sent_on = date_field("Date sent", "the date the letter was sent")
    method = forms.ChoiceField(
        label="How it was sent",
        choices=SendingMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the letter was sent"},
    )
    sent_to = text_area(
        "Sent to",
        "",
        rows=3,
        required=False,
        help_text=(
            "Who received it. For an email: any addresses besides the headteacher's and "
            "chair's accounts, separated by commas"
        ),
    )
    email = forms.BooleanField(
        label="Email the PDF from Uplift now",
        required=False,
        initial=True,
        help_text="Only for the method Email. Untick if the email was already sent another way.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sent_on"].initial = timezone.localdate()


PLACEHOLDER_LIST = sorted(PLACEHOLDERS.items())
