"""Governor services: a school's governing body, serving governors, and the schools with
vacancies (the ones needing attention first), in the caller's scope. Appointing a governor
uses the same service as the page (via "api")."""

from django.http import Http404
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.responses import Status

from uplift.api.calls import call
from uplift.api.errors import CHANGE_RESPONSES, ERROR_RESPONSES
from uplift.api.governors.schemas import GoverningBodyOut, GovernorIn, GovernorOut, VacancyOut
from uplift.api.pagination import Page, PageParams, paginate
from uplift.governors import selectors, services

router = Router(tags=["governors"])


def _governor(g, today) -> dict:
    return {
        "id": g.pk,
        "urn": g.body.establishment.urn,
        "name": g.name,
        "category": g.category,
        "role": g.role,
        "appointed_by": g.appointed_by,
        "starts_on": g.starts_on,
        "term_ends_on": g.term_ends_on,
        "term_overdue": g.term_ends_on < today,
        "dbs_checked_on": g.dbs_checked_on,
        "appointment": g.appointment,
    }


def _body_out(body) -> dict:
    s = selectors.standing_of(body)
    by_category = {p.category: p.number for p in s.body.places.all()}
    serving = {}
    for g in s.governors:
        serving[g.category] = serving.get(g.category, 0) + 1
    return {
        "urn": body.establishment.urn,
        "school": body.establishment.name,
        "kind": body.kind,
        "clerk": body.clerk,
        "clerked_by_la": body.clerked_by_la,
        "places": s.places,
        "vacancies": s.vacancies,
        "vacancy_percent": s.vacancy_percent,
        "chair_term_expired": s.chair_term_expired,
        "needs_attention": s.needs_attention,
        "is_sample": body.is_sample,
        "constitution": [
            {"category": c, "places": n, "vacant": max(n - serving.get(c, 0), 0)}
            for c, n in by_category.items()
        ],
        "governors": [_governor(g, s.day) for g in s.governors],
        "reviews": [
            {
                "kind": r.kind,
                "reviewed_on": r.reviewed_on,
                "rating": r.rating,
                "evidence": r.evidence,
            }
            for r in s.body.reviews.all()
        ],
    }


def _body(request, urn):
    body = selectors.body_for_school(request.auth, urn)
    if body is None:
        raise Http404("No governing body recorded for this school")
    return body


@router.get(
    "/governing-bodies/{int:urn}",
    response={200: GoverningBodyOut, **ERROR_RESPONSES},
    summary="A school's governing body: constitution, vacancies, serving governors, reviews",
)
def governing_body(request, urn: int):
    return _body_out(_body(request, urn))


class GovernorFilters(Schema):
    urn: int | None = None


@router.get(
    "/governors",
    response={200: Page[GovernorOut], **ERROR_RESPONSES},
    summary="Serving governors you may read, optionally of one school",
)
def governor_list(request, page: Query[PageParams], filters: Query[GovernorFilters]):
    today = timezone.localdate()
    items = selectors.governors_for(request.auth, urn=filters.urn, day=today)
    return paginate(
        request, items, page, present=lambda found: [_governor(g, today) for g in found]
    )


@router.post(
    "/governing-bodies/{int:urn}/governors",
    response={201: GovernorOut, **ERROR_RESPONSES, **CHANGE_RESPONSES},
    summary="Appoint a governor to the school's governing body",
)
def appoint_governor(request, urn: int, body: GovernorIn):
    governing_body = _body(request, urn)
    governor = call(services.appoint_governor, request, body=governing_body, **body.dict())
    governor.body = governing_body
    return Status(201, _governor(governor, timezone.localdate()))


class VacancyFilters(Schema):
    attention: bool = False


@router.get(
    "/governor-vacancies",
    response={200: Page[VacancyOut], **ERROR_RESPONSES},
    summary="Governing bodies with vacancies, those needing attention first",
)
def vacancies(request, page: Query[PageParams], filters: Query[VacancyFilters]):
    rows = [s for s in selectors.standings(request.auth) if s.vacancies or s.chair_term_expired]
    if filters.attention:
        rows = [s for s in rows if s.needs_attention]
    rows.sort(key=lambda s: (not s.needs_attention, -s.vacancy_rate, s.body.establishment.name))
    return paginate(
        request,
        rows,
        page,
        present=lambda found: [
            {
                "urn": s.body.establishment.urn,
                "school": s.body.establishment.name,
                "places": s.places,
                "vacancies": s.vacancies,
                "vacancy_percent": s.vacancy_percent,
                "chair_term_expired": s.chair_term_expired,
                "needs_attention": s.needs_attention,
            }
            for s in found
        ],
    )
