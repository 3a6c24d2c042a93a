from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from uplift.accounts.access import own_school_id
from uplift.audit.models import Via
from uplift.brokerage import access, selectors
from uplift.brokerage.forms import CheckForm, LeaderForm, OrganisationForm
from uplift.brokerage.services import register
from uplift.brokerage.specialisms import specialism_label
from uplift.brokerage.views.common import bind, reader
from uplift.core.web import REFUSED, attempt
from uplift.schools.models import Establishment


@login_required
@require_GET
def home(request):
    las = reader(request)
    school = own_school_id(request.user)
    return render(
        request,
        "brokerage/home.html",
        {
            "manages": access.managed_las(request.user).exists(),
            "reads_register": las is not None,
            "own_school_urn": Establishment.objects.filter(pk=school)
            .values_list("urn", flat=True)
            .first(),
            "leads": access.is_leader(request.user),
        },
    )


@login_required
@require_GET
def register_page(request):
    if access.register_las(request.user) is None:
        raise PermissionDenied
    rows = selectors.register_rows(user=request.user)
    for row in rows:
        row.specialisms = [specialism_label(c) for c in row.leader.specialisms]
    return render(
        request,
        "brokerage/register.html",
        {
            "rows": rows,
            "organisations": selectors.organisations(user=request.user),
            "manages": access.managed_las(request.user).exists(),
            "any_sample": any(r.leader.is_sample for r in rows),
        },
    )


@login_required
def organisation_new(request):
    la = access.managed_las(request.user).first()
    if la is None:
        raise PermissionDenied
    form = bind(request, OrganisationForm)
    if request.method == "POST" and form.is_valid():
        found = attempt(
            form,
            register.add_organisation,
            actor=request.user,
            via=Via.WEB,
            la=la,
            **form.cleaned_data,
        )
        if found is not REFUSED:
            return redirect("brokerage:organisation", found.pk)
    return render(
        request,
        "brokerage/form.html",
        {"form": form, "heading": "Add a supporting organisation", "back": "register"},
    )


@login_required
def organisation_detail(request, pk: int):
    organisation = selectors.organisation_in_scope(user=request.user, pk=pk)
    manages = access.can_manage(request.user, organisation.la_id)
    form = bind(request, CheckForm) if manages else None
    if request.method == "POST":
        if not manages:
            raise PermissionDenied
        if form.is_valid():
            done = attempt(
                form,
                register.record_check,
                actor=request.user,
                via=Via.WEB,
                organisation=organisation,
                **form.cleaned_data,
            )
            if done is not REFUSED:
                return redirect("brokerage:organisation", pk)
    return render(
        request,
        "brokerage/organisation.html",
        {"organisation": organisation, "form": form, "leaders": organisation.leaders.all()},
    )


@login_required
def leader_new(request, pk: int):
    organisation = selectors.organisation_in_scope(user=request.user, pk=pk)
    if not access.can_manage(request.user, organisation.la_id):
        raise PermissionDenied
    form = bind(request, LeaderForm)
    if request.method == "POST" and form.is_valid():
        leader = attempt(
            form,
            register.add_designated_leader,
            actor=request.user,
            via=Via.WEB,
            organisation=organisation,
            **form.cleaned_data,
        )
        if leader is not REFUSED:
            return redirect("brokerage:register")
    return render(
        request,
        "brokerage/form.html",
        {
            "form": form,
            "heading": f"Add a system leader at {organisation.name}",
            "back": "register",
        },
    )
