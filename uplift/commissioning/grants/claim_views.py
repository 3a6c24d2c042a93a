"""Pages for an award's conditions and claims: attaching a condition (finance officers),
making a claim with evidence (the school's head or a finance officer), and one claim with
the officer's decision (approve and pay, or not approve)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from uplift.accounts.access import own_school_id, role_of
from uplift.accounts.models import Role
from uplift.audit.models import Via
from uplift.commissioning import access
from uplift.commissioning.forms import ClaimDecisionForm, ClaimForm, ConditionForm
from uplift.commissioning.grants import claims, selectors
from uplift.commissioning.models import ApplicationStatus, ClaimStatus
from uplift.core.web import REFUSED, attempt
from uplift.funds.money import pounds


def may_claim(user, application) -> bool:
    if application.status != ApplicationStatus.AWARDED:
        return False
    if access.can_keep_money_of(user, application.scheme.la_id):
        return True
    return role_of(user) == Role.HEADTEACHER and own_school_id(user) == application.establishment_id


@login_required
def claim_new(request, pk: int):
    if not access.reads_money(request.user):
        raise PermissionDenied
    application = selectors.application_for(user=request.user, pk=pk)
    if not may_claim(request.user, application):
        raise PermissionDenied
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = attempt(
            form,
            claims.claim,
            actor=request.user,
            via=Via.WEB,
            application=application,
            amount_pence=form.cleaned_data["amount"],
            evidence=form.cleaned_data["evidence"],
        )
        if made is not REFUSED:
            messages.success(request, f"Claim of {pounds(made.amount_pence)} sent")
            return redirect("commissioning:claim_detail", made.pk)
    return render(
        request,
        "commissioning/claim_new.html",
        {
            "application": application,
            "conditions": selectors.conditions(application=application),
            "form": form,
        },
    )


@login_required
def condition_new(request, pk: int):
    if not access.has_finance(request.user):
        raise PermissionDenied
    application = selectors.application_for(user=request.user, pk=pk)
    form = ConditionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        added = attempt(
            form,
            claims.add_condition,
            actor=request.user,
            via=Via.WEB,
            application=application,
            text=form.cleaned_data["text"],
            reason=form.cleaned_data["reason"],
        )
        if added is not REFUSED:
            messages.success(request, "Condition attached")
            return redirect("commissioning:application_detail", application.pk)
    return render(
        request, "commissioning/condition_new.html", {"application": application, "form": form}
    )


@login_required
def claim_detail(request, pk: int):
    if not access.reads_money(request.user):
        raise PermissionDenied
    claim = selectors.claim_for(user=request.user, pk=pk)
    application = claim.application
    form = None
    if (
        access.can_keep_money_of(request.user, application.scheme.la_id)
        and claim.status == ClaimStatus.SUBMITTED
    ):
        form = ClaimDecisionForm(request.POST or None, initial={"version": claim.version})
    elif request.method == "POST":
        raise PermissionDenied
    if form is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        service = claims.approve if data["decision"] == "approve" else claims.refuse
        decided = attempt(
            form,
            service,
            actor=request.user,
            via=Via.WEB,
            claim=claim,
            reason=data["reason"],
            version=data["version"],
        )
        if decided is not REFUSED:
            messages.success(request, f"Claim {decided.get_status_display().lower()}")
            return redirect("commissioning:claim_detail", claim.pk)
    return render(
        request,
        "commissioning/claim.html",
        {
            "claim": claim,
            "application": application,
            "conditions": selectors.conditions(application=application),
            "form": form,
        },
    )
