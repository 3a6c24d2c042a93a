"""The case pages: the LA's cases, opening one, a case with its next steps, and the form of
each step. LA officers (their LA's cases) and system administrators read and change cases;
advisers read their assigned schools' cases; anyone else is refused the list (403). A case
outside the user's scope is not found (404); a step the user may not take is refused (403)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from uplift.accounts import scoping
from uplift.accounts.models import Role
from uplift.audit.models import Via
from uplift.casework import cases_selectors as selectors
from uplift.casework import cases_services as services
from uplift.casework.cases_forms import (
    CloseForm,
    ComplianceForm,
    DfeCopyForm,
    FindSchoolForm,
    IntentionForm,
    MoveForm,
    OpenCaseForm,
    PowerDfeForm,
    PowerForm,
    StructuralForm,
    WarningNoticeForm,
)
from uplift.casework.flags import school_flags
from uplift.casework.letters_selectors import case_letters
from uplift.casework.meetings_selectors import case_meetings
from uplift.casework.models import PowerUse, Stage, WarningNotice
from uplift.schools.models import Establishment
from uplift.schools.services import ChangeRefused, NotAllowed


def _reads_cases(user) -> bool:
    """LA officers, advisers and system administrators read cases (each their own scope)."""
    if scoping.is_system_admin(user):
        return True
    profile = scoping.profile_of(user)
    return bool(profile and profile.role in (Role.LA_OFFICER, Role.ADVISER))


def _readable_case(request, pk: int):
    """A case the user may read: out of their scope (or for a role that reads none) 404."""
    return selectors.case_for(user=request.user, pk=pk)


def _changeable_case(request, pk: int):
    case = _readable_case(request, pk)
    if not scoping.can_run_casework(request.user, case.establishment):
        raise PermissionDenied
    return case


def _attempt(form, service, **arguments):
    """Call the service; a refused step becomes a form error naming the rule (None is
    returned)."""
    try:
        return service(actor=form.actor, via=Via.WEB, **arguments)
    except NotAllowed:
        raise PermissionDenied from None
    except ChangeRefused as refused:
        form.add_error(None, str(refused))
    return None


def _bind(form, request):
    form.actor = request.user
    return form


def _fresh_version(form, case) -> None:
    """After a refusal, show the case's current version so the next try is not stale."""
    case.refresh_from_db()
    if form.is_bound and "version" in form.fields:
        form.data = form.data.copy()
        form.data["version"] = str(case.version)


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
            "can_open": scoping.casework_las(request.user).exists(),
        },
    )


@login_required
def case_open(request):
    las = scoping.casework_las(request.user)
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
    form = _bind(
        OpenCaseForm(request.POST or None, initial={"opened_on": timezone.localdate()}), request
    )
    if request.method == "POST" and form.is_valid():
        case = _attempt(
            form,
            services.open_case,
            establishment=school,
            opened_on=form.cleaned_data["opened_on"],
            reason=form.cleaned_data["reason"],
        )
        if case is not None:
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
    case = _readable_case(request, pk)
    today = timezone.localdate()
    context = selectors.case_page(user=request.user, case=case, today=today)
    context.update(
        {
            "can_change": scoping.can_run_casework(request.user, case.establishment),
            "flags": school_flags(establishment=case.establishment, on=today),
            "letters": case_letters(user=request.user, case=case),
            "meetings": case_meetings(user=request.user, case=case),
            "today": today,
        }
    )
    return render(request, "casework/cases/detail.html", context)


def _case_form(request, pk, form_class, template, service, arguments, *, heading, **form_options):
    """A step on a case: the form, the service call, back to the case when it is taken."""
    case = _changeable_case(request, pk)
    form = _bind(
        form_class(
            request.POST or None,
            initial={"version": case.version, **form_options.pop("initial", {})},
            **form_options,
        ),
        request,
    )
    if request.method == "POST" and form.is_valid():
        done = _attempt(form, service, case=case, **arguments(form.cleaned_data))
        if done is not None:
            messages.success(request, "Saved")
            return redirect("casework:case_detail", pk=case.pk)
        _fresh_version(form, case)
    facts = selectors.case_facts(case=case, today=timezone.localdate())
    return render(
        request, template, {"case": case, "form": form, "facts": facts, "heading": heading}
    )


@login_required
def case_move(request, pk: int):
    return _case_form(
        request,
        pk,
        MoveForm,
        "casework/cases/move.html",
        services.move_case,
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
def case_notice_new(request, pk: int):
    return _case_form(
        request,
        pk,
        WarningNoticeForm,
        "casework/cases/notice_new.html",
        services.issue_warning_notice,
        lambda data: {
            "route": data["route"],
            "grounds": data["grounds"],
            "issued_on": data["issued_on"],
            "compliance_working_days": data["compliance_working_days"],
            "reason": data["reason"],
            "version": data["version"],
        },
        heading="Issue a warning notice",
    )


@login_required
def case_intention(request, pk: int):
    return _case_form(
        request,
        pk,
        IntentionForm,
        "casework/cases/intention.html",
        services.record_notice_of_intention,
        lambda data: {
            "given_on": data["given_on"],
            "reason": data["reason"],
            "version": data["version"],
        },
        heading="Record the notice of intention to use powers",
    )


@login_required
def case_power_new(request, pk: int):
    return _case_form(
        request,
        pk,
        PowerForm,
        "casework/cases/power_new.html",
        services.use_power,
        lambda data: {
            "power": data["power"],
            "used_on": data["used_on"],
            "details": data["details"],
            "sos_consent_on": data["sos_consent_on"],
            "consulted_on": data["consulted_on"],
            "dfe_notified_on": data["dfe_notified_on"],
            "version": data["version"],
        },
        power=request.GET.get("power", ""),
        heading="Record a power used",
    )


@login_required
def case_structural_new(request, pk: int):
    return _case_form(
        request,
        pk,
        StructuralForm,
        "casework/cases/structural_new.html",
        services.record_structural_solution,
        lambda data: {
            "kind": data["kind"],
            "decided_on": data["decided_on"],
            "academy_order_on": data["academy_order_on"],
            "expected_on": data["expected_on"],
            "completed_on": data["completed_on"],
            "details": data["details"],
            "version": data["version"],
        },
        heading="Record a structural solution or academy order",
    )


@login_required
def case_close(request, pk: int):
    return _case_form(
        request,
        pk,
        CloseForm,
        "casework/cases/close.html",
        services.close_case,
        lambda data: {
            "closed_on": data["closed_on"],
            "reason": data["reason"],
            "version": data["version"],
        },
        heading="Close the case",
    )


# Steps on a notice or a power of a case


def _changeable(request, queryset, pk: int):
    """A notice or power of a case the user may read (404), and change (403)."""
    item = get_object_or_404(
        queryset.filter(case__in=scoping.visible_cases(request.user)).select_related(
            "case__establishment__la"
        ),
        pk=pk,
    )
    if not scoping.can_run_casework(request.user, item.case.establishment):
        raise PermissionDenied
    return item


def _item_form(request, item, form_class, template, service, arguments, context, *, heading):
    form = _bind(form_class(request.POST or None), request)
    if request.method == "POST" and form.is_valid():
        done = _attempt(form, service, **arguments(form.cleaned_data))
        if done is not None:
            messages.success(request, "Saved")
            return redirect("casework:case_detail", pk=item.case.pk)
    return render(
        request, template, {"case": item.case, "form": form, "heading": heading, **context}
    )


@login_required
def notice_dfe_copy(request, pk: int):
    notice = _changeable(request, WarningNotice.objects.all(), pk)
    return _item_form(
        request,
        notice,
        DfeCopyForm,
        "casework/cases/notice_dfe_copy.html",
        services.record_dfe_copy,
        lambda data: {"notice": notice, "copied_on": data["copied_on"]},
        {"notice": notice},
        heading="Record the copy to DfE",
    )


@login_required
def notice_compliance(request, pk: int):
    notice = _changeable(request, WarningNotice.objects.all(), pk)
    return _item_form(
        request,
        notice,
        ComplianceForm,
        "casework/cases/notice_compliance.html",
        services.decide_compliance,
        lambda data: {
            "notice": notice,
            "compliance": data["compliance"],
            "decided_on": data["decided_on"],
            "notes": data["notes"],
        },
        {"notice": notice},
        heading="Decide whether the governing body complied",
    )


@login_required
def power_dfe_notification(request, pk: int):
    use = _changeable(request, PowerUse.objects.all(), pk)
    return _item_form(
        request,
        use,
        PowerDfeForm,
        "casework/cases/power_dfe.html",
        services.record_power_dfe_notification,
        lambda data: {"power_use": use, "notified_on": data["notified_on"]},
        {"power_use": use},
        heading="Record when DfE was told",
    )
