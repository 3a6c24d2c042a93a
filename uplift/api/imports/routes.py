"""The import history, for the users who may import (data officers and administrators)."""

from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.errors import AuthorizationError

from uplift.accounts.access import can_import
from uplift.api import present
from uplift.api.errors import ERROR_RESPONSES
from uplift.api.pagination import Page, PageParams, paginate
from uplift.api.schemas import ImportRunDetail, ImportRunOut
from uplift.imports.models import ImportRun

router = Router(tags=["imports"])

ONLY_IMPORTERS = "Only data officers and administrators may read the import history."


def _require_import_access(user) -> None:
    if not can_import(user):
        raise AuthorizationError(message=ONLY_IMPORTERS)


@router.get(
    "/import-runs",
    response={200: Page[ImportRunOut], **ERROR_RESPONSES},
    summary="List import runs, newest first",
)
def list_import_runs(request, page: Query[PageParams]):
    _require_import_access(request.auth)
    return paginate(
        request,
        ImportRun.objects.order_by("-started_at", "-id"),
        page,
        present=lambda found: [present.import_run(run) for run in found],
    )


@router.get(
    "/import-runs/{int:run_id}",
    response={200: ImportRunDetail, **ERROR_RESPONSES},
    summary="One import run, with the problems it found",
)
def import_run_detail(request, run_id: int):
    _require_import_access(request.auth)
    return present.import_run(get_object_or_404(ImportRun, pk=run_id), with_errors=True)
