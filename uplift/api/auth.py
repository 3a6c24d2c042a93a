"""Who is calling: a bearer token, or the signed-in browser session (with CSRF checks)."""

from functools import wraps

from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from uplift.api.errors import error_response
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


def schema_for_callers_only(view):
    """The OpenAPI schema for signed-in users and token holders alone: anyone else gets 401
    in the error format (the schema tells what the API holds and how to ask for it)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not _is_caller(request):
            return error_response(401, "Sign in, or send a token, to read the API's schema.")
        return view(request, *args, **kwargs)

    return guarded


def _is_caller(request) -> bool:
    if request.user.is_authenticated:
        return True
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    return scheme.lower() == "bearer" and authenticate_token(secret=secret.strip()) is not None
