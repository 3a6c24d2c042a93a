"""Governor services pages: every governing body the user reads with its vacancies and the
schools needing attention; one school's body (constitution, clerk, governors and terms,
training, reviews); and the forms that change it through the services. None needs
JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from uplift.audit.models import Via
from uplift.core.web import REFUSED, attempt
from uplift.governors import access, selectors, services
from uplift.governors.forms import BodyForm, GovernorForm, LeaveForm, ReviewForm, TrainingForm
from uplift.governors.models import GoverningBody, Governor

WEB = {"via": Via.WEB}


def _school(request, urn):
    return get_object_or_404(access.readable_schools(request.user).select_related("la"), urn=urn)


def _keeping(request, school):
    if not access.can_keep(request.user, school):
        raise PermissionDenied
    return {"actor": request.user, **WEB}


def _body(request, school):
    body = GoverningBody.objects.filter(establishment=school).first()
    if body is None:
        raise Http404("Record the governing body first")
    return body


@login_required
def body_list(request):
    if access.readable_school_scope(request.user) is None:
        raise PermissionDenied
    rows = selectors.standings(request.user)
    attention = request.GET.get("show") == "attention"
    shown = [row for row in rows if row.needs_attention] if attention else rows
    unrecorded = access.readable_schools(request.user).filter(
        governing_body__isnull=True, status="Open"
    )
    return render(
        request,
        "governors/list.html",
        {
            "rows": shown,
            "attention": attention,
            "attention_count": sum(row.needs_attention for row in rows),
            "total": len(rows),
            "unrecorded": unrecorded.order_by("name")[:200],
            "threshold": round(selectors.VACANCY_THRESHOLD * 100),
        },
    )


@login_required
def body_detail(request, urn):
    school = _school(request, urn)
    body = selectors.body_for_school(request.user, urn)
    context = {"school": school, "can_keep": access.can_keep(request.user, school)}
    if body is not None:
        context |= {
            "s": selectors.standing_of(body),
            "history": selectors.governor_history(body),
            "sessions": selectors.sessions_of(body),
        }
    return render(request, "governors/detail.html", context)


@login_required
def body_edit(request, urn):
    school = _school(request, urn)
    change = _keeping(request, school)
    body = selectors.body_for_school(request.user, urn)
    initial = {}
    if body is not None:
        initial = {
            "kind": body.kind,
            "clerk": body.clerk,
            "clerked_by_la": body.clerked_by_la,
            "instrument_dated": body.instrument_dated,
            "version": body.version,
            **{f"places_{p.category}": p.number for p in body.places.all()},
        }
    form = BodyForm(request.POST or None, initial=initial, needs_reason=body is not None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = attempt(
            form,
            services.set_up_body,
            establishment=school,
            kind=data["kind"],
            places=form.places(),
            clerk=data["clerk"],
            clerked_by_la=data["clerked_by_la"],
            instrument_dated=data["instrument_dated"],
            version=data.get("version"),
            reason=data.get("reason", ""),
            **change,
        )
        if done is not REFUSED:
            messages.success(request, "Governing body saved")
            return redirect("governors:detail", urn=urn)
    return render(
        request, "governors/body_edit.html", {"school": school, "body": body, "form": form}
    )


@login_required
def governor_new(request, urn):
    school = _school(request, urn)
    change = _keeping(request, school)
    body = _body(request, school)
    form = GovernorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        governor = attempt(
            form, services.appoint_governor, body=body, **form.cleaned_data, **change
        )
        if governor is not REFUSED:
            messages.success(request, f"{governor.name} added")
            return redirect("governors:detail", urn=urn)
    return render(request, "governors/governor_new.html", {"school": school, "form": form})


@login_required
def governor_leave(request, pk):
    governor = get_object_or_404(
        Governor.objects.select_related("body__establishment__la").filter(
            body__in=access.visible_bodies(request.user)
        ),
        pk=pk,
    )
    school = governor.body.establishment
    change = _keeping(request, school)
    form = LeaveForm(request.POST or None, initial={"left_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form, services.governor_leaves, governor=governor, **form.cleaned_data, **change
        )
        if done is not REFUSED:
            messages.success(request, f"{governor.name} recorded as having left")
            return redirect("governors:detail", urn=school.urn)
    return render(
        request,
        "governors/governor_leave.html",
        {"school": school, "governor": governor, "form": form},
    )


@login_required
def training_new(request, urn):
    school = _school(request, urn)
    change = _keeping(request, school)
    body = _body(request, school)
    serving = body.governors.filter(selectors.serving(timezone.localdate())).order_by("name")
    form = TrainingForm(request.POST or None, governors=serving)
    if request.method == "POST" and form.is_valid():
        done = attempt(form, services.record_training, la=school.la, **form.cleaned_data, **change)
        if done is not REFUSED:
            messages.success(request, "Training recorded")
            return redirect("governors:detail", urn=urn)
    return render(request, "governors/training_new.html", {"school": school, "form": form})


@login_required
def review_new(request, urn):
    school = _school(request, urn)
    change = _keeping(request, school)
    body = _body(request, school)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = attempt(form, services.record_review, body=body, **form.cleaned_data, **change)
        if done is not REFUSED:
            messages.success(request, "Review recorded")
            return redirect("governors:detail", urn=urn)
    return render(request, "governors/review_new.html", {"school": school, "form": form})
