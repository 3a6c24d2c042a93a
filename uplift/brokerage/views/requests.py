from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from uplift.accounts.access import own_school_id
from uplift.audit.models import Via
from uplift.brokerage import access, selectors
from uplift.brokerage.forms import AgreeForm, RequestForm
from uplift.brokerage.matching import broker
from uplift.brokerage.services import deployments, requests
from uplift.brokerage.specialisms import specialism_label
from uplift.brokerage.views.common import bind, number, reader
from uplift.casework.access import visible_cases
from uplift.core.web import REFUSED, attempt
from uplift.schools.access import visible_establishments
from uplift.support.models import Objective


@login_required
@require_GET
def request_list(request):
    reader(request)
    found = selectors.requests(user=request.user)
    return render(
        request,
        "brokerage/requests.html",
        {
            "requests": found[:200],
            "can_raise": access.managed_las(request.user).exists() or _head_of_a_school(request),
        },
    )


def _head_of_a_school(request) -> bool:
    """A headteacher raises requests for their own school (a chair reads them)."""
    school = _school_for_new(request) if own_school_id(request.user) else None
    return bool(school and access.can_raise_request(request.user, school))


def _school_for_new(request):
    urn = request.GET.get("urn") or request.POST.get("urn")
    if not urn:
        school = own_school_id(request.user)
        if school is None:
            return None
        return visible_establishments(request.user).filter(pk=school).first()
    school = visible_establishments(request.user).filter(urn=number(urn)).first()
    if school is None:
        raise Http404
    return school


@login_required
def request_new(request):
    school = _school_for_new(request)
    if school is None:
        if not access.managed_las(request.user).exists():
            raise PermissionDenied
        return render(
            request,
            "brokerage/choose_school.html",
            {"heading": "Which school needs support?", "back": "requests"},
        )
    if not access.can_raise_request(request.user, school):
        raise PermissionDenied
    head = own_school_id(request.user) == school.pk
    cases = visible_cases(request.user).filter(establishment=school).exclude(stage="closed")
    form = bind(request, RequestForm, cases=cases, head=head)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.setdefault("raised_from", "school")
        found = attempt(
            form,
            requests.raise_request,
            actor=request.user,
            via=Via.WEB,
            establishment=school,
            **data,
        )
        if found is not REFUSED:
            return redirect("brokerage:request", found.pk)
    return render(request, "brokerage/request_new.html", {"form": form, "school": school})


@login_required
def request_detail(request, pk: int):
    found = selectors.request_in_scope(user=request.user, pk=pk)
    manages = access.can_manage(request.user, found.establishment.la_id)
    brokerage = broker(request=found) if manages and found.status == "open" else None
    form = None
    if brokerage is not None:
        form = bind(
            request,
            AgreeForm,
            leaders=[p.leader for p in brokerage.proposals],
            plan_objectives=Objective.objects.filter(plan__establishment=found.establishment),
            initial={"version": found.version, "days_planned": found.days},
        )
        if request.method == "POST" and form.is_valid():
            data = dict(form.cleaned_data)
            leader = next(p.leader for p in brokerage.proposals if p.leader.pk == data["leader"])
            objectives = [
                {"text": data.pop("objective"), "plan_objective": data.pop("plan_objective")}
            ]
            data.pop("leader")
            done = attempt(
                form,
                deployments.agree_deployment,
                actor=request.user,
                via=Via.WEB,
                request=found,
                leader=leader,
                objectives=objectives,
                **data,
            )
            if done is not REFUSED:
                return redirect("brokerage:deployment", done.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "brokerage/request.html",
        {
            "request_": found,
            "areas": [specialism_label(a) for a in found.areas],
            "brokerage": brokerage,
            "form": form,
            "deployments": found.deployments.select_related("leader", "organisation"),
        },
    )
