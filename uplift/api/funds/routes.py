"""Funds and their ledgers, for officers with the finance capability (and system
administrators); everyone else is refused (403), and a fund outside the caller's LA answers
404. Balances are summed from the ledger. A commitment the fund cannot afford answers 409
naming the shortfall (details[0].type "overspend")."""

from django.core.exceptions import PermissionDenied
from ninja import Query, Router
from ninja.responses import Status

from uplift.api.calls import call
from uplift.api.errors import CHANGE_RESPONSES, ERROR_RESPONSES
from uplift.api.funds.schemas import CommitmentIn, EntryOut, FundOut
from uplift.api.pagination import Page, PageParams, paginate
from uplift.core.errors import Refused
from uplift.funds import access, selectors, services
from uplift.schools.models import Establishment

router = Router(tags=["funds"])


def _finance(request) -> None:
    if not access.has_finance(request.auth):
        raise PermissionDenied


def _funds(found: list) -> list[dict]:
    balances = selectors.balances(fund_ids=[fund.pk for fund in found])
    return [
        {
            "id": fund.pk,
            "la_code": fund.la.code,
            "name": fund.name,
            "financial_year": fund.financial_year,
            "owner_name": fund.owner_name,
            "owner_kind": fund.owner_kind,
            "source": fund.source,
            "ring_fences": [fence.name for fence in fund.ring_fences.all()],
            "received_pence": balances[fund.pk].received_pence,
            "committed_pence": balances[fund.pk].committed_pence,
            "paid_pence": balances[fund.pk].paid_pence,
            "balance_pence": balances[fund.pk].balance_pence,
            "is_sample": fund.is_sample,
        }
        for fund in found
    ]


def _entry(entry) -> dict:
    purpose = None
    if entry.purpose_type_id:
        purpose = {
            "type": f"{entry.purpose_type.app_label}.{entry.purpose_type.model}",
            "id": entry.purpose_id,
        }
    return {
        "id": entry.pk,
        "kind": entry.kind,
        "amount_pence": entry.amount_pence,
        "dated": entry.dated,
        "description": entry.description,
        "reason": entry.reason,
        "urn": entry.establishment.urn if entry.establishment_id else None,
        "ring_fence": entry.ring_fence.name if entry.ring_fence_id else None,
        "commitment_id": entry.commitment_id,
        "purpose": purpose,
    }


@router.get("/funds", response={200: Page[FundOut], **ERROR_RESPONSES}, summary="Funds")
def fund_list(request, page: Query[PageParams]):
    _finance(request)
    funds = (
        access.visible_funds(request.auth)
        .select_related("la")
        .prefetch_related("ring_fences")
        .order_by("-financial_year", "name", "id")
    )
    return paginate(request, funds, page, present=_funds)


@router.get(
    "/funds/{int:fund_id}/ledger",
    response={200: Page[EntryOut], **ERROR_RESPONSES},
    summary="A fund's ledger, oldest first",
)
def fund_ledger(request, fund_id: int, page: Query[PageParams]):
    _finance(request)
    fund = selectors.fund_for(user=request.auth, pk=fund_id)
    entries = selectors.ledger(fund=fund).select_related("purpose_type")
    return paginate(request, entries, page, present=lambda found: [_entry(e) for e in found])


@router.post(
    "/funds/{int:fund_id}/commitments",
    response={201: EntryOut, **CHANGE_RESPONSES},
    summary="Commit money from a fund",
)
def commit(request, fund_id: int, body: CommitmentIn):
    _finance(request)
    fund = selectors.fund_for(user=request.auth, pk=fund_id)
    school = None
    if body.urn is not None:
        school = Establishment.objects.filter(urn=body.urn, la_id=fund.la_id).first()
        if school is None:
            raise Refused(f"{fund.la.name} has no school with URN {body.urn}")
    fence = None
    if body.ring_fence:
        fence = fund.ring_fences.filter(name=body.ring_fence).first()
        if fence is None:
            raise Refused(f"{fund} has no ring-fence called {body.ring_fence}")
    entry = call(
        services.commit,
        request,
        fund=fund,
        amount_pence=body.amount_pence,
        dated=body.dated,
        description=body.description,
        reason=body.reason,
        establishment=school,
        ring_fence=fence,
    )
    return Status(201, _entry(entry))
