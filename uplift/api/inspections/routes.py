"""Inspections of the schools the caller may read, across every Ofsted framework."""

from django.core.exceptions import BadRequest
from ninja import Query, Router

from uplift.api import present
from uplift.api.errors import ERROR_RESPONSES
from uplift.api.inspections.schemas import (
    InspectionQuery,
)
from uplift.api.pagination import Page, PageParams, paginate
from uplift.api.schemas import InspectionListItem
from uplift.api.selectors import visible_inspections

router = Router(tags=["inspections"])


@router.get(
    "/inspections",
    response={200: Page[InspectionListItem], **ERROR_RESPONSES},
    summary="List inspections, newest first",
)
def list_inspections(request, filters: Query[InspectionQuery], page: Query[PageParams]):
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise BadRequest("date_from is after date_to.")
    inspections = visible_inspections(
        user=request.auth,
        la=filters.la.strip(),
        framework=filters.framework.value if filters.framework else "",
        kind=filters.kind or "",
        date_from=filters.date_from,
        date_to=filters.date_to,
    )
    return paginate(
        request,
        inspections,
        page,
        present=lambda found: [present.inspection_with_school(item) for item in found],
    )
