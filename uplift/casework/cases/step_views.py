"""What the case pages' steps share: finding the case (or the notice or power of a case) the
user may read (404) and change (403), binding the form to the user, calling the service (a
refused step becomes a form error naming the rule) and, once taken, back to the case. Used by
cases_views, notices_views and powers_views."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from uplift.audit.models import Via
from uplift.casework import access
from uplift.casework.cases import selectors
from uplift.core.web import REFUSED, attempt


def readable_case(request, pk: int):
    """A case the user may read: out of their scope (or for a role that reads none) 404."""
    return selectors.case_for(user=request.user, pk=pk)


def changeable_case(request, pk: int):
    """A case the user may read (404) and change (403)."""
    case = readable_case(request, pk)
    if not access.can_run_casework(request.user, case.establishment):
        raise PermissionDenied
    return case


def bind(form, request):
    """The form, knowing who acts (the services are called for them)."""
    form.actor = request.user
    return form


def fresh_version(form, case) -> None:
    """After a refusal, show the case's current version so the next try is not stale."""
    case.refresh_from_db()
    if form.is_bound and "version" in form.fields:
        form.data = form.data.copy()
        form.data["version"] = str(case.version)


def case_step(request, pk, form_class, template, service, arguments, *, heading, **form_options):
    """A step on a case: the form, the service call, back to the case when it is taken."""
    case = changeable_case(request, pk)
    form = bind(
        form_class(
            request.POST or None,
            initial={"version": case.version, **form_options.pop("initial", {})},
            **form_options,
        ),
        request,
    )
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            service,
            actor=form.actor,
            via=Via.WEB,
            case=case,
            **arguments(form.cleaned_data),
        )
        if done is not REFUSED:
            messages.success(request, "Saved")
            return redirect("casework:case_detail", pk=case.pk)
        fresh_version(form, case)
    facts = selectors.case_facts(case=case, today=timezone.localdate())
    return render(
        request, template, {"case": case, "form": form, "facts": facts, "heading": heading}
    )


def changeable_item(request, queryset, pk: int):
    """A notice or power of a case the user may read (404), and change (403)."""
    item = get_object_or_404(
        queryset.filter(case__in=access.visible_cases(request.user)).select_related(
            "case__establishment__la"
        ),
        pk=pk,
    )
    if not access.can_run_casework(request.user, item.case.establishment):
        raise PermissionDenied
    return item


def item_step(request, item, form_class, template, service, arguments, context, *, heading):
    """A step on a notice or power of a case: the form, the service call, back to the case."""
    form = bind(form_class(request.POST or None), request)
    if request.method == "POST" and form.is_valid():
        done = attempt(form, service, actor=form.actor, via=Via.WEB, **arguments(form.cleaned_data))
        if done is not REFUSED:
            messages.success(request, "Saved")
            return redirect("casework:case_detail", pk=item.case.pk)
    return render(
        request, template, {"case": item.case, "form": form, "heading": heading, **context}
    )
