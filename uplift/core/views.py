"""Pages every visitor may see, and the health check."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def healthz(request):
    """Liveness for load balancers: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")


def accessibility(request):
    return render(request, "core/accessibility.html")


def cookies(request):
    return render(request, "core/cookies.html")
