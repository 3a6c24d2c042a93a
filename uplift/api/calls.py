"""How an endpoint calls a service: for the request's user, through the API. A refusal is
answered by the API's one handler (uplift.api.errors)."""

from uplift.audit.models import Via


def call(service, request, /, **arguments):
    return service(actor=request.auth, via=Via.API, **arguments)
