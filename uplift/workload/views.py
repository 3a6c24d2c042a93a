"""My work (/my-work/) and a school's case and support timeline (/schools/<urn>/timeline/)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from uplift.schools.access import visible_establishments
from uplift.workload.selectors import my_work
from uplift.workload.timeline import KINDS, school_timeline


@login_required
@require_GET
def my_work_page(request):
    work = my_work(user=request.user, today=timezone.localdate())
    return render(request, "workload/my_work.html", {"work": work})


def chosen_kinds(query) -> list[str]:
    """The kinds ticked in the filter (unknown ones ignored); none ticked means every kind."""
    return [kind for kind in query.getlist("kind") if kind in KINDS]


@login_required
@require_GET
def school_timeline_page(request, urn: int):
    school = get_object_or_404(visible_establishments(request.user).select_related("la"), urn=urn)
    kinds = chosen_kinds(request.GET)
    entries = school_timeline(user=request.user, establishment=school, kinds=kinds)
    return render(
        request,
        "workload/timeline.html",
        {
            "school": school,
            "entries": entries,
            "kinds": [(key, label, key in kinds) for key, label in KINDS.items()],
            "filtered": bool(kinds),
        },
    )
