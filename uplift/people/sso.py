"""Single sign-on with OpenID Connect: the organisation's identity provider (Microsoft
Entra ID in most LAs) says who the person is; Uplift finds the active account an LA
administrator made for that email address, and the roles stay those granted in Uplift.
Nobody gets an account by signing in."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView


def sso_enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID and settings.OIDC_OP_AUTHORIZATION_ENDPOINT)


class InvitedPeopleOnly(OIDCAuthenticationBackend):
    """Match the provider's verified email address to one active Uplift account."""

    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        if not email or claims.get("email_verified") is False:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)

    def verify_claims(self, claims):
        return bool(claims.get("email")) and super().verify_claims(claims)

    def create_user(self, claims):  # never reached with OIDC_CREATE_USER off; belt and braces
        return None

    def update_user(self, user, claims):
        return user  # names and roles are kept in Uplift, not taken from the provider


class StartSignIn(OIDCAuthenticationRequestView):
    def get(self, request):
        if not sso_enabled():
            raise Http404
        return super().get(request)


class FinishSignIn(OIDCAuthenticationCallbackView):
    @property
    def failure_url(self):
        return reverse("people:sso_refused")

    def get(self, request):
        if not sso_enabled():
            raise Http404
        return super().get(request)


def refused(request):
    """Where the provider's answer lands when no Uplift account matches it."""
    return render(request, "people/sso_refused.html", status=403)
