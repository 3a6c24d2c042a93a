"""Plain Django views beside the API: its docs page, and the JSON 404 for unknown API paths."""

from django.contrib.auth.decorators import login_required

from uplift.api.api import api
from uplift.api.errors import error_response


@login_required
def docs(request):
    """Swagger UI from ninja's bundled static files: no CDN, no inline script."""
    return api.docs.render_page(request, api)


def unknown_path(request, path: str = ""):
    return error_response(404, "No API endpoint at this address.")
