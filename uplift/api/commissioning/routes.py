"""Commissions (with their four-part accountability report), grant schemes and traded
services' subscriptions. Commissions are for officers with the finance capability and system
administrators; grant schemes and subscriptions also for a headteacher or chair (their
school's LA's schemes, their own school's subscriptions). Everyone else is refused (403)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from ninja import Query, Router

from uplift.api.commissioning.schemas import CommissionOut, SchemeOut, SubscriptionOut
from uplift.api.errors import ERROR_RESPONSES
from uplift.api.pagination import Page, PageParams, paginate
from uplift.commissioning import access
from uplift.commissioning.commissions import selectors as commissions
from uplift.commissioning.traded import selectors as traded

router = Router(tags=["commissioning, grants and traded services"])


def _commission(commission) -> dict:
    return {
        "id": commission.pk,
        "title": commission.title,
        "provider": commission.provider.name,
        "provider_kind": commission.provider.kind,
        "fund_id": commission.fund_id,
        "budget_pence": commission.budget_pence,
        "starts_on": commission.starts_on,
        "ends_on": commission.ends_on,
        "urns": [school.urn for school in commission.schools.all()],
        "report": [
            {
                "part": entry.part,
                "label": entry.label,
                "rag": entry.section.rag if entry.section else None,
                "evidence": entry.section.evidence if entry.section else "",
            }
            for entry in commissions.accountability_report(commission)
        ],
        "is_sample": commission.is_sample,
    }


@router.get(
    "/commissions", response={200: Page[CommissionOut], **ERROR_RESPONSES}, summary="Commissions"
)
def commission_list(request, page: Query[PageParams]):
    if not access.has_finance(request.auth):
        raise PermissionDenied
    found = commissions.commissions(user=request.auth)
    return paginate(request, found, page, present=lambda rows: [_commission(c) for c in rows])


@router.get(
    "/grant-schemes",
    response={200: Page[SchemeOut], **ERROR_RESPONSES},
    summary="Grant and bursary schemes",
)
def scheme_list(request, page: Query[PageParams]):
    if not access.reads_money(request.auth):
        raise PermissionDenied
    visible = access.visible_applications(request.auth)
    schemes = (
        access.visible_schemes(request.auth)
        .prefetch_related(
            Prefetch("applications", queryset=visible.only("pk", "scheme_id"), to_attr="seen")
        )
        .order_by("-closes_on", "name", "id")
    )

    def present(rows):
        return [
            {
                "id": s.pk,
                "name": s.name,
                "criteria": s.criteria,
                "max_award_pence": s.max_award_pence,
                "closes_on": s.closes_on,
                "applications": len(s.seen),
                "is_sample": s.is_sample,
            }
            for s in rows
        ]

    return paginate(request, schemes, page, present=present)


@router.get(
    "/subscriptions",
    response={200: Page[SubscriptionOut], **ERROR_RESPONSES},
    summary="Traded services' subscriptions",
)
def subscription_list(request, page: Query[PageParams]):
    if not access.reads_money(request.auth):
        raise PermissionDenied
    found = traded.subscriptions(user=request.auth)

    def present(rows):
        return [
            {
                "id": s.pk,
                "service": s.service.name,
                "urn": s.establishment.urn,
                "school": s.establishment.name,
                "academic_year": s.academic_year,
                "status": s.status,
                "package": s.package.name if s.package_id else None,
                "price_pence": s.price_pence,
                "version": s.version,
                "is_sample": s.is_sample,
            }
            for s in rows
        ]

    return paginate(request, found, page, present=present)
