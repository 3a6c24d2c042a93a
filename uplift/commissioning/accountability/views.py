"""The accountability report's CSV, and asking the commission's schools for feedback
(finance officers, like the rest of the commission's pages)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from uplift.audit.models import Via
from uplift.commissioning import access
from uplift.commissioning.accountability.report import write_report_csv
from uplift.commissioning.accountability.surveys import ask_schools
from uplift.commissioning.commissions.selectors import commission_for
from uplift.core.errors import Kind, Refused


def _finance(request):
    if not access.has_finance(request.user):
        raise PermissionDenied


@login_required
@require_GET
def report_csv(request, pk: int):
    _finance(request)
    commission = commission_for(user=request.user, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="accountability-report-{commission.pk}.csv"'
    )
    write_report_csv(response, commission)
    return response


@login_required
@require_POST
def ask_for_feedback(request, pk: int):
    _finance(request)
    commission = commission_for(user=request.user, pk=pk)
    try:
        asked = ask_schools(
            actor=request.user,
            via=Via.WEB,
            commission=commission,
            site_url=request.build_absolute_uri("/"),
        )
    except Refused as refused:
        if refused.kind == Kind.FORBIDDEN:
            raise PermissionDenied(str(refused)) from None
        messages.error(request, str(refused))
    else:
        messages.success(
            request, f"{asked} school{'s' if asked != 1 else ''} asked for their feedback"
        )
    return redirect("commissioning:commission_detail", commission.pk)
