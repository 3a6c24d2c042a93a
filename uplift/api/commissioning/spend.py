"""The spend report (what each school's support costs and who pays, by school or by
category) for officers with the finance capability, as on the spend page; and an award's
claims, for finance officers and the school's headteacher or chair, as on the claim pages.
Everyone else is refused (403); an LA or application outside the caller's scope answers 404.
Without an LA code the report covers every LA whose money the caller keeps, as the page does."""

from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Field, Query, Router, Schema

from uplift.api.commissioning.schemas import ClaimOut, SpendOut
from uplift.api.errors import ERROR_RESPONSES
from uplift.api.pagination import Page, PageParams, paginate
from uplift.commissioning import access
from uplift.commissioning.grants import selectors as grants
from uplift.commissioning.spend import selectors as spend
from uplift.funds.years import financial_year_bounds
from uplift.schools.local_authorities import normalise_code
from uplift.schools.models import LocalAuthority

router = Router(tags=["commissioning, grants and traded services"])


class SpendParams(Schema):
    la: str = Field("", description="The DfE LA code; every LA whose money you keep if omitted")
    year: str = ""
    by: Literal["school", "category"] = "school"


@router.get(
    "/spend",
    response={200: SpendOut, **ERROR_RESPONSES},
    summary="Spend on each school's support, by school or by category",
)
def spend_report(request, params: Query[SpendParams]):
    if not access.has_finance(request.auth):
        raise PermissionDenied
    la = None
    if params.la:
        la = LocalAuthority.objects.filter(code=normalise_code(params.la)).first()
        if la is None or not access.can_keep_money_of(request.auth, la.pk):
            raise Http404
    if params.year:
        financial_year_bounds(params.year)  # refuses (422) text that is not a year
    report = spend.spend_report(user=request.auth, la=la, year=params.year)
    by_school = params.by == "school"
    return {
        "la_code": la.code if la else None,
        "year": params.year or None,
        "by": params.by,
        "schools": spend.school_rows(report) if by_school else [],
        "categories": [] if by_school else spend.category_rows(report),
        "not_for_a_school_pence": report.not_for_a_school_pence,
        "total_pence": report.total_pence,
    }


@router.get(
    "/grant-applications/{int:application_id}/claims",
    response={200: Page[ClaimOut], **ERROR_RESPONSES},
    summary="An award's claims, oldest first",
)
def application_claims(request, application_id: int, page: Query[PageParams]):
    if not access.reads_money(request.auth):
        raise PermissionDenied
    application = grants.application_for(user=request.auth, pk=application_id)

    def present(rows):
        return [
            {
                "id": c.pk,
                "application_id": application.pk,
                "amount_pence": c.amount_pence,
                "status": c.status,
                "evidence": c.evidence,
                "submitted_at": c.submitted_at,
                "decided_on": c.decided_on,
                "decision_reason": c.decision_reason,
                "version": c.version,
                "is_sample": c.is_sample,
            }
            for c in rows
        ]

    return paginate(request, grants.claims(application=application), page, present=present)
