"""The judgement pages: a school's judged criteria, one criterion's form and history, and the
schools of a round that lack a judgement the policy needs. For those who may change the
school (its LA's officers, its adviser); anyone else gets 404 for the school."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from uplift.audit.models import Via
from uplift.categorisation import access
from uplift.categorisation.judgements import selectors
from uplift.categorisation.judgements.forms import JudgementForm
from uplift.categorisation.judgements.services import record_officer_judgement
from uplift.categorisation.models import Round
from uplift.core.web import REFUSED, attempt
from uplift.imports import registry as imports_registry
from uplift.imports.forms import ImportUploadForm
from uplift.imports.views import save_and_import
from uplift.schools import access as schools_access


def _school(request, urn: int):
    schools = schools_access.editable_establishments(request.user).select_related("la")
    return get_object_or_404(schools, urn=urn)


@login_required
@require_GET
def school_judgements(request, urn: int):
    school = _school(request, urn)
    criteria = selectors.judged_criteria(la=school.la) if school.la_id else {}
    return render(
        request,
        "categorisation/judgements/school.html",
        {
            "school": school,
            "standing": selectors.standing(establishment=school, criteria=criteria),
        },
    )


@login_required
def record(request, urn: int, criterion: str):
    school = _school(request, urn)
    criteria = selectors.judged_criteria(la=school.la) if school.la_id else {}
    found = criteria.get(criterion)
    if found is None:
        raise Http404("The LA's policies do not ask for a judgement of this")
    version = selectors.version_of(establishment=school, criterion=criterion)
    form = JudgementForm(request.POST or None, criterion=found, version=version)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = attempt(
            form,
            record_officer_judgement,
            actor=request.user,
            via=Via.WEB,
            establishment=school,
            criterion=criterion,
            value=data["value"],
            evidence=data["evidence"],
            judged_on=data["judged_on"],
            version=data["version"],
        )
        if saved is not REFUSED:
            messages.success(request, f"{found.label}: judgement recorded for {school.name}")
            return redirect("categorisation:judgement", urn=school.urn, criterion=criterion)
        form.data = form.data.copy()
        form.data["version"] = str(selectors.version_of(establishment=school, criterion=criterion))
    return render(
        request,
        "categorisation/judgements/record.html",
        {
            "school": school,
            "criterion": found,
            "form": form,
            "history": selectors.history(establishment=school, criterion=criterion),
        },
    )


@login_required
@require_GET
def round_missing(request, pk: int):
    las = access.categorisation_las(request.user)
    if not las.exists():
        raise PermissionDenied
    round_ = get_object_or_404(
        Round.objects.filter(la__in=las).select_related("la", "policy_version__policy"), pk=pk
    )
    return render(
        request,
        "categorisation/judgements/missing.html",
        {"round": round_, "missing": selectors.missing_for_round(round_)},
    )


@login_required
def upload(request):
    """Many judgements at once from a file, for those who record judgements. The same
    importer as `uplift judgements import`: one bad row and nothing is saved."""
    if not schools_access.editable_establishments(request.user).exists():
        raise PermissionDenied
    importer = imports_registry.get("judgements")
    form = ImportUploadForm(importer, request.POST or None, request.FILES or None)
    run = None
    if request.method == "POST" and form.is_valid():
        run = save_and_import(request, importer, form)
        if run.status == "applied":
            messages.success(request, f"{run.file_name}: {run.summary}")
    return render(
        request,
        "categorisation/judgements/upload.html",
        {"form": form, "run": run, "importer": importer},
    )
