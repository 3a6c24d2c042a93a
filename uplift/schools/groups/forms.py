"""Forms of the group pages: each change carries a reason, kept in its history."""

from django import forms
from django.core.exceptions import ValidationError

from uplift.core.forms import DateField, reason_field
from uplift.schools.models import GroupKind, SchoolGroup

NAME_MAX_LENGTH = SchoolGroup._meta.get_field("name").max_length


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
