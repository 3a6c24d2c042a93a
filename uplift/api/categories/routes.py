"""A school's current category, and re-categorising it between rounds on new evidence. The
change carries the category's version the caller read: a change made since answers 409
(type "stale_version"), the same refusal as the page's."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.responses import Status

from uplift.api.calls import call
from uplift.api.categories.schemas import CategoryOut, RecategoriseIn
from uplift.api.errors import CHANGE_RESPONSES, ERROR_RESPONSES
from uplift.categorisation import access
from uplift.categorisation.rounds import selectors, services
from uplift.schools.access import visible_establishments
from uplift.schools.models import Establishment

router = Router(tags=["categories"])


def _school(request, urn: int) -> Establishment:
    las = access.categorisation_las(request.auth)
    if not las.exists():
        raise PermissionDenied
    schools = visible_establishments(request.auth).filter(la__in=las).select_related("la")
    return get_object_or_404(schools, urn=urn)


def category_out(school: Establishment) -> dict:
    current = selectors.current_category(establishment=school)
    return {
        "urn": school.urn,
        "category": current.category if current else None,
        "label": current.label if current else None,
        "since": current.since if current else None,
        "source": current.source if current else None,
        "version": selectors.category_version(establishment=school),
    }


@router.get(
    "/schools/{int:urn}/category",
    response={200: CategoryOut, **ERROR_RESPONSES},
    summary="A school's current category and its version (LA officers)",
)
def school_category(request, urn: int):
    return category_out(_school(request, urn))


@router.post(
    "/schools/{int:urn}/category",
    response={201: CategoryOut, **CHANGE_RESPONSES},
    summary="Re-categorise a school between rounds on new evidence",
)
def recategorise(request, urn: int, payload: RecategoriseIn):
    school = _school(request, urn)
    call(
        services.recategorise,
        request,
        establishment=school,
        category=payload.category,
        reason=payload.reason,
        evidence=payload.evidence,
        version=payload.version,
    )
    return Status(201, category_out(school))
