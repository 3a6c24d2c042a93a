"""The upload form: the file, the chosen importer's options, and a dry-run switch."""

from django import forms
from django.core.validators import RegexValidator

OPTION_PREFIX = "option_"


def _option_field(option) -> forms.Field:
    label = option.name.replace("-", " ").replace("_", " ").capitalize()
    hint = option.help + (f" For example, {option.example}." if option.example else "")
    if option.choices:
        return forms.ChoiceField(
            label=label,
            help_text=hint,
            required=option.required,
            choices=[("", "Choose")] + [(choice, choice) for choice in option.choices],
            error_messages={"required": f"Choose the {label.lower()}"},
        )
    validators = []
    if option.pattern:
        example = f" like {option.example}" if option.example else " in the right format"
        validators.append(
            RegexValidator(
                rf"\A(?:{option.pattern})\Z", message=f"Enter the {label.lower()}{example}"
            )
        )
    return forms.CharField(
        label=label,
        help_text=hint,
        required=option.required,
        validators=validators,
        error_messages={"required": f"Enter the {label.lower()}"},
    )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        help_text="The file as published: CSV, Excel (XLSX), OpenDocument (ODS) or Parquet.",
        error_messages={"required": "Select a file", "empty": "The selected file is empty"},
    )
    dry_run = forms.BooleanField(
        label="Dry run: check the file and count the changes, but save nothing",
        required=False,
    )

    def __init__(self, importer, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.importer = importer
        dry_run = self.fields.pop("dry_run")
        for option in importer.options:
            self.fields[OPTION_PREFIX + option.name] = _option_field(option)
        self.fields["dry_run"] = dry_run

    def importer_options(self) -> dict[str, str]:
        """The options given, by the importer's own names (empty ones left out)."""
        return {
            option.name: self.cleaned_data[OPTION_PREFIX + option.name]
            for option in self.importer.options
            if self.cleaned_data.get(OPTION_PREFIX + option.name)
        }
