"""Data officers' pages: the import history, one run's errors, and uploading a file."""

import tempfile
from dataclasses import dataclass
from functools import wraps
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, SuspiciousFileOperation
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import get_valid_filename

from uplift.accounts.access import can_import
from uplift.imports import registry
from uplift.imports.errors import FileRejected
from uplift.imports.forms import ImportUploadForm
from uplift.imports.models import ImportRun
from uplift.imports.services import MAX_ERRORS_KEPT, refuse_oversized_upload, run_import
from uplift.imports.uploads import oversized_uploads

RUNS_PER_PAGE = 50


@dataclass(frozen=True)
class ImporterInfo:
    """What the pages show of an importer (templates would call an importer class)."""

    name: str
    label: str
    description: str

    @classmethod
    def of(cls, importer) -> "ImporterInfo":
        return cls(importer.name, importer.label, importer.description)


def _importers() -> dict[str, type]:
    return {importer.name: importer for importer in registry.all_importers()}


def import_access_required(view):
    """Signed in, and a data officer, system administrator or superuser (else 403)."""

    @login_required
    @wraps(view)
    def checked(request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


@import_access_required
def import_list(request):
    paginator = Paginator(ImportRun.objects.select_related("user"), RUNS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    importers = _importers()
    for run in page.object_list:
        run.importer_label = importers[run.importer].label if run.importer in importers else ""
    return render(
        request,
        "imports/list.html",
        {
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        },
    )


@import_access_required
def import_detail(request, pk: int):
    run = get_object_or_404(ImportRun.objects.select_related("user"), pk=pk)
    importer = _importers().get(run.importer)
    return render(
        request,
        "imports/detail.html",
        {
            "run": run,
            "importer": ImporterInfo.of(importer) if importer else None,
            "errors_truncated": len(run.errors) >= MAX_ERRORS_KEPT,
        },
    )


@import_access_required
def upload(request):
    name = request.POST.get("importer") or request.GET.get("importer")
    importers = _importers()
    importer = importers.get(name)
    if importer is None:
        choices = [ImporterInfo.of(i) for i in importers.values()]
        return render(request, "imports/choose.html", {"importers": choices})
    form = ImportUploadForm(importer, request.POST or None, request.FILES or None)
    dropped = oversized_uploads(request).get("file") if request.method == "POST" else None
    if dropped is not None:
        run = refuse_oversized_upload(
            importer_name=importer.name, file_name=Path(dropped).name, user=request.user
        )
        return redirect("imports:detail", pk=run.pk)
    if request.method == "POST" and form.is_valid():
        run = save_and_import(request, importer, form)
        return redirect("imports:detail", pk=run.pk)
    return render(
        request, "imports/upload.html", {"importer": ImporterInfo.of(importer), "form": form}
    )


def save_and_import(request, importer, form) -> ImportRun:
    """Save the upload under its own name in a temporary folder, and import it from there."""
    upload_file = form.cleaned_data["file"]
    original_name = Path(upload_file.name).name
    with tempfile.TemporaryDirectory(prefix="uplift-upload-") as folder:
        path = Path(folder) / _safe_file_name(original_name)
        with open(path, "wb") as handle:
            for chunk in upload_file.chunks():
                handle.write(chunk)
        try:
            return run_import(
                importer_name=importer.name,
                path=path,
                options=form.importer_options(),
                user=request.user,
                via="web",
                dry_run=form.cleaned_data["dry_run"],
                display_name=original_name,
            )
        except FileRejected as rejected:
            return rejected.run


def _safe_file_name(name: str) -> str:
    """A name safe on disk that keeps the extension (the reader goes by it)."""
    try:
        return get_valid_filename(name)
    except SuspiciousFileOperation:
        return "upload" + Path(name).suffix
