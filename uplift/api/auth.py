"""Who is calling: a bearer token, or the signed-in browser session (with CSRF checks)."""

from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from uplift.api.services import authenticate_token


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>` from `uplift create-token`. A token that is wrong,
    revoked or whose user is inactive answers 401 rather than falling back to the session."""

    def authenticate(self, request, token: str):
        user = authenticate_token(secret=token.strip())
        if user is None:
            raise AuthenticationError(message="The token is not valid or has been revoked.")
        request.user = user
        return user


API_AUTH = [BearerToken(), SessionAuth()]
