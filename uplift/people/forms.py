"""The forms of the people pages, in GOV.UK wording."""

from django import forms

from uplift.accounts.models import Role
from uplift.core.forms import reason_field


class InviteForm(forms.Form):
    first_name = forms.CharField(
        label="First name", max_length=150, error_messages={"required": "Enter the first name"}
    )
    last_name = forms.CharField(
        label="Last name", max_length=150, error_messages={"required": "Enter the last name"}
    )
    email = forms.EmailField(
        label="Email address",
        help_text="The invitation goes to this address. It is also how they sign in.",
        error_messages={
            "required": "Enter the email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    la = forms.ModelChoiceField(label="Local authority", queryset=None, empty_label=None)

    def __init__(self, *args, las, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["la"].queryset = las


class GrantForm(forms.Form):
    role = forms.ChoiceField(
        label="Role", widget=forms.RadioSelect, error_messages={"required": "Choose a role"}
    )
    la = forms.ModelChoiceField(
        label="Local authority",
        queryset=None,
        empty_label=None,
        help_text="For an LA administrator, LA officer, data officer or adviser",
    )
    establishment = forms.ModelChoiceField(
        label="School",
        queryset=None,
        required=False,
        empty_label="Choose a school",
        help_text="For a headteacher or chair of governors",
    )
    group = forms.ModelChoiceField(
        label="Board",
        queryset=None,
        required=False,
        empty_label="Choose a board",
        help_text="For a board member",
    )
    reason = reason_field()

    def __init__(self, *args, roles, las, schools, boards, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in Role if r in roles]
        self.fields["la"].queryset = las
        self.fields["establishment"].queryset = schools
        self.fields["establishment"].label_from_instance = lambda s: f"{s.name} ({s.urn})"
        self.fields["group"].queryset = boards


class ReasonForm(forms.Form):
    reason = reason_field()


class AdviserSchoolsForm(forms.Form):
    caseload = forms.IntegerField(
        label="Caseload (optional)",
        required=False,
        min_value=0,
        max_value=1000,
        help_text="How many schools this adviser can support",
        error_messages={
            "invalid": "Enter the caseload as a whole number, like 12",
            "min_value": "The caseload must be 0 or more",
            "max_value": "The caseload must be 1,000 or fewer",
        },
    )
    reason = reason_field()


class SetPasswordForm(forms.Form):
    password = forms.CharField(
        label="Create a password",
        help_text="At least 8 characters; not a common password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter a password"},
    )
    confirm = forms.CharField(
        label="Type the password again",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Type the password again"},
    )

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("confirm") and data["password"] != data["confirm"]:
            self.add_error("confirm", "The passwords do not match")
        return data
