"""Setting and removing an LA's targets (its LA officers and system administrators), each
through uplift.reports.services, which writes the change and its audit event together."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from uplift.audit.models import Via
from uplift.core.web import REFUSED, attempt
from uplift.reports import services
from uplift.reports.access import can_set_report_targets
from uplift.reports.forms import TargetForm
from uplift.reports.views import visible_la


def _managed_la(request, code: str):
    la = visible_la(request, code)
    if not can_set_report_targets(request.user, la):
        raise PermissionDenied
    return la


@login_required
@require_http_methods(["GET", "POST"])
def target_new(request, code: str):
    la = _managed_la(request, code)
    form = TargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        target = attempt(
            form,
            services.create_target,
            actor=request.user,
            via=Via.WEB,
            la=la,
            name=data["name"],
            measure=data["measure"],
            comparison=data["comparison"],
            value=data["value"],
            phase_group=data["phase_group"],
            indicator_code=data["indicator"],
            academic_year=data["academic_year"],
        )
        if target is not REFUSED:
            messages.success(request, f"Target added: {target.name}")
            return redirect("reports:targets", code=la.code)
    return render(request, "reports/target_new.html", {"la": la, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def target_delete(request, code: str, pk: int):
    la = _managed_la(request, code)
    target = get_object_or_404(la.report_targets, pk=pk)
    if request.method == "POST":
        services.delete_target(actor=request.user, via=Via.WEB, target=target)
        messages.success(request, f"Target removed: {target.name}")
        return redirect("reports:targets", code=la.code)
    return render(request, "reports/target_delete.html", {"la": la, "target": target})
