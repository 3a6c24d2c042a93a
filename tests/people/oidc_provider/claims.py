"""The claims the test provider gives: the user's email address, verified."""

from oauth2_provider.oauth2_validators import OAuth2Validator


class EmailClaims(OAuth2Validator):
    def get_additional_claims(self, request):
        return {"email": request.user.email, "email_verified": True}
