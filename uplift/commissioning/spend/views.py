"""Spend pages (finance officers): each school's support with its cost and funder, the same
by category, the CSV of it, the support no fund pays for yet, and paying for a deployment or
a casework action from a fund."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from uplift.audit.models import Via
from uplift.commissioning import access
from uplift.commissioning.spend import selectors, services
from uplift.commissioning.spend.forms import DrawForm
from uplift.core.web import REFUSED, attempt
from uplift.funds.access import finance_la_scope, visible_funds
from uplift.funds.money import pounds

SCOPE_PATHS = {
    "deployment": "establishment__la_id",
    "power": "case__establishment__la_id",
    "structural": "case__establishment__la_id",
}


def _finance(request) -> None:
    if not access.has_finance(request.user):
        raise PermissionDenied


def _year(request) -> str:
    year = request.GET.get("year", "")
    return year if len(year) == 7 and year[4] == "-" else ""


@login_required
@require_GET
def spend_report(request):
    _finance(request)
    report = selectors.spend_report(user=request.user, year=_year(request))
    return render(
        request,
        "commissioning/spend.html",
        {
            "report": report,
            "heads": selectors.HEADS,
            "unfunded": selectors.unfunded(user=request.user),
        },
    )


@login_required
@require_GET
def spend_csv(request):
    _finance(request)
    year = _year(request)
    report = selectors.spend_report(user=request.user, year=year)
    response = HttpResponse(selectors.spend_csv(report), content_type="text/csv; charset=utf-8")
    name = f"support-spend-{year}.csv" if year else "support-spend.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _purpose(request, kind: str, pk: int):
    model = services.KINDS.get(kind)
    if model is None:
        raise Http404
    scope = finance_la_scope(request.user, SCOPE_PATHS[kind])
    return get_object_or_404(model.objects.filter(scope), pk=pk)


@login_required
def draw(request, kind: str, pk: int):
    _finance(request)
    purpose = _purpose(request, kind, pk)
    funds = visible_funds(request.user).filter(la_id=services.school_of(purpose).la_id)
    initial = {}
    if kind == "deployment" and purpose.cost_pence:
        initial["amount"] = f"{purpose.cost_pence / 100:,.2f}"
    form = DrawForm(request.POST or None, funds=funds, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        entry = attempt(
            form,
            services.draw,
            actor=request.user,
            via=Via.WEB,
            fund=data["fund"],
            purpose=purpose,
            amount_pence=data["amount"],
            ring_fence=data["ring_fence"],
            reason=data["reason"],
        )
        if entry is not REFUSED:
            messages.success(request, f"Committed {pounds(-entry.amount_pence)} from {entry.fund}")
            return redirect("commissioning:spend")
    return render(
        request,
        "commissioning/spend_draw.html",
        {
            "form": form,
            "what": services.describe(purpose),
            "school": services.school_of(purpose),
            "funding": services.funding_of(purpose),
        },
    )
