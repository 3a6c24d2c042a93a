"""Profile pages: a round's profiles (officers), one school's profile in HTML and PDF,
a batch's progress and the download log. Access goes through the app's access module."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from uplift.audit.models import Via
from uplift.categorisation.access import categorisation_las
from uplift.earlywarning import access as earlywarning_access
from uplift.earlywarning.selectors import school_risk
from uplift.profiles import batches, selectors, services
from uplift.profiles.access import profile_establishments
from uplift.profiles.models import Format, ProfileBatch, ProfileDownload


def _round(la_code: str, round_code: str):
    round_ = selectors.profile_round(la_code=la_code, round_code=round_code)
    if round_ is None:
        raise Http404("No such round")
    return round_


def _officer_round(user, la_code: str, round_code: str):
    round_ = _round(la_code, round_code)
    if not categorisation_las(user).filter(pk=round_.la_id).exists():
        raise Http404("No such round")
    return round_


def _school(user, round_, urn: int):
    return get_object_or_404(profile_establishments(user, round_), urn=urn)


@login_required
def round_profiles(request, la_code: str, round_code: str):
    round_ = _officer_round(request.user, la_code, round_code)
    schools = profile_establishments(request.user, round_)
    return render(
        request,
        "profiles/round.html",
        {
            "round": round_,
            "categorisations": selectors.round_categorisations(
                round_=round_, establishments=schools
            ),
            "definition": round_.policy_version.parsed,
            "batch": ProfileBatch.objects.filter(round=round_).first(),
        },
    )


@login_required
@require_POST
def start_batch(request, la_code: str, round_code: str):
    round_ = _officer_round(request.user, la_code, round_code)
    batch = batches.start_batch(actor=request.user, via=Via.WEB, round_=round_)
    return redirect("profiles:batch", pk=batch.pk)


@login_required
def batch_progress(request, pk: int):
    batch = get_object_or_404(
        ProfileBatch.objects.select_related("round__la").filter(
            round__la__in=categorisation_las(request.user)
        ),
        pk=pk,
    )
    return render(request, "profiles/batch.html", {"batch": batch, "round": batch.round})


@login_required
def profile_page(request, la_code: str, round_code: str, urn: int):
    round_ = _round(la_code, round_code)
    school = _school(request.user, round_, urn)
    profile = selectors.build_profile(round_=round_, establishment=school)
    services.log_download(
        user=request.user, round_=round_, establishment=school, format=Format.HTML
    )
    risk = (
        school_risk(school=school)
        if earlywarning_access.can_read_risk(request.user, school.la_id)
        else None
    )
    return render(request, "profiles/profile.html", {"profile": profile, "risk": risk})


@login_required
def profile_pdf(request, la_code: str, round_code: str, urn: int):
    round_ = _round(la_code, round_code)
    school = _school(request.user, round_, urn)
    document = services.stored_document(round_=round_, establishment=school)
    services.log_download(
        user=request.user, round_=round_, establishment=school, format=Format.PDF, document=document
    )
    return FileResponse(
        document.file.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=services.pdf_name(school),
    )


@login_required
def downloads(request, la_code: str, round_code: str):
    round_ = _officer_round(request.user, la_code, round_code)
    log = ProfileDownload.objects.filter(round=round_).select_related("establishment")[:500]
    return render(request, "profiles/downloads.html", {"round": round_, "downloads": log})
