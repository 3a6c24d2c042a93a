from django.core.exceptions import PermissionDenied
from django.http import Http404

from uplift.brokerage import access


def bind(request, form_class, **kwargs):
    return form_class(request.POST if request.method == "POST" else None, **kwargs)


def reader(request):
    """Refuse (403) a user whose role reads no school-to-school support at all."""
    if not access.reads_support(request.user):
        raise PermissionDenied
    return access.register_las(request.user)


def number(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None
