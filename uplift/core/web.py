"""The one way a page turns a refusal into what the user sees."""

from django.core.exceptions import PermissionDenied

from uplift.core.errors import Kind, Refused

REFUSED = object()  # what `attempt` answers when the service refused


def attempt(form, service, /, **arguments):
    """Call `service(**arguments)` for a page. A refusal becomes an error at the top of the
    form (one per problem when it lists several) and REFUSED is returned; a refusal of the
    user's permission answers 403."""
    try:
        return service(**arguments)
    except Refused as refused:
        if refused.kind == Kind.FORBIDDEN:
            raise PermissionDenied(str(refused)) from None
        for problem in getattr(refused, "problems", None) or [refused]:
            form.add_error(None, str(problem))
        return REFUSED
