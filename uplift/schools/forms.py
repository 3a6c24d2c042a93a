"""Forms of the group pages: each change carries a reason, kept in its history."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from uplift.schools.models import GroupKind, SchoolGroup

NAME_MAX_LENGTH = SchoolGroup._meta.get_field("name").max_length
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


def name_field() -> forms.CharField:
    return forms.CharField(
        label="Name",
        max_length=NAME_MAX_LENGTH,
        error_messages={
            "required": "Enter the group's name",
            "max_length": f"The name must be {NAME_MAX_LENGTH} characters or fewer",
        },
    )


class GroupCreateForm(forms.Form):
    """A new group. `las` are the LAs the user may create groups in: a choice when there
    are several, fixed (and not asked) when there is one."""

    la = forms.ModelChoiceField(
        label="Local authority",
        queryset=None,
        empty_label="Choose a local authority",
        error_messages={"required": "Choose the local authority"},
    )
    kind = forms.ChoiceField(
        label="Kind of group",
        choices=[("", "Choose a kind of group"), *GroupKind.choices],
        error_messages={"required": "Choose the kind of group"},
    )
    name = name_field()
    reason = reason_field()

    def __init__(self, *args, las, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_la = las.first() if las.count() == 1 else None
        if self.fixed_la is not None:
            del self.fields["la"]
        else:
            self.fields["la"].queryset = las

    def chosen_la(self):
        return self.fixed_la or self.cleaned_data["la"]


class GroupRenameForm(forms.Form):
    name = name_field()
    reason = reason_field()


class AddMemberForm(forms.Form):
    urn = forms.CharField(
        label="School URN",
        help_text="The school's unique reference number, 6 or 7 digits.",
        max_length=8,
        error_messages={"required": "Enter the school's URN"},
    )
    joined_on = DateField(
        what="the date the school joined",
        label="Date the school joined",
        help_text="For example, 1 9 2026",
    )
    reason = reason_field()

    def clean_urn(self) -> int:
        urn = self.cleaned_data["urn"].strip()
        if not urn.isdigit():
            raise ValidationError("The URN must be a number, like 117001")
        return int(urn)


class EndMembershipForm(forms.Form):
    left_on = DateField(
        what="the date the school left",
        label="Date the school left",
        help_text="For example, 31 8 2027",
    )
    reason = reason_field()
