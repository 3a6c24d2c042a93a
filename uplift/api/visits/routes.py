"""Adviser visits, their notes of visit and each school's visit entitlement.

Reads follow the pages: LA officers (their LA's schools), advisers (their assigned schools
and their own visits), system administrators, and a headteacher or chair for their own
school (the note only once the adviser has shared it). Other roles are refused (403); a
school or visit outside the caller's scope answers 404. Changes act for the caller through
the same services as the pages (their audit events say "API"). A step a rule refuses answers
409 with the rule's message, and its code in details[0].type; a stale `version` is refused
the same way (type "stale_version").
"""

from dataclasses import asdict

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.responses import Status

from uplift.api.calls import call
from uplift.api.errors import CHANGE_RESPONSES, ERROR_RESPONSES
from uplift.api.pagination import Page, PageParams, paginate
from uplift.api.visits.schemas import (
    CancelIn,
    CommentIn,
    EntitlementOut,
    NoteIn,
    VersionIn,
    VisitIn,
    VisitOut,
    YearQuery,
)
from uplift.core.errors import Refused
from uplift.support import access as support_access
from uplift.support.visits import selectors, services
from uplift.support.visits.entitlement import academic_year_of, entitlement, parse_academic_year

router = Router(tags=["visits"])


def _person(user) -> dict | None:
    if user is None:
        return None
    return {"id": user.pk, "name": user.get_full_name() or user.get_username()}


def _visit(visit, user) -> dict:
    note = None
    if support_access.can_read_note(user, visit):
        note = {
            "sections": visit.note,
            "shared_at": visit.note_shared_at,
            "head_comment": visit.head_comment,
            "head_commented_at": visit.head_commented_at,
            "head_commented_by": _person(visit.head_commented_by),
            "finalised_at": visit.finalised_at,
        }
    return {
        "id": visit.pk,
        "urn": visit.establishment.urn,
        "school": visit.establishment.name,
        "adviser": _person(visit.adviser),
        "scheduled_for": visit.scheduled_for,
        "academic_year": visit.academic_year,
        "purpose": visit.purpose,
        "status": visit.status,
        "cancelled_reason": visit.cancelled_reason,
        "case_id": visit.case_id,
        "cycle_id": visit.cycle_id,
        "version": visit.version,
        "note": note,
    }


def _change(request, service, **arguments):
    """Call the service for the caller: the visit's new state, or the refusal's answer."""
    visit = call(service, request, **arguments)
    visit = selectors.visit_in_scope(user=request.auth, pk=visit.pk)
    return Status(200, _visit(visit, request.auth))


@router.get(
    "/schools/{int:urn}/visits",
    response={200: Page[VisitOut], **ERROR_RESPONSES},
    summary="A school's visits, newest first",
)
def school_visits(request, urn: int, filters: Query[YearQuery], page: Query[PageParams]):
    school = selectors.support_school(user=request.auth, urn=urn)
    year = _year(filters.year) if filters.year else ""
    visits = selectors.school_visits(user=request.auth, establishment=school, academic_year=year)
    return paginate(
        request, visits, page, present=lambda found: [_visit(v, request.auth) for v in found]
    )


def _year(text: str) -> str:
    try:
        parse_academic_year(text)
    except ValueError as error:
        raise HttpError(400, str(error)) from None
    return text


@router.get(
    "/schools/{int:urn}/entitlement",
    response={200: EntitlementOut, **ERROR_RESPONSES},
    summary="A school's visit entitlement in an academic year, with the visits used",
)
def school_entitlement(request, urn: int, filters: Query[YearQuery]):
    school = selectors.support_school(user=request.auth, urn=urn)
    year = _year(filters.year) if filters.year else academic_year_of(timezone.localdate())
    found = entitlement(establishment=school, academic_year=year)
    return {"urn": school.urn, **asdict(found)}


@router.post(
    "/visits",
    response={201: VisitOut, **CHANGE_RESPONSES},
    summary="Schedule a visit",
)
def schedule_visit(request, body: VisitIn):
    school = selectors.support_school(user=request.auth, urn=body.urn)
    if not support_access.can_plan_support(request.auth, school):
        raise PermissionDenied
    if body.adviser_id is None:
        if not selectors.is_adviser(request.auth):
            raise Refused("Give adviser_id: the adviser who will make the visit")
        adviser = request.auth
    else:
        adviser = get_user_model().objects.filter(pk=body.adviser_id).first()
        if adviser is None:
            raise Refused(f"There is no user {body.adviser_id}")
    answer = _change(
        request,
        services.schedule_visit,
        establishment=school,
        adviser=adviser,
        scheduled_for=body.scheduled_for,
        purpose=body.purpose,
    )
    if isinstance(answer, Status):
        return Status(201, answer.value)
    return answer


@router.get(
    "/visits/{int:visit_id}",
    response={200: VisitOut, **ERROR_RESPONSES},
    summary="One visit, with its note when the caller may read it",
)
def visit_detail(request, visit_id: int):
    return _visit(selectors.visit_in_scope(user=request.auth, pk=visit_id), request.auth)


@router.put(
    "/visits/{int:visit_id}/note",
    response={200: VisitOut, **CHANGE_RESPONSES},
    summary="Write or change the note of visit (the visit's adviser)",
)
def save_note(request, visit_id: int, body: NoteIn):
    visit = selectors.visit_in_scope(user=request.auth, pk=visit_id)
    return _change(
        request,
        services.save_note,
        visit=visit,
        sections=[section.dict() for section in body.sections],
        version=body.version,
    )


@router.post(
    "/visits/{int:visit_id}/share",
    response={200: VisitOut, **CHANGE_RESPONSES},
    summary="Share the note with the headteacher for comment (the visit's adviser)",
)
def share_note(request, visit_id: int, body: VersionIn):
    visit = selectors.visit_in_scope(user=request.auth, pk=visit_id)
    return _change(request, services.share_note, visit=visit, version=body.version)


@router.post(
    "/visits/{int:visit_id}/comment",
    response={200: VisitOut, **CHANGE_RESPONSES},
    summary="Comment on the shared note (the school's headteacher)",
)
def comment_on_note(request, visit_id: int, body: CommentIn):
    visit = selectors.visit_in_scope(user=request.auth, pk=visit_id)
    return _change(
        request,
        services.comment_on_note,
        visit=visit,
        comment=body.comment,
        version=body.version,
    )


@router.post(
    "/visits/{int:visit_id}/finalise",
    response={200: VisitOut, **CHANGE_RESPONSES},
    summary="Finalise the note after the headteacher's comment (the visit's adviser)",
)
def finalise_note(request, visit_id: int, body: VersionIn):
    visit = selectors.visit_in_scope(user=request.auth, pk=visit_id)
    return _change(request, services.finalise_note, visit=visit, version=body.version)


@router.post(
    "/visits/{int:visit_id}/cancel",
    response={200: VisitOut, **CHANGE_RESPONSES},
    summary="Cancel a visit that is not finalised, with the reason",
)
def cancel_visit(request, visit_id: int, body: CancelIn):
    visit = selectors.visit_in_scope(user=request.auth, pk=visit_id)
    return _change(
        request, services.cancel_visit, visit=visit, reason=body.reason, version=body.version
    )
