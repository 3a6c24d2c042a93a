"""The sign-in form, with the GOV.UK wording for its errors."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password",
        "inactive": "This account has been switched off; ask your system administrator",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        username, password = self.fields["username"], self.fields["password"]
        username.error_messages["required"] = "Enter your username"
        password.error_messages["required"] = "Enter your password"
        username.widget.attrs.pop("autofocus", None)
        username.widget.attrs["autocomplete"] = "username"
        password.widget = forms.PasswordInput(attrs={"autocomplete": "current-password"})
