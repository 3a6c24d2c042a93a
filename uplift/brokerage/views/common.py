from django.core.exceptions import PermissionDenied
from django.http import Http404

from uplift.brokerage import access


def bind(request, form_class, **kwargs):
    return form_class(request.POST if request.method == "POST" else None, **kwargs)


def reader(request):
    """Refuse (403) a user whose role reads no school-to-school support at all."""
    las = access.register_las(request.user)
    if las is None and not access.visible_deployments(request.user).exists():
        raise PermissionDenied
    return las


def number(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None
