"""One error format for every API response that is not a success:

{"error": {"status": 404, "code": "not_found", "message": "...", "details": [...]}}
"""

import logging
from http import HTTPStatus

from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from uplift.core.errors import Kind, Refused

logger = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "validation_error",
    429: "throttled",
    500: "server_error",
}
MESSAGES = {
    401: "Authentication required: send 'Authorization: Bearer <token>' or sign in.",
    403: "You do not have permission to do this.",
    404: "Not found.",
    422: "The request's parameters are not valid.",
    500: "Something went wrong on our side. The error has been logged.",
}


class ErrorDetail(Schema):
    location: str  # where the problem is, e.g. "query.limit"
    message: str
    type: str


class ErrorBody(Schema):
    status: int
    code: str
    message: str
    details: list[ErrorDetail]


class ErrorOut(Schema):
    error: ErrorBody


def error_payload(status: int, message: str = "", details: list[dict] | None = None) -> dict:
    return {
        "error": {
            "status": status,
            "code": CODES.get(status, HTTPStatus(status).phrase.lower().replace(" ", "_")),
            "message": message or MESSAGES.get(status, HTTPStatus(status).phrase + "."),
            "details": details or [],
        }
    }


def error_response(status: int, message: str = "", details: list[dict] | None = None):
    response = JsonResponse(error_payload(status, message, details), status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="uplift"'
    return response


def _validation_details(errors: list[dict]) -> list[dict]:
    return [
        {
            "location": ".".join(str(part) for part in error.get("loc", ())),
            "message": error.get("msg", ""),
            "type": error.get("type", ""),
        }
        for error in errors
    ]


def register_handlers(api) -> None:
    """Replace ninja's default handlers with ones that all answer in the error format."""

    @api.exception_handler(ValidationError)
    def invalid(request, exc: ValidationError) -> HttpResponse:
        return error_response(422, details=_validation_details(exc.errors))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc: AuthenticationError) -> HttpResponse:
        message = "" if exc.message == "Unauthorized" else exc.message  # ninja's default
        return error_response(401, message)

    @api.exception_handler(Refused)
    def refused(request, exc: Refused) -> HttpResponse:
        """Every service's refusal, the same way on every endpoint (see uplift.core.errors)."""
        status = REFUSAL_STATUS[exc.kind]
        message = str(exc)
        details = [{"location": "body", "message": message, "type": exc.code}]
        return error_response(status, message, details)

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError) -> HttpResponse:
        return error_response(exc.status_code, exc.message)

    @api.exception_handler(Http404)
    def not_found(request, exc: Http404) -> HttpResponse:
        return error_response(404)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc: PermissionDenied) -> HttpResponse:
        return error_response(403)

    @api.exception_handler(BadRequest)
    def bad_request(request, exc: BadRequest) -> HttpResponse:
        return error_response(400, str(exc))

    @api.exception_handler(Exception)
    def server_error(request, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
        return error_response(500)


REFUSAL_STATUS = {Kind.INVALID: 422, Kind.CONFLICT: 409, Kind.FORBIDDEN: 403}

# Every operation documents these answers besides its success.
ERROR_RESPONSES = {frozenset({400, 401, 403, 404, 422, 500}): ErrorOut}
# ... and one that changes something may also be refused as a conflict (409).
CHANGE_RESPONSES = {**ERROR_RESPONSES, 409: ErrorOut}
