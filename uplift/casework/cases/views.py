"""The case pages: the LA's cases, opening one, a case with its next steps, and the steps that
move and close it (warning notices are in notices_views, powers in powers_views, what the
steps share in case_step_views). LA officers (their LA's cases) and system administrators read
and change cases; advisers read their assigned schools' cases; anyone else is refused the list
(403). A case outside the user's scope is not found (404); a step the user may not take is
refused (403)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from uplift.accounts import access as accounts_access
from uplift.accounts.models import Role
from uplift.audit.models import Via
from uplift.casework import access
from uplift.casework.cases import selectors
from uplift.casework.cases import services as cases_services
from uplift.casework.cases.forms import CloseForm, FindSchoolForm, MoveForm, OpenCaseForm
from uplift.casework.cases.step_views import bind, case_step, readable_case
from uplift.casework.flags import school_flags
from uplift.casework.letters.selectors import case_letters
from uplift.casework.meetings.selectors import case_meetings
from uplift.casework.models import Stage
from uplift.core.web import REFUSED, attempt
from uplift.governors.selectors import body_standing_for_school
from uplift.schools.models import Establishment


def _reads_cases(user) -> bool:
    """LA officers, advisers and system administrators read cases (each their own scope)."""
    if accounts_access.is_system_admin(user):
        return True
    profile = accounts_access.profile_of(user)
    return bool(profile and profile.role in (Role.LA_OFFICER, Role.ADVISER))


@login_required
@require_GET
def case_list(request):
    if not _reads_cases(request.user):
        raise PermissionDenied
    stage = request.GET.get("stage", "")
    if stage not in Stage.values:
        stage = ""
    cases = selectors.cases_for(user=request.user, stage=stage)
    return render(
        request,
        "casework/cases/list.html",
        {
            "cases": cases,
            "stage": stage,
            "stages": Stage.choices,
            "can_open": access.casework_las(request.user).exists(),
        },
    )


@login_required
def case_open(request):
    las = access.casework_las(request.user)
    if not las.exists():
        raise PermissionDenied
    if "urn" not in request.GET:
        return render(request, "casework/cases/find_school.html", {"form": FindSchoolForm()})
    finder = FindSchoolForm(request.GET)
    if not finder.is_valid():
        return render(request, "casework/cases/find_school.html", {"form": finder})
    school = get_object_or_404(
        Establishment.objects.filter(la__in=las).select_related("la"),
        urn=finder.cleaned_data["urn"],
    )
    form = bind(
        OpenCaseForm(request.POST or None, initial={"opened_on": timezone.localdate()}), request
    )
    if request.method == "POST" and form.is_valid():
        case = attempt(
            form,
            cases_services.open_case,
            actor=form.actor,
            via=Via.WEB,
            establishment=school,
            opened_on=form.cleaned_data["opened_on"],
            reason=form.cleaned_data["reason"],
        )
        if case is not REFUSED:
            messages.success(request, f"Case opened for {school.name}")
            return redirect("casework:case_detail", pk=case.pk)
    existing = selectors.open_case_of(establishment=school)
    return render(
        request,
        "casework/cases/open.html",
        {"form": form, "school": school, "existing": existing},
    )


@login_required
@require_GET
def case_detail(request, pk: int):
    case = readable_case(request, pk)
    today = timezone.localdate()
    context = selectors.case_page(user=request.user, case=case, today=today)
    context.update(
        {
            "can_change": access.can_run_casework(request.user, case.establishment),
            "flags": school_flags(establishment=case.establishment, on=today),
            "letters": case_letters(user=request.user, case=case),
            "meetings": case_meetings(user=request.user, case=case),
            "governance": body_standing_for_school(case.establishment, today),
            "today": today,
        }
    )
    return render(request, "casework/cases/detail.html", context)


@login_required
def case_move(request, pk: int):
    return case_step(
        request,
        pk,
        MoveForm,
        "casework/cases/move.html",
        cases_services.move_case,
        lambda data: {
            "to_stage": data["to_stage"],
            "on": data["on"],
            "reason": data["reason"],
            "version": data["version"],
            "action_plan_due_on": data["action_plan_due_on"],
        },
        stage=request.GET.get("stage", ""),
        initial={"on": timezone.localdate()},
        heading="Move the case",
    )


@login_required
def case_close(request, pk: int):
    return case_step(
        request,
        pk,
        CloseForm,
        "casework/cases/close.html",
        cases_services.close_case,
        lambda data: {
            "closed_on": data["closed_on"],
            "reason": data["reason"],
            "version": data["version"],
        },
        heading="Close the case",
    )
