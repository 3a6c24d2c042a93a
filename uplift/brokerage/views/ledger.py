from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render

from uplift.audit.models import Via
from uplift.brokerage import access, selectors
from uplift.brokerage.forms import CreditsForm, PracticeForm, PracticeSearchForm, ShapedSessionForm
from uplift.brokerage.services import credits, deployments, practice
from uplift.brokerage.specialisms import specialism_label
from uplift.brokerage.views.common import bind, number, reader
from uplift.core.web import REFUSED, attempt
from uplift.schools.models import PhaseGroup
from uplift.support.visits.entitlement import parse_academic_year


def _school(request, urn):
    school = selectors.credit_school(user=request.user, urn=urn)
    if school is None:
        raise PermissionDenied
    return school


def _year(request) -> str:
    year = request.GET.get("year") or selectors.this_year()
    try:
        parse_academic_year(year)
    except ValueError:
        raise Http404 from None
    return year


@login_required
def credit_statement(request, urn: int):
    school = _school(request, urn)
    manages = access.can_manage(request.user, school.la_id)
    form = bind(request, CreditsForm) if manages else None
    if request.method == "POST":
        if not manages:
            raise PermissionDenied
        if form.is_valid():
            done = attempt(
                form,
                credits.adjust_credits,
                actor=request.user,
                via=Via.WEB,
                establishment=school,
                **form.cleaned_data,
            )
            if done is not REFUSED:
                return redirect("brokerage:credits", urn)
    found = selectors.statement(establishment=school, academic_year=_year(request))
    return render(request, "brokerage/credits.html", {"statement": found, "form": form})


@login_required
def shaped_sessions(request, urn: int):
    school = _school(request, urn)
    year = _year(request)
    can_book = access.can_raise_request(request.user, school)
    form = bind(request, ShapedSessionForm) if can_book else None
    if request.method == "POST":
        if not can_book:
            raise PermissionDenied
        if form.is_valid():
            done = attempt(
                form,
                deployments.book_shaped_session,
                actor=request.user,
                via=Via.WEB,
                establishment=school,
                **form.cleaned_data,
            )
            if done is not REFUSED:
                return redirect("brokerage:shaped_sessions", urn)
    booked = list(selectors.shaped_sessions(establishment=school, academic_year=year))
    for session in booked:
        session.area_label = specialism_label(session.focus_area)
    allowed = selectors.shaped_allowance(establishment=school)
    return render(
        request,
        "brokerage/shaped_sessions.html",
        {
            "school": school,
            "year": year,
            "booked": booked,
            "allowed": allowed,
            "form": form,
            "left": max(allowed - len(booked), 0),
        },
    )


@login_required
def good_practice(request):
    if reader(request) is None:
        raise PermissionDenied
    search = PracticeSearchForm(request.GET or None)
    filters = search.cleaned_data if search.is_valid() else {}
    found = list(selectors.good_practice(user=request.user, **filters)[:100])
    phases = dict(PhaseGroup.choices)
    for item in found:
        item.area_label = specialism_label(item.area)
        item.phase_label = phases.get(item.phase, item.phase)
    return render(
        request,
        "brokerage/good_practice.html",
        {
            "search": search,
            "practice": found,
            "can_add": selectors.practice_schools(user=request.user).exists(),
        },
    )


@login_required
def good_practice_new(request):
    schools = selectors.practice_schools(user=request.user)
    if not schools.exists():
        raise PermissionDenied
    urn = request.GET.get("urn")
    if urn:
        school = schools.filter(urn=number(urn)).first()
        if school is None:
            raise Http404
    else:
        school = schools.first() if schools.count() == 1 else None
    if school is None:
        return render(
            request,
            "brokerage/choose_school.html",
            {"heading": "Which school's practice?", "back": "good_practice"},
        )
    form = bind(request, PracticeForm)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            practice.add_good_practice,
            actor=request.user,
            via=Via.WEB,
            establishment=school,
            **form.cleaned_data,
        )
        if done is not REFUSED:
            return redirect("brokerage:good_practice")
    return render(
        request,
        "brokerage/form.html",
        {
            "form": form,
            "heading": f"Add good practice at {school.name}",
            "back": "good_practice",
        },
    )
