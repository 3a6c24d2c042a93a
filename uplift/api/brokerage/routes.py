"""School-to-school support: supporting organisations, system leaders, support requests with
their ranked proposals, deployments and their sessions, and each school's credits.

Reads follow the pages (uplift.brokerage.access): LA staff their LA's, a headteacher or chair
their own school's, a system leader the deployments they work on. A record outside the
caller's scope answers 404. Changes go through the same services as the pages; a rule's
refusal answers 409 with its code in details[0].type.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.responses import Status

from uplift.api.brokerage.schemas import (
    AgreeIn,
    CheckIn,
    CheckOut,
    CommentIn,
    CreditsIn,
    DeploymentDetailOut,
    DeploymentOut,
    ExitIn,
    LeaderIn,
    LeaderOut,
    OrganisationIn,
    OrganisationOut,
    RequestDetailOut,
    RequestIn,
    RequestOut,
    ReviewIn,
    SessionIn,
    SessionOut,
    StatementOut,
    YearQuery,
)
from uplift.api.calls import call
from uplift.api.errors import CHANGE_RESPONSES, ERROR_RESPONSES
from uplift.api.pagination import Page, PageParams, paginate
from uplift.brokerage import access, selectors
from uplift.brokerage.matching import broker
from uplift.brokerage.services import credits, deployments, register, requests
from uplift.casework.access import visible_cases
from uplift.core.errors import Refused
from uplift.schools.access import visible_establishments
from uplift.support.models import Objective
from uplift.support.visits.entitlement import parse_academic_year

router = Router(tags=["school-to-school support"])


def _register_reader(request):
    if access.register_las(request.auth) is None:
        raise PermissionDenied


def _organisation(org) -> dict:
    return {
        "id": org.pk,
        "la_code": org.la.code,
        "kind": org.kind,
        "name": org.name,
        "urn": org.establishment.urn if org.establishment else None,
        "postcode": org.postcode,
        "contact_name": org.contact_name,
        "contact_email": org.contact_email,
        "checks": [_check(c) for c in org.checks.all()],
    }


def _check(check) -> dict:
    return {
        "checked_on": check.checked_on,
        "what": check.what,
        "outcome": check.outcome,
        "checked_by": check.checked_by.get_full_name() or "An officer",
    }


@router.get(
    "/support-organisations",
    response={200: Page[OrganisationOut], **ERROR_RESPONSES},
    summary="Organisations that give support, with their due diligence checks",
)
def organisation_list(request, page: Query[PageParams]):
    _register_reader(request)
    found = selectors.organisations(user=request.auth).order_by("name", "pk")
    return paginate(request, found, page, present=lambda rows: [_organisation(o) for o in rows])


@router.post(
    "/support-organisations",
    response={201: OrganisationOut, **CHANGE_RESPONSES},
    summary="Register a supporting organisation (LA officers)",
)
def organisation_add(request, body: OrganisationIn):
    la = access.managed_las(request.auth).first()
    if la is None:
        raise PermissionDenied
    org = call(register.add_organisation, request, la=la, **body.dict())
    return Status(201, _organisation(selectors.organisation_in_scope(user=request.auth, pk=org.pk)))


@router.post(
    "/support-organisations/{int:org_id}/checks",
    response={201: CheckOut, **CHANGE_RESPONSES},
    summary="Record a due diligence check (LA officers)",
)
def check_add(request, org_id: int, body: CheckIn):
    org = selectors.organisation_in_scope(user=request.auth, pk=org_id)
    return Status(
        201, _check(call(register.record_check, request, organisation=org, **body.dict()))
    )


def _leader(row) -> dict:
    leader, verdict = row.leader, row.eligibility
    return {
        "id": leader.pk,
        "name": leader.name,
        "organisation_id": leader.organisation_id,
        "organisation": leader.organisation.name,
        "phases": leader.phases,
        "specialisms": leader.specialisms,
        "days_per_term": leader.days_per_term,
        "is_sample": leader.is_sample,
        "designations": [
            {
                "kind": d.kind,
                "scheme": d.scheme,
                "designated_by": d.designated_by,
                "starts_on": d.starts_on,
                "ends_on": d.ends_on,
            }
            for d in leader.designations.all()
        ],
        "eligibility": None
        if verdict is None
        else {
            "eligible": verdict.eligible,
            "reasons": verdict.reasons,
            "codes": verdict.codes,
            "since": verdict.since,
        },
    }


@router.get(
    "/system-leaders",
    response={200: Page[LeaderOut], **ERROR_RESPONSES},
    summary="System leaders, their designations and whether their school can give support",
)
def leader_list(request, page: Query[PageParams]):
    _register_reader(request)
    rows = selectors.register_rows(user=request.auth)
    return paginate(request, rows, page, present=lambda found: [_leader(r) for r in found])


@router.post(
    "/system-leaders",
    response={201: LeaderOut, **CHANGE_RESPONSES},
    summary="Register a system leader with their first designation (LA officers)",
)
def leader_add(request, body: LeaderIn):
    data = body.dict()
    org = selectors.organisation_in_scope(user=request.auth, pk=data.pop("organisation_id"))
    leader = call(register.add_designated_leader, request, organisation=org, **data)
    rows = [r for r in selectors.register_rows(user=request.auth) if r.leader.pk == leader.pk]
    return Status(201, _leader(rows[0]))


def _request(found) -> dict:
    return {
        "id": found.pk,
        "urn": found.establishment.urn,
        "school": found.establishment.name,
        "raised_from": found.raised_from,
        "case_id": found.case_id,
        "areas": found.areas,
        "details": found.details,
        "days": found.days,
        "needed_by": found.needed_by,
        "funding": found.funding,
        "status": found.status,
        "version": found.version,
    }


@router.get(
    "/support-requests",
    response={200: Page[RequestOut], **ERROR_RESPONSES},
    summary="Requests for support, newest first",
)
def request_list(request, page: Query[PageParams]):
    found = selectors.requests(user=request.auth)
    return paginate(request, found, page, present=lambda rows: [_request(r) for r in rows])


@router.post(
    "/support-requests",
    response={201: RequestDetailOut, **CHANGE_RESPONSES},
    summary="Ask for support for a school (LA officers; a headteacher for their own school)",
)
def request_add(request, body: RequestIn):
    data = body.dict()
    school = visible_establishments(request.auth).filter(urn=data.pop("urn")).first()
    if school is None:
        raise Http404
    case_id = data.pop("case_id")
    case = None
    if case_id is not None:
        case = visible_cases(request.auth).filter(pk=case_id).first()
        if case is None:
            raise Refused(f"There is no concern case {case_id} you can see")
    found = call(requests.raise_request, request, establishment=school, case=case, **data)
    return Status(201, request_detail(request, found.pk))


@router.get(
    "/support-requests/{int:request_id}",
    response={200: RequestDetailOut, **ERROR_RESPONSES},
    summary="A request, with ranked proposals and exclusions for LA officers while it is open",
)
def request_detail(request, request_id: int):
    found = selectors.request_in_scope(user=request.auth, pk=request_id)
    answer = {**_request(found), "proposals": None, "exclusions": None}
    if found.status == "open" and access.can_manage(request.auth, found.establishment.la_id):
        brokered = broker(request=found)
        answer["proposals"] = [
            {
                "leader_id": p.leader.pk,
                "leader": p.leader.name,
                "organisation": p.leader.organisation.name,
                "score": p.score,
                "reasons": p.reasons,
            }
            for p in brokered.proposals
        ]
        answer["exclusions"] = [
            {
                "leader_id": e.leader.pk,
                "leader": e.leader.name,
                "reasons": e.reasons,
                "codes": e.codes,
            }
            for e in brokered.exclusions
        ]
    return answer


@router.post(
    "/support-requests/{int:request_id}/deployments",
    response={201: DeploymentDetailOut, **CHANGE_RESPONSES},
    summary="Agree a deployment for the request (LA officers)",
)
def deployment_agree(request, request_id: int, body: AgreeIn):
    found = selectors.request_in_scope(user=request.auth, pk=request_id)
    data = body.dict()
    leader = access.visible_leaders(request.auth).filter(pk=data.pop("leader_id")).first()
    if leader is None:
        raise Refused("There is no such system leader you can see")
    objectives = []
    for item in data.pop("objectives"):
        linked = None
        if item["plan_objective_id"] is not None:
            linked = (
                Objective.objects.filter(pk=item["plan_objective_id"])
                .select_related("plan")
                .first()
            )
            if linked is None:
                raise Refused(f"There is no action plan objective {item['plan_objective_id']}")
        objectives.append({"text": item["text"], "plan_objective": linked})
    deployment = call(
        deployments.agree_deployment,
        request,
        request=found,
        leader=leader,
        objectives=objectives,
        **data,
    )
    return Status(201, deployment_detail(request, deployment.pk))


def _deployment(d) -> dict:
    return {
        "id": d.pk,
        "request_id": d.request_id,
        "urn": d.establishment.urn,
        "school": d.establishment.name,
        "organisation": d.organisation.name,
        "leader_id": d.leader_id,
        "leader": d.leader.name,
        "status": d.status,
        "days_planned": d.days_planned,
        "days_delivered": float(d.delivered or 0),
        "cost_pence": d.cost_pence,
        "credits": d.credits,
        "starts_on": d.starts_on,
        "ends_on": d.ends_on,
        "review_on": d.review_on,
        "reviewed_on": d.reviewed_on,
        "impact": d.impact,
        "exited_on": d.exited_on,
        "version": d.version,
    }


def _session(s) -> dict:
    return {
        "id": s.pk,
        "held_on": s.held_on,
        "days": float(s.days),
        "focus": s.focus,
        "notes": s.notes,
        "school_comment": s.school_comment,
        "version": s.version,
    }


@router.get(
    "/deployments",
    response={200: Page[DeploymentOut], **ERROR_RESPONSES},
    summary="Deployments the caller may see, newest first",
)
def deployment_list(request, page: Query[PageParams]):
    found = selectors.deployments(user=request.auth)
    return paginate(request, found, page, present=lambda rows: [_deployment(d) for d in rows])


@router.get(
    "/deployments/{int:deployment_id}",
    response={200: DeploymentDetailOut, **ERROR_RESPONSES},
    summary="A deployment with its objectives and sessions",
)
def deployment_detail(request, deployment_id: int):
    d = selectors.deployment_in_scope(user=request.auth, pk=deployment_id)
    return {
        **_deployment(d),
        "objectives": [o.text for o in d.objectives.all()],
        "sessions": [_session(s) for s in d.sessions.all()],
    }


@router.post(
    "/deployments/{int:deployment_id}/sessions",
    response={201: SessionOut, **CHANGE_RESPONSES},
    summary="Log a session (the deployment's leader, or an LA officer)",
)
def session_add(request, deployment_id: int, body: SessionIn):
    d = selectors.deployment_in_scope(user=request.auth, pk=deployment_id)
    return Status(
        201, _session(call(deployments.log_session, request, deployment=d, **body.dict()))
    )


@router.post(
    "/deployments/{int:deployment_id}/sessions/{int:session_id}/comment",
    response={200: SessionOut, **CHANGE_RESPONSES},
    summary="Comment on a session's notes (the supported school's headteacher)",
)
def session_comment(request, deployment_id: int, session_id: int, body: CommentIn):
    d = selectors.deployment_in_scope(user=request.auth, pk=deployment_id)
    session = next((s for s in d.sessions.all() if s.pk == session_id), None)
    if session is None:
        raise Http404
    return _session(call(deployments.comment_on_session, request, session=session, **body.dict()))


@router.post(
    "/deployments/{int:deployment_id}/review",
    response={200: DeploymentDetailOut, **CHANGE_RESPONSES},
    summary="Record the review of impact (LA officers)",
)
def deployment_review(request, deployment_id: int, body: ReviewIn):
    d = selectors.deployment_in_scope(user=request.auth, pk=deployment_id)
    call(deployments.review_deployment, request, deployment=d, **body.dict())
    return deployment_detail(request, deployment_id)


@router.post(
    "/deployments/{int:deployment_id}/exit",
    response={200: DeploymentDetailOut, **CHANGE_RESPONSES},
    summary="End the deployment, completed or early, with its exit plan (LA officers)",
)
def deployment_exit(request, deployment_id: int, body: ExitIn):
    d = selectors.deployment_in_scope(user=request.auth, pk=deployment_id)
    call(deployments.exit_deployment, request, deployment=d, **body.dict())
    return deployment_detail(request, deployment_id)


def _credit_school(request, urn):
    school = selectors.credit_school(user=request.auth, urn=urn)
    if school is None:
        raise PermissionDenied
    return school


@router.get(
    "/credits/{int:urn}",
    response={200: StatementOut, **ERROR_RESPONSES},
    summary="A school's Learning Bank statement for an academic year",
)
def credit_statement(request, urn: int, filters: Query[YearQuery]):
    school = _credit_school(request, urn)
    year = filters.year or selectors.this_year()
    try:
        parse_academic_year(year)
    except ValueError as error:
        raise HttpError(400, str(error)) from None
    found = selectors.statement(establishment=school, academic_year=year)
    return {
        "urn": school.urn,
        "academic_year": found.academic_year,
        "opening": found.opening,
        "earned": found.earned,
        "spent": found.spent,
        "adjusted": found.adjusted,
        "closing": found.closing,
        "entries": [
            {
                "occurred_on": e.occurred_on,
                "kind": e.kind,
                "credits": e.credits,
                "balance_after": e.balance_after,
                "description": e.description,
            }
            for e in found.entries
        ],
    }


@router.post(
    "/credits/{int:urn}",
    response={201: StatementOut, **CHANGE_RESPONSES},
    summary="Add credits to a school or take them away (LA officers); never below nought",
)
def credit_adjust(request, urn: int, body: CreditsIn):
    school = _credit_school(request, urn)
    entry = call(credits.adjust_credits, request, establishment=school, **body.dict())
    return Status(201, credit_statement(request, urn, YearQuery(year=entry.academic_year)))
