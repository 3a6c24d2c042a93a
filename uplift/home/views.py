"""The home page after sign-in (a dashboard for the user's role) and the small pages that
lead from the navigation to areas without a list of their own."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from uplift.accounts.access import own_school_id, profile_of
from uplift.accounts.models import Role
from uplift.home.dashboards.adviser import adviser_dashboard
from uplift.home.dashboards.officer import officer_dashboard
from uplift.home.dashboards.school import school_dashboard
from uplift.home.navigation import PURPOSES, areas_for, label_of, role_of
from uplift.schools.access import visible_establishments
from uplift.support.access import support_establishments

SCHOOLS_PER_PAGE = 50


@login_required
@require_GET
def home(request):
    user = request.user
    role = role_of(user)
    profile = profile_of(user)
    today = timezone.localdate()
    areas = [(area, label_of(area, role), PURPOSES.get(area.key, "")) for area in areas_for(user)]
    context = {"areas": areas, "role": role, "today": today}
    if role == Role.LA_OFFICER and profile.la_id:
        context["officer"] = officer_dashboard(user=user, la=profile.la, today=today)
    elif role == Role.ADVISER:
        context["adviser"] = adviser_dashboard(user=user, profile=profile, today=today)
    elif role in (Role.HEADTEACHER, Role.CHAIR_OF_GOVERNORS) and profile.establishment_id:
        school = (
            visible_establishments(user).filter(pk=profile.establishment_id).select_related("la")
        ).first()
        if school is not None:
            context["school"] = school_dashboard(user=user, school=school, today=today)
    elif role == Role.BOARD_MEMBER and profile.group_id:
        context["group"] = profile.group
    elif role == Role.DATA_OFFICER and profile.la_id:
        context["la"] = profile.la
    return render(request, "home/home.html", context)


@login_required
@require_GET
def support(request):
    """The schools whose visits and plans this user keeps, to choose one (LA officers,
    advisers and system administrators)."""
    schools = support_establishments(request.user)
    if schools is None or own_school_id(request.user) is not None:
        raise PermissionDenied
    query = request.GET.get("q", "").strip()
    if query:
        match = Q(name__icontains=query)
        if query.isdigit():
            match |= Q(urn=int(query))
        schools = schools.filter(match)
    paginator = Paginator(schools.order_by("name", "urn"), SCHOOLS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "home/support.html",
        {
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "query": query,
            "plans_support": _plans_support(request.user),
            "keeps_templates": role_of(request.user) in (Role.LA_OFFICER, Role.SYSTEM_ADMIN),
        },
    )


def _plans_support(user) -> bool:
    """Whether the user schedules visits and keeps plans (an adviser or an LA officer)."""
    profile = profile_of(user)
    return user.is_superuser or (
        profile is not None and profile.role in (Role.SYSTEM_ADMIN, Role.LA_OFFICER, Role.ADVISER)
    )


def _own_school(request):
    school_id = own_school_id(request.user)
    school = (
        visible_establishments(request.user).filter(pk=school_id).first() if school_id else None
    )
    if school is None:
        raise Http404("No school is linked to your account")
    return school


@login_required
@require_GET
def our_visits(request):
    """A headteacher's or chair's own school's visits."""
    return redirect("support:school_visits", urn=_own_school(request).urn)


@login_required
@require_GET
def our_plans(request):
    """A headteacher's or chair's own school's action plans."""
    return redirect("support:school_plans", urn=_own_school(request).urn)
