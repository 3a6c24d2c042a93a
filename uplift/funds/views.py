"""The fund pages (finance officers only): the funds with their balances, one fund's ledger,
and the forms to add a contribution or commit money."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from uplift.audit.models import Via
from uplift.core.web import REFUSED, attempt
from uplift.funds import access, selectors, services
from uplift.funds.forms import EntryForm, FundEditForm, FundForm
from uplift.funds.money import pounds
from uplift.schools.models import Establishment


def _finance(request) -> None:
    if not access.has_finance(request.user):
        raise PermissionDenied


@login_required
@require_GET
def fund_list(request):
    _finance(request)
    rows = selectors.funds_with_balances(user=request.user)
    can_set_up = access.own_la(request.user) is not None
    return render(request, "funds/list.html", {"rows": rows, "can_set_up": can_set_up})


@login_required
@require_GET
def fund_detail(request, pk: int):
    _finance(request)
    fund = selectors.fund_for(user=request.user, pk=pk)
    return render(
        request,
        "funds/detail.html",
        {
            "fund": fund,
            "balance": selectors.fund_balance(fund=fund),
            "fences": selectors.ring_fence_balances(fund=fund),
            "entries": selectors.ledger(fund=fund),
        },
    )


def _entry_page(request, pk: int, service, title: str, done: str):
    _finance(request)
    fund = selectors.fund_for(user=request.user, pk=pk)
    form = EntryForm(request.POST or None, fund=fund)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        school = None
        if data.get("urn"):
            school = Establishment.objects.filter(urn=data["urn"], la_id=fund.la_id).first()
            if school is None:
                form.add_error("urn", f"{fund.la.name} has no school with URN {data['urn']}")
        if not form.errors:
            entry = attempt(
                form,
                service,
                actor=request.user,
                via=Via.WEB,
                fund=fund,
                amount_pence=data["amount"],
                dated=data["dated"],
                description=data["description"],
                reason=data["reason"],
                establishment=school,
                ring_fence=data.get("ring_fence"),
            )
            if entry is not REFUSED:
                messages.success(request, f"{done} {pounds(abs(entry.amount_pence))}")
                return redirect("funds:detail", fund.pk)
    return render(request, "funds/entry.html", {"fund": fund, "form": form, "title": title})


@login_required
def fund_commit(request, pk: int):
    return _entry_page(request, pk, services.commit, "Commit money", "Committed")


@login_required
def fund_contribute(request, pk: int):
    return _entry_page(request, pk, services.contribute, "Add a contribution", "Added")


def _fund_fields(data) -> dict:
    return {
        "name": data["name"],
        "owner_name": data["owner_name"],
        "owner_kind": data["owner_kind"],
        "source": data["source"],
        "source_note": data["source_note"],
        "reason": data["reason"],
    }


@login_required
def fund_new(request):
    _finance(request)
    la = access.own_la(request.user)
    if la is None:
        raise PermissionDenied  # a system administrator sets funds up from the command line
    form = FundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fund = attempt(
            form,
            services.create_fund,
            actor=request.user,
            via=Via.WEB,
            la=la,
            financial_year=data["financial_year"].strip(),
            ring_fences=data["ring_fences"].splitlines(),
            **_fund_fields(data),
        )
        if fund is not REFUSED:
            messages.success(request, f"{fund} set up")
            return redirect("funds:detail", fund.pk)
    return render(request, "funds/fund_form.html", {"form": form, "fund": None})


@login_required
def fund_edit(request, pk: int):
    _finance(request)
    fund = selectors.fund_for(user=request.user, pk=pk)
    initial = {f: getattr(fund, f) for f in services.FUND_LABELS} | {"version": fund.version}
    form = FundEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = attempt(
            form,
            services.update_fund,
            actor=request.user,
            via=Via.WEB,
            fund=fund,
            version=data["version"],
            **_fund_fields(data),
        )
        if saved is not REFUSED:
            messages.success(request, f"{saved} changed")
            return redirect("funds:detail", fund.pk)
    return render(request, "funds/fund_form.html", {"form": form, "fund": fund})
