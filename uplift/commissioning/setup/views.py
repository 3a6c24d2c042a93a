"""Setup pages (finance officers): adding and changing providers, grant schemes, traded
services and their packages. A refusal (a duplicate name, someone else's change first, a
rule of the change) is shown on the form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from uplift.audit.models import Via
from uplift.commissioning import access
from uplift.commissioning.commissions import services as commissions
from uplift.commissioning.grants import selectors as grant_selectors
from uplift.commissioning.grants import services as grants
from uplift.commissioning.models import Package
from uplift.commissioning.setup import services
from uplift.commissioning.setup.forms import (
    PackageForm,
    ProviderForm,
    SchemeForm,
    SchemeNewForm,
    ServiceForm,
    ServiceNewForm,
)
from uplift.commissioning.traded import selectors as traded_selectors
from uplift.commissioning.traded import services as traded
from uplift.core.web import REFUSED, attempt
from uplift.funds.access import own_la, visible_funds


def _la(request):
    """The officer's LA, for something new (403 without the finance capability or an LA)."""
    la = own_la(request.user)
    if la is None:
        raise PermissionDenied
    return la


def _finance(request):
    if not access.has_finance(request.user):
        raise PermissionDenied


def _page(request, form, template, context, save, done, then):
    """Run `save(data)` through attempt when the form is posted and valid."""
    if request.method == "POST" and form.is_valid():
        saved = attempt(form, save, **{"actor": request.user, "via": Via.WEB})
        if saved is not REFUSED:
            messages.success(request, done(saved))
            return redirect(then(saved))
    return render(request, template, {"form": form, **context})


def _provider_fields(data) -> dict:
    return {
        "name": data["name"],
        "kind": data["kind"],
        "approved": data["approved"],
        "due_diligence_on": data["due_diligence_on"],
        "due_diligence_due": data["due_diligence_due"],
        "reason": data["reason"],
    }


@login_required
def provider_new(request):
    la = _la(request)
    form = ProviderForm(request.POST or None)

    def save(**who):
        return commissions.add_provider(la=la, **who, **_provider_fields(form.cleaned_data))

    return _page(
        request,
        form,
        "commissioning/setup/provider.html",
        {"provider": None},
        save,
        lambda p: f"{p.name} added",
        lambda p: reverse("commissioning:providers"),
    )


@login_required
def provider_edit(request, pk: int):
    _finance(request)
    provider = get_object_or_404(access.visible_providers(request.user), pk=pk)
    initial = {f: getattr(provider, f) for f in services.PROVIDER_LABELS}
    form = ProviderForm(request.POST or None, initial=initial | {"version": provider.version})

    def save(**who):
        data = form.cleaned_data
        return services.update_provider(
            provider=provider, version=data["version"], **who, **_provider_fields(data)
        )

    return _page(
        request,
        form,
        "commissioning/setup/provider.html",
        {"provider": provider},
        save,
        lambda p: f"{p.name} changed",
        lambda p: reverse("commissioning:providers"),
    )


def _scheme_fields(data) -> dict:
    return {
        "name": data["name"],
        "description": data["description"],
        "criteria": data["criteria"].splitlines(),
        "max_award_pence": data["max_award"],
        "closes_on": data["closes_on"],
        "conditions": data["conditions"],
        "reason": data["reason"],
    }


def _scheme_done(scheme):
    return reverse("commissioning:scheme_detail", args=[scheme.pk])


@login_required
def scheme_new(request):
    la = _la(request)
    form = SchemeNewForm(request.POST or None, funds=visible_funds(request.user).filter(la=la))

    def save(**who):
        data = form.cleaned_data
        return grants.create_scheme(fund=data["fund"], **who, **_scheme_fields(data))

    return _page(
        request,
        form,
        "commissioning/setup/scheme.html",
        {"scheme": None},
        save,
        lambda s: f"{s.name} set up",
        _scheme_done,
    )


@login_required
def scheme_edit(request, pk: int):
    _finance(request)
    scheme = grant_selectors.scheme_for(user=request.user, pk=pk)
    initial = {
        "name": scheme.name,
        "description": scheme.description,
        "criteria": "\n".join(scheme.criteria),
        "max_award": f"{scheme.max_award_pence / 100:.2f}",
        "closes_on": scheme.closes_on,
        "conditions": scheme.conditions,
        "version": scheme.version,
    }
    form = SchemeForm(request.POST or None, initial=initial)

    def save(**who):
        data = form.cleaned_data
        return services.update_scheme(
            scheme=scheme, version=data["version"], **who, **_scheme_fields(data)
        )

    return _page(
        request,
        form,
        "commissioning/setup/scheme.html",
        {"scheme": scheme},
        save,
        lambda s: f"{s.name} changed",
        _scheme_done,
    )


def _service_done(service):
    return reverse("commissioning:service_list")


@login_required
def service_new(request):
    la = _la(request)
    form = ServiceNewForm(request.POST or None)

    def save(**who):
        data = form.cleaned_data
        return traded.create_service(
            la=la,
            name=data["name"],
            description=data["description"],
            packages=[form.values()],
            reason=data["reason"],
            **who,
        )

    return _page(
        request,
        form,
        "commissioning/setup/service.html",
        {"service": None},
        save,
        lambda s: f"{s.name} added to the catalogue",
        _service_done,
    )


@login_required
def service_edit(request, pk: int):
    _finance(request)
    service = traded_selectors.service_for(user=request.user, pk=pk)
    initial = {"name": service.name, "description": service.description}
    form = ServiceForm(request.POST or None, initial=initial | {"version": service.version})

    def save(**who):
        data = form.cleaned_data
        return services.update_service(
            service=service,
            name=data["name"],
            description=data["description"],
            version=data["version"],
            reason=data["reason"],
            **who,
        )

    return _page(
        request,
        form,
        "commissioning/setup/service.html",
        {"service": service},
        save,
        lambda s: f"{s.name} changed",
        _service_done,
    )


@login_required
def package_new(request, pk: int):
    _finance(request)
    service = traded_selectors.service_for(user=request.user, pk=pk)
    form = PackageForm(request.POST or None)

    def save(**who):
        return services.add_package(
            service=service, values=form.values(), reason=form.cleaned_data["reason"], **who
        )

    return _page(
        request,
        form,
        "commissioning/setup/package.html",
        {"service": service, "package": None},
        save,
        lambda p: f"{p.name} added to {service.name}",
        _service_done,
    )


@login_required
def package_edit(request, pk: int):
    _finance(request)
    package = get_object_or_404(
        Package.objects.filter(service__in=access.visible_services(request.user)).select_related(
            "service__la"
        ),
        pk=pk,
    )
    if not access.can_keep_money_of(request.user, package.service.la_id):
        raise PermissionDenied
    initial = {
        "name": package.name,
        "level": package.level,
        "price": f"{package.price_pence / 100:.2f}",
        "adviser_sessions": package.adviser_sessions,
        "training_places": package.training_places,
        "helpline": package.helpline,
        "clerking": package.clerking,
        "other": package.other,
        "version": package.version,
    }
    form = PackageForm(request.POST or None, initial=initial)

    def save(**who):
        data = form.cleaned_data
        return services.update_package(
            package=package,
            values=form.values(),
            version=data["version"],
            reason=data["reason"],
            **who,
        )

    return _page(
        request,
        form,
        "commissioning/setup/package.html",
        {"service": package.service, "package": package},
        save,
        lambda p: f"{p.name} changed",
        _service_done,
    )
