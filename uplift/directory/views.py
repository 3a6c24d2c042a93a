"""The school list (and its CSV), a school's page and an LA's overview, limited to what
the user may see."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from uplift.accounts.access import is_la_officer, is_system_admin, own_school_id, profile_of
from uplift.casework import access as casework_access
from uplift.casework.models import Stage
from uplift.categorisation import access as categorisation_access
from uplift.categorisation.rounds.selectors import current_category
from uplift.core.csv_files import write_csv
from uplift.directory import school_list as selectors
from uplift.directory.overview import la_overview
from uplift.earlywarning import access as earlywarning_access
from uplift.earlywarning.selectors import school_risk
from uplift.inspections import timeline
from uplift.inspections.selectors import latest_graded_inspections
from uplift.performance import trends as performance_trends
from uplift.schools import selectors as register
from uplift.schools.access import visible_establishments, visible_local_authorities
from uplift.schools.models import PhaseGroup
from uplift.schools.selectors import las_with_open_schools

SCHOOLS_PER_PAGE = 50


@dataclass(frozen=True)
class SelectedFilter:
    heading: str
    label: str
    remove_href: str  # the same list without this filter


def _selected_filters(request, filters, options: dict[str, dict]) -> list[SelectedFilter]:
    """The filters in use, each with a link that removes it (for the filter's tags)."""
    chosen = [
        ("q", "Name or URN", filters.q),
        ("la", "Local authority", filters.la),
        ("phase_group", "Phase", filters.phase_group),
        ("type", "Type", filters.type),
        ("outcome", "Latest Ofsted outcome", filters.outcome),
        ("trust", "Trust", filters.trust),
        ("group", "Group", filters.group),
        ("status", "Status", filters.status),
    ]
    selected = []
    for name, heading, value in chosen:
        if value in ("", None):
            continue
        rest = request.GET.copy()
        for key in (name, "page"):
            rest.pop(key, None)
        label = options.get(name, {}).get(str(value), str(value))
        selected.append(SelectedFilter(heading, label, f"?{rest.urlencode()}"))
    return selected


@login_required
@require_GET
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
    options = {
        "la": [(la.code, la.name) for la in las] if len(las) > 1 else [],
        "phase_group": PhaseGroup.choices,
        "type": [(name, name) for name in selectors.type_choices(visible)],
        "outcome": selectors.Outcome.CHOICES,
        "trust": [(str(trust.pk), trust.name) for trust in selectors.trust_choices(visible)],
        "group": [
            (str(group.pk), f"{group.name} ({group.get_kind_display().lower()})")
            for group in selectors.group_choices(visible)
        ],
        "status": [(status, status) for status in selectors.status_choices(visible)],
    }
    labels = {name: dict(pairs) for name, pairs in options.items()}
    labels["la"] = {la.code: la.name for la in las}  # named even when there is no LA filter
    selected = _selected_filters(request, filters, labels)
    return render(
        request,
        "schools/list.html",
        {
            "filters": filters,
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "options": options,
            "selected_filters": selected,
        },
    )


@login_required
@require_GET
def school_list_csv(request):
    """The filtered school list, every page of it, as CSV."""
    visible = visible_establishments(request.user)
    filters = selectors.SchoolFilters.from_query(request.GET)
    rows = selectors.csv_rows(selectors.filter_schools(visible, filters))
    filename = f"uplift-schools-{timezone.localdate().isoformat()}.csv"
    response = HttpResponse(
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
    response.write("\ufeff")  # a BOM, so that Excel reads the file as UTF-8
    write_csv(response, selectors.CSV_HEADER, rows)
    return response


@login_required
@require_GET
def school_detail(request, urn: int):
    visible = visible_establishments(request.user)
    school = get_object_or_404(visible.select_related("la", "trust"), urn=urn)
    trends = performance_trends.key_measure_trends(school)
    la_visible = bool(school.la_id) and (
        visible_local_authorities(request.user).filter(pk=school.la_id).exists()
    )
    category = (
        current_category(establishment=school)
        if categorisation_access.can_read_categories(request.user, school)
        else None
    )
    open_case = (
        casework_access.visible_cases(request.user)
        .filter(establishment=school)
        .exclude(stage=Stage.CLOSED)
        .first()
    )
    return render(
        request,
        "schools/detail.html",
        {
            "school": school,
            "profile_url": _profile_url(request.user, school, category),
            "category": category,
            "open_case": open_case,
            "risk": (
                school_risk(school=school)
                if earlywarning_access.can_read_risk(request.user, school.la_id)
                else None
            ),
            "la_overview_visible": la_visible,
            "linked_schools": register.linked_schools(school, visible),
            "memberships": register.memberships(school),
            "timeline": timeline.inspection_timeline(school),
            "trend_charts": performance_trends.trend_charts(school, trends),
            "performance": performance_trends.other_performance(
                school, leave_out=[trend.measure.code for trend in trends]
            ),
        },
    )


def _profile_url(user, school, category) -> str:
    """The school's performance profile in the round that gave its current category, for
    those who read profiles (its LA's officers, system administrators, its head and chair).
    No query: the category was read already."""
    if category is None or not category.round_code or school.la is None:
        return ""
    if not (is_system_admin(user) or is_la_officer(user) or own_school_id(user) == school.pk):
        return ""
    return reverse("profiles:profile", args=[school.la.code, category.round_code, school.urn])


@login_required
@require_GET
def la_detail(request, code: str):
    la = get_object_or_404(visible_local_authorities(request.user), code=code)
    overview = la_overview(la=la, visible=visible_establishments(request.user))
    return render(request, "core/la_overview.html", {"overview": overview})


@login_required
@require_GET
def la_index(request):
    """LA staff go straight to their LA's overview; those who read across LAs choose one."""
    profile = profile_of(request.user)
    visible = visible_local_authorities(request.user)
    if profile is not None and profile.la_id is not None:
        la = get_object_or_404(visible, pk=profile.la_id)
        return redirect("la:detail", code=la.code)
    las = las_with_open_schools(visible)
    if not las:
        raise Http404("No local authority to show.")
    return render(request, "core/la_index.html", {"las": las})
