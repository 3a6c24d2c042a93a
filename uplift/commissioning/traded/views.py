"""Traded services pages: the catalogue with what each package includes, a service's report
for a year (buy-back by phase, the schools the rules flag, every subscription), recording a
school's subscription, and the invoice file for the LA's finance system."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from uplift.audit.models import Via
from uplift.commissioning import access
from uplift.commissioning.forms import SubscriptionForm, TrainingForm
from uplift.commissioning.traded import selectors, services
from uplift.core.web import REFUSED, attempt
from uplift.schools.models import Establishment
from uplift.support.visits.entitlement import academic_year_of, parse_academic_year


def _year(request) -> str:
    year = request.GET.get("year", "")
    try:
        parse_academic_year(year)
    except ValueError:
        return academic_year_of(timezone.localdate())
    return year


@login_required
@require_GET
def service_list(request):
    if not access.reads_money(request.user):
        raise PermissionDenied
    return render(
        request,
        "commissioning/services.html",
        {"services": selectors.services(user=request.user), "year": _year(request)},
    )


@login_required
@require_GET
def service_report(request, pk: int):
    if not access.has_finance(request.user):
        raise PermissionDenied
    service = selectors.service_for(user=request.user, pk=pk)
    year = _year(request)
    subscriptions = list(
        selectors.subscriptions(user=request.user, service=service, academic_year=year)
    )
    used = selectors.usage_totals(subscriptions)
    return render(
        request,
        "commissioning/service_report.html",
        {
            "service": service,
            "year": year,
            "report": selectors.traded_report(service=service, academic_year=year),
            "subscriptions": [(s, used.get(s.pk, {})) for s in subscriptions],
        },
    )


@login_required
def subscription_new(request, pk: int):
    if not access.has_finance(request.user):
        raise PermissionDenied
    service = selectors.service_for(user=request.user, pk=pk)
    year = _year(request)
    form = SubscriptionForm(request.POST or None, service=service)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        school = Establishment.objects.filter(urn=data["urn"], la_id=service.la_id).first()
        if school is None:
            form.add_error("urn", f"{service.la.name} has no school with URN {data['urn']}")
        else:
            saved = attempt(
                form,
                services.record_subscription,
                actor=request.user,
                via=Via.WEB,
                service=service,
                establishment=school,
                academic_year=year,
                status=data["status"],
                package=data["package"],
                price_pence=data["price"],
                reason=data["reason"],
            )
            if saved is not REFUSED:
                messages.success(request, f"{school.name}: {saved.get_status_display()}")
                return redirect(f"{reverse('commissioning:service_report', args=[pk])}?year={year}")
    return render(
        request,
        "commissioning/subscription_new.html",
        {"service": service, "year": year, "form": form},
    )


@login_required
@require_GET
def invoices_csv(request, pk: int):
    if not access.has_finance(request.user):
        raise PermissionDenied
    service = selectors.service_for(user=request.user, pk=pk)
    year = _year(request)
    response = HttpResponse(
        selectors.invoice_csv(service=service, academic_year=year),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="traded-invoices-{year}.csv"'
    return response


@login_required
def training_new(request, pk: int):
    if not access.has_finance(request.user):
        raise PermissionDenied
    service = selectors.service_for(user=request.user, pk=pk)
    form = TrainingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        school = Establishment.objects.filter(urn=data["urn"], la_id=service.la_id).first()
        if school is None:
            form.add_error("urn", f"{service.la.name} has no school with URN {data['urn']}")
        else:
            saved = attempt(
                form,
                services.record_training,
                actor=request.user,
                via=Via.WEB,
                service=service,
                establishment=school,
                course=data["course"],
                held_on=data["held_on"],
                places=data["places"],
                reason=data["reason"],
            )
            if saved is not REFUSED:
                messages.success(request, f"{school.name}: {saved.places} training places recorded")
                url = reverse("commissioning:service_report", args=[pk])
                return redirect(f"{url}?year={saved.academic_year}")
    return render(request, "commissioning/training_new.html", {"service": service, "form": form})
