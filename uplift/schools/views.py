"""The school list and a school's page, limited to the schools the user may see."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from uplift.accounts.scoping import visible_establishments
from uplift.inspections.selectors import inspection_history, latest_graded_inspections
from uplift.schools import selectors_web as selectors
from uplift.schools.models import PhaseGroup

SCHOOLS_PER_PAGE = 50


@login_required
def school_list(request):
    visible = visible_establishments(request.user)
    filters = selectors.SchoolFilters.from_query(request.GET)
    paginator = Paginator(selectors.filter_schools(visible, filters), SCHOOLS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    latest = latest_graded_inspections(establishments=page.object_list)
    for school in page.object_list:
        school.latest_inspection = latest.get(school.pk)
    las = selectors.la_choices(visible)
    return render(
        request,
        "schools/list.html",
        {
            "filters": filters,
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "la_options": [(la.code, la.name) for la in las] if len(las) > 1 else [],
            "phase_options": PhaseGroup.choices,
            "status_options": [(status, status) for status in selectors.status_choices(visible)],
        },
    )


@login_required
def school_detail(request, urn: int):
    visible = visible_establishments(request.user)
    school = get_object_or_404(visible.select_related("la", "trust"), urn=urn)
    return render(
        request,
        "schools/detail.html",
        {
            "school": school,
            "linked_schools": selectors.linked_schools(school, visible),
            "memberships": selectors.memberships(school),
            "inspections": inspection_history(school),
            "performance": selectors.performance(school),
        },
    )
