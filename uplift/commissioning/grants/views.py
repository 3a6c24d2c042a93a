"""Grant and bursary pages: the schemes, one scheme (its criteria; its applications for an
officer, the application form link for a head), applying, one application with the
officer's assessment, and the offer letter PDF of an award."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from uplift.accounts.access import own_school_id
from uplift.audit.models import Via
from uplift.commissioning import access
from uplift.commissioning.forms import ApplicationForm, AssessmentForm
from uplift.commissioning.grants import selectors, services
from uplift.commissioning.grants.claim_views import may_claim
from uplift.commissioning.grants.letter import letter_pdf
from uplift.commissioning.models import ApplicationStatus
from uplift.core.web import REFUSED, attempt
from uplift.schools.models import Establishment


def _reads(request):
    if not access.reads_money(request.user):
        raise PermissionDenied


@login_required
@require_GET
def scheme_list(request):
    _reads(request)
    return render(
        request, "commissioning/schemes.html", {"schemes": selectors.schemes(user=request.user)}
    )


@login_required
@require_GET
def scheme_detail(request, pk: int):
    _reads(request)
    scheme = selectors.scheme_for(user=request.user, pk=pk)
    return render(
        request,
        "commissioning/scheme.html",
        {
            "scheme": scheme,
            "applications": selectors.applications(user=request.user, scheme=scheme),
            "can_apply": access.can_apply_for_grant(request.user, scheme),
        },
    )


@login_required
def apply(request, pk: int):
    _reads(request)
    scheme = selectors.scheme_for(user=request.user, pk=pk)
    if not access.can_apply_for_grant(request.user, scheme):
        raise PermissionDenied
    school = Establishment.objects.get(pk=own_school_id(request.user))
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        application = attempt(
            form,
            services.apply,
            actor=request.user,
            via=Via.WEB,
            scheme=scheme,
            establishment=school,
            requested_pence=form.cleaned_data["amount"],
            purpose=form.cleaned_data["purpose"],
            statement=form.cleaned_data["statement"],
        )
        if application is not REFUSED:
            messages.success(request, f"{school.name}'s application has been sent")
            return redirect("commissioning:application_detail", application.pk)
    return render(
        request, "commissioning/apply.html", {"scheme": scheme, "school": school, "form": form}
    )


@login_required
def application_detail(request, pk: int):
    _reads(request)
    application = selectors.application_for(user=request.user, pk=pk)
    scheme = application.scheme
    may_decide = (
        access.can_keep_money_of(request.user, scheme.la_id)
        and application.status == ApplicationStatus.SUBMITTED
    )
    form = None
    if may_decide:
        form = AssessmentForm(
            request.POST or None,
            criteria=scheme.criteria,
            initial={"version": application.version},
        )
    elif request.method == "POST":
        raise PermissionDenied
    if form is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["decision"] == "award" and not data["amount"]:
            form.add_error("amount", "Enter the amount to award")
        else:
            arguments = {
                "actor": request.user,
                "via": Via.WEB,
                "application": application,
                "assessment": form.assessment(),
                "reason": data["reason"],
                "version": data["version"],
            }
            if data["decision"] == "award":
                decided = attempt(form, services.award, awarded_pence=data["amount"], **arguments)
            else:
                decided = attempt(form, services.decline, **arguments)
            if decided is not REFUSED:
                messages.success(request, f"Decision recorded: {decided.get_status_display()}")
                return redirect("commissioning:application_detail", application.pk)
    claims = list(selectors.claims(application=application))
    return render(
        request,
        "commissioning/application.html",
        {
            "application": application,
            "scheme": scheme,
            "form": form,
            "finance": access.can_keep_money_of(request.user, scheme.la_id),
            "conditions": selectors.conditions(application=application),
            "claims": claims,
            "claimed_pence": sum(c.amount_pence for c in claims if c.status != "refused"),
            "paid_pence": sum(c.amount_pence for c in claims if c.status == "approved"),
            "may_claim": may_claim(request.user, application),
        },
    )


@login_required
@require_GET
def application_letter(request, pk: int):
    _reads(request)
    application = selectors.application_for(user=request.user, pk=pk)
    if application.status != ApplicationStatus.AWARDED:
        raise Http404
    response = HttpResponse(letter_pdf(application), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="grant-offer-{application.pk}.pdf"'
    return response
