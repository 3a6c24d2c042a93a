"""Signing in and out."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render

from uplift.accounts.forms import SignInForm


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sso"] = bool(
            settings.OIDC_RP_CLIENT_ID and settings.OIDC_OP_AUTHORIZATION_ENDPOINT
        )
        return context


class SignOutView(auth_views.LogoutView):
    """GET asks to confirm (a link cannot post without JavaScript); POST signs out."""

    http_method_names = ["get", "post", "options"]

    def get(self, request, *args, **kwargs):
        return render(request, "accounts/sign_out.html")
