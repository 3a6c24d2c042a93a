"""The audit trail's pages: one object's history, and an LA's recent changes."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from uplift.accounts.access import can_read_history
from uplift.directory.history import selectors
from uplift.schools.models import Establishment, SchoolGroup

EVENTS_PER_PAGE = 50


def history_access_required(view):
    """Signed in, and an LA officer or system administrator (else 403)."""

    @login_required
    @wraps(view)
    def checked(request, *args, **kwargs):
        if not can_read_history(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


@history_access_required
def object_history(request, label: str, pk: str):
    obj = selectors.find_object(request.user, label=label, pk=pk)
    if obj is None:
        raise Http404("No such object, or not one whose history you may read")
    context = _page_of(request, selectors.object_events(obj))
    context |= {
        "object": obj,
        "object_url": _page_url(obj),
        "own_label": obj._meta.label_lower,
        "own_id": str(obj.pk),
        "own_school_pk": obj.pk if isinstance(obj, Establishment) else None,
    }
    return render(request, "audit/object_history.html", context)


@history_access_required
def recent_changes(request):
    context = _page_of(request, selectors.recent_events(request.user))
    return render(request, "audit/recent_changes.html", context)


def _page_of(request, events) -> dict:
    paginator = Paginator(events, EVENTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = selectors.describe(page.object_list)
    return {
        "page": page,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
    }


def _page_url(obj) -> str:
    """The object's own page, where it has one."""
    if isinstance(obj, Establishment):
        return reverse("schools:detail", args=[obj.urn])
    if isinstance(obj, SchoolGroup):
        return reverse("groups:detail", args=[obj.pk])
    return ""
