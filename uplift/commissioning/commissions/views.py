"""Providers and commissions pages (finance officers): the approved list, commissions, one
commission with its milestones and its accountability report, writing a part of the report,
and the report as a PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from uplift.audit.models import Via
from uplift.commissioning import access
from uplift.commissioning.accountability.report import four_parts
from uplift.commissioning.commissions import partnership, selectors, services
from uplift.commissioning.commissions.report import report_pdf
from uplift.commissioning.forms import ReportSectionForm
from uplift.commissioning.models import ReportPart
from uplift.core.web import REFUSED, attempt


def _finance(request):
    if not access.has_finance(request.user):
        raise PermissionDenied


@login_required
@require_GET
def providers(request):
    _finance(request)
    return render(
        request,
        "commissioning/providers.html",
        {"providers": selectors.providers(user=request.user)},
    )


@login_required
@require_GET
def commission_list(request):
    _finance(request)
    rows = [
        (commission, selectors.report_progress(commission))
        for commission in selectors.commissions(user=request.user)
    ]
    return render(request, "commissioning/commissions.html", {"rows": rows})


@login_required
@require_GET
def commission_detail(request, pk: int):
    _finance(request)
    commission = selectors.commission_for(user=request.user, pk=pk)
    return render(
        request,
        "commissioning/commission.html",
        {
            "commission": commission,
            "report": four_parts(commission),
            "decided_by": partnership.deciding_motion(commission),
        },
    )


@login_required
def report_part(request, pk: int, part: str):
    _finance(request)
    commission = selectors.commission_for(user=request.user, pk=pk)
    if part not in ReportPart.values:
        raise Http404
    section = commission.report_sections.filter(part=part).first()
    initial = (
        {"version": section.version, "rag": section.rag, "evidence": section.evidence}
        if section
        else {}
    )
    form = ReportSectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = attempt(
            form,
            services.save_report_section,
            actor=request.user,
            via=Via.WEB,
            commission=commission,
            part=part,
            evidence=form.cleaned_data["evidence"],
            rag=form.cleaned_data["rag"],
            version=form.cleaned_data["version"],
        )
        if saved is not REFUSED:
            messages.success(request, f"{ReportPart(part).label} saved")
            return redirect("commissioning:commission_detail", commission.pk)
    return render(
        request,
        "commissioning/report_part.html",
        {"commission": commission, "label": ReportPart(part).label, "form": form},
    )


@login_required
@require_GET
def report_pdf_view(request, pk: int):
    _finance(request)
    commission = selectors.commission_for(user=request.user, pk=pk)
    response = HttpResponse(report_pdf(commission), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="accountability-report-{commission.pk}.pdf"'
    )
    return response
