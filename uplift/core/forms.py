"""Form pieces every page uses: GOV.UK date inputs and the reason a change is made for."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

REASON_MAX_LENGTH = 2000


class DateInput(forms.MultiWidget):
    """GOV.UK's date input: day, month and year boxes (named NAME_day, NAME_month, NAME_year)."""

    def __init__(self):
        super().__init__(
            {"day": forms.TextInput, "month": forms.TextInput, "year": forms.TextInput}
        )

    def id_for_label(self, id_):
        return f"{id_}_day" if id_ else ""  # where an error summary's link should land

    def decompress(self, value):
        return [value.day, value.month, value.year] if value else [None, None, None]


class DateField(forms.MultiValueField):
    """A date typed as day, month and year, with GOV.UK's error messages for `what`
    ("the date the school joined")."""

    widget = DateInput

    def __init__(self, *, what: str, **kwargs):
        self.what = what
        parts = [forms.CharField(required=False) for _ in range(3)]
        super().__init__(
            parts,
            require_all_fields=False,
            error_messages={"required": f"Enter {what}"},
            **kwargs,
        )

    def compress(self, values):
        day, month, year = ((value or "").strip() for value in values or ["", "", ""])
        given = {"day": day, "month": month, "year": year}
        missing = [name for name, value in given.items() if not value]
        what = self.what.removeprefix("the ")
        subject = what[:1].upper() + what[1:]
        if missing and len(missing) < 3:
            raise ValidationError(f"{subject} must include a {' and '.join(missing)}")
        if missing:
            raise ValidationError(f"Enter {self.what}")
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise ValidationError(f"{subject} must be a real date")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{subject} must be a real date") from None


def reason_field() -> forms.CharField:
    return forms.CharField(
        label="Reason for the change",
        help_text="Kept in the history of changes, with your name and the date.",
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter the reason for the change",
            "max_length": f"The reason must be {REASON_MAX_LENGTH} characters or fewer",
        },
    )
