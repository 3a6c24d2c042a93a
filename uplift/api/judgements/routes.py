"""Officers' judgements for categorisation: list them (with their history) and record one.

Those who may change a school (its LA's officers, its adviser, system administrators) may
read and record its judgements; another school answers 404 and another role 403. A
judgement is never changed: recording a new one with the `version` you saw (how many
judgements of that criterion the school had) is the update, refused with 409
stale_version when someone recorded another first."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Window
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.responses import Status

from uplift.api.calls import call
from uplift.api.errors import CHANGE_RESPONSES, ERROR_RESPONSES
from uplift.api.judgements.schemas import JudgementIn, JudgementOut, JudgementQuery
from uplift.api.pagination import Page, PageParams, paginate
from uplift.categorisation.judgements.selectors import judged_criteria, version_of
from uplift.categorisation.judgements.services import record_officer_judgement
from uplift.categorisation.models import OfficerJudgement
from uplift.core.words import person_name
from uplift.schools import access as schools_access

router = Router(tags=["judgements"])


def _schools(user):
    schools = schools_access.editable_establishments(user)
    if not schools.exists():
        raise PermissionDenied("Your role does not record officers' judgements")
    return schools


def _present(judgements: list[OfficerJudgement]) -> list[dict]:
    labels: dict = {}
    found = []
    for judgement in judgements:
        la = judgement.establishment.la
        if la is not None and la.pk not in labels:
            labels[la.pk] = {c.code: c.label for c in judged_criteria(la=la).values()}
        found.append(
            {
                "id": judgement.pk,
                "urn": judgement.establishment.urn,
                "school": judgement.establishment.name,
                "criterion": judgement.criterion,
                "criterion_label": labels.get(la.pk if la else None, {}).get(
                    judgement.criterion, judgement.criterion
                ),
                "value": judgement.value,
                "evidence": judgement.evidence,
                "judged_on": judgement.judged_on,
                "recorded_by": person_name(judgement.recorded_by),
                "recorded_at": judgement.recorded_at,
                "from_upload": judgement.import_run_id is not None,
                "version": judgement.version,
            }
        )
    return found


def _listed(user, *, urn=None, criterion: str = ""):
    items = OfficerJudgement.objects.filter(establishment__in=_schools(user))
    if urn is not None:
        items = items.filter(establishment__urn=urn)
    if criterion:
        items = items.filter(criterion=criterion)
    return items.select_related("establishment__la", "recorded_by").annotate(
        version=Window(Count("id"), partition_by=[F("establishment_id"), F("criterion")])
    )


@router.get(
    "/judgements",
    response={200: Page[JudgementOut], **ERROR_RESPONSES},
    summary="Officers' judgements, newest first, with their history",
)
def judgement_list(request, filters: Query[JudgementQuery], page: Query[PageParams]):
    items = _listed(request.auth, urn=filters.urn, criterion=filters.criterion)
    items = items.order_by("establishment__urn", "criterion", "-judged_on", "-recorded_at", "-id")
    if filters.standing:
        latest = list(items)  # a window cannot be filtered in the same query on every database
        seen, standing = set(), []
        for judgement in latest:
            key = (judgement.establishment_id, judgement.criterion)
            if key not in seen:
                seen.add(key)
                standing.append(judgement)
        return paginate(request, standing, page, present=_present)
    return paginate(request, items, page, present=_present)


@router.post(
    "/judgements",
    response={201: JudgementOut, **CHANGE_RESPONSES},
    summary="Record an officer's judgement of a criterion for a school",
)
def judgement_create(request, data: JudgementIn):
    school = get_object_or_404(_schools(request.auth).select_related("la"), urn=data.urn)
    judgement = call(
        record_officer_judgement,
        request,
        establishment=school,
        criterion=data.criterion,
        value=data.value,
        evidence=data.evidence,
        judged_on=data.judged_on,
        version=data.version,
    )
    judgement.establishment = school
    judgement.version = version_of(establishment=school, criterion=judgement.criterion)
    return Status(201, _present([judgement])[0])
