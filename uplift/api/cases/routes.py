"""Concern cases: the list (LA officers their LA's, advisers their assigned schools', system
administrators every one; anyone else 403), one case, and every step on a case, as on the
case pages. A case outside the caller's scope answers 404 like a missing one. A POST
acts for the caller and calls the same service as the pages (via "api"): a step the caller
may not take answers 403, a step a casework rule refuses (or one sent from a stale version)
409 with the rule's message, a value that makes no sense 422."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router
from ninja.responses import Status

from uplift.accounts import access as accounts_access
from uplift.accounts.models import Role
from uplift.api.calls import call
from uplift.api.cases.schemas import (
    CaseDetailOut,
    CaseIn,
    CaseOut,
    CaseQuery,
    CloseIn,
    ComplianceIn,
    DfeCopyIn,
    IntentionIn,
    MoveIn,
    PowerDfeIn,
    PowerIn,
    PowerOut,
    StructuralIn,
    StructuralOut,
    WarningNoticeIn,
    WarningNoticeOut,
)
from uplift.api.errors import CHANGE_RESPONSES, ERROR_RESPONSES
from uplift.api.pagination import Page, PageParams, paginate
from uplift.casework import access as casework_access
from uplift.casework.cases import selectors
from uplift.casework.cases import services as cases_services
from uplift.casework.models import (
    PowerUse,
    WarningNotice,
)
from uplift.casework.notices import services as notices_services
from uplift.casework.powers import services as powers_services
from uplift.schools.models import Establishment

router = Router(tags=["cases"])


# Presenting


def case_out(case) -> dict:
    school = case.establishment
    lead = case.lead_officer
    return {
        "id": case.pk,
        "school": {
            "urn": school.urn,
            "name": school.name,
            "la_code": school.la.code if school.la else None,
            "la_name": school.la.name if school.la else None,
        },
        "stage": case.stage,
        "stage_label": case.get_stage_display(),
        "stage_changed_on": case.stage_changed_on,
        "opened_on": case.opened_on,
        "opened_by": case.opened_by,
        "opening_reason": case.opening_reason,
        "category_code": case.category_code,
        "lead_officer": lead.get_username() if lead else None,
        "action_plan_due_on": case.action_plan_due_on,
        "notice_of_intention_on": case.notice_of_intention_on,
        "closed_on": case.closed_on,
        "closure_reason": case.closure_reason,
        "version": case.version,
    }


def notice_out(notice) -> dict:
    return {
        "id": notice.pk,
        "case_id": notice.case_id,
        "route": notice.route,
        "grounds": list(notice.grounds),
        "issued_on": notice.issued_on,
        "compliance_working_days": notice.compliance_working_days,
        "compliance_deadline": notice.compliance_deadline,
        "powers_window_ends": notice.powers_window_ends,
        "copied_to_dfe_on": notice.copied_to_dfe_on,
        "compliance": notice.compliance,
        "compliance_decided_on": notice.compliance_decided_on,
    }


def power_out(use) -> dict:
    return {
        "id": use.pk,
        "case_id": use.case_id,
        "power": use.power,
        "power_label": use.get_power_display(),
        "used_on": use.used_on,
        "details": use.details,
        "sos_consent_on": use.sos_consent_on,
        "consulted_on": use.consulted_on,
        "dfe_notified_on": use.dfe_notified_on,
    }


def structural_out(solution) -> dict:
    return {
        "id": solution.pk,
        "case_id": solution.case_id,
        "kind": solution.kind,
        "decided_on": solution.decided_on,
        "academy_order_on": solution.academy_order_on,
        "expected_on": solution.expected_on,
        "completed_on": solution.completed_on,
        "details": solution.details,
    }


def case_detail_out(page: dict) -> dict:
    return {
        **case_out(page["case"]),
        "stage_changes": [
            {
                "from_stage": change.from_stage,
                "to_stage": change.to_stage,
                "changed_on": change.changed_on,
                "reason": change.reason,
                "by": change.actor_label,
            }
            for change in page["stage_changes"]
        ],
        "warning_notices": [notice_out(n) for n in page["notices"]],
        "powers": [power_out(p) for p in page["powers"]],
        "structural_solutions": [structural_out(s) for s in page["structural"]],
        "next_steps": [
            {
                "code": step.code,
                "label": step.label,
                "allowed": step.allowed,
                "reasons": list(step.reasons),
            }
            for step in page["steps"]
        ],
        "academy_order_note": page["academy_order_note"],
    }


# Access


def _reads_cases(user) -> bool:
    if accounts_access.is_system_admin(user):
        return True
    profile = accounts_access.profile_of(user)
    return bool(profile and profile.role in (Role.LA_OFFICER, Role.ADVISER))


def _case(request, case_id: int):
    return selectors.case_for(user=request.auth, pk=case_id)


def _item(request, queryset, pk: int):
    return get_object_or_404(
        queryset.filter(case__in=casework_access.visible_cases(request.auth)).select_related(
            "case__establishment__la"
        ),
        pk=pk,
    )


# Endpoints


@router.get(
    "/cases",
    response={200: Page[CaseOut], **ERROR_RESPONSES},
    summary="List concern cases, newest first",
)
def list_cases(request, filters: Query[CaseQuery], page: Query[PageParams]):
    if not _reads_cases(request.auth):
        raise PermissionDenied
    cases = selectors.cases_for(user=request.auth, stage=filters.stage, la_code=filters.la)
    return paginate(request, cases, page, present=lambda found: [case_out(c) for c in found])


@router.post(
    "/cases",
    response={201: CaseOut, **CHANGE_RESPONSES},
    summary="Open a case for a school (one open case per school)",
)
def open_case(request, payload: CaseIn):
    las = casework_access.casework_las(request.auth)
    if not las.exists():
        raise PermissionDenied
    school = get_object_or_404(
        Establishment.objects.filter(la__in=las).select_related("la"), urn=payload.urn
    )
    case = call(
        cases_services.open_case,
        request,
        establishment=school,
        opened_on=payload.opened_on or timezone.localdate(),
        reason=payload.reason,
    )
    return Status(201, case_out(case))


@router.get(
    "/cases/{int:case_id}",
    response={200: CaseDetailOut, **ERROR_RESPONSES},
    summary="One case: its stage history, notices, powers, structural solutions, next steps",
)
def case_detail(request, case_id: int):
    case = _case(request, case_id)
    page = selectors.case_page(user=request.auth, case=case, today=timezone.localdate())
    return case_detail_out(page)


@router.post(
    "/cases/{int:case_id}/moves",
    response={200: CaseOut, **CHANGE_RESPONSES},
    summary="Move a case to letter of concern, pre-warning or eligible for intervention",
)
def move_case(request, case_id: int, payload: MoveIn):
    case = _case(request, case_id)
    moved = call(
        cases_services.move_case,
        request,
        case=case,
        to_stage=payload.to_stage,
        on=payload.on,
        reason=payload.reason,
        version=payload.version,
        action_plan_due_on=payload.action_plan_due_on,
    )
    return case_out(moved)


@router.post(
    "/cases/{int:case_id}/warning-notices",
    response={201: WarningNoticeOut, 200: WarningNoticeOut, **CHANGE_RESPONSES},
    summary="Issue a warning notice: answers its compliance_deadline and powers_window_ends "
    "(the same notice again, with 200, for a repeated identical request)",
)
def issue_warning_notice(request, case_id: int, payload: WarningNoticeIn):
    case = _case(request, case_id)
    notice = call(
        notices_services.issue_warning_notice,
        request,
        case=case,
        grounds=payload.grounds,
        issued_on=payload.issued_on,
        compliance_working_days=payload.compliance_working_days,
        route=payload.route,
        reason=payload.reason,
        version=payload.version,
    )
    return Status(200 if getattr(notice, "already_issued", False) else 201, notice_out(notice))


@router.post(
    "/warning-notices/{int:notice_id}/dfe-copy",
    response={200: WarningNoticeOut, **CHANGE_RESPONSES},
    summary="Record the day a warning notice was copied to DfE",
)
def record_dfe_copy(request, notice_id: int, payload: DfeCopyIn):
    notice = _item(request, WarningNotice.objects.all(), notice_id)
    notice = call(
        notices_services.record_dfe_copy, request, notice=notice, copied_on=payload.copied_on
    )
    return notice_out(notice)


@router.post(
    "/warning-notices/{int:notice_id}/compliance",
    response={200: WarningNoticeOut, **CHANGE_RESPONSES},
    summary="Record whether the governing body complied with a warning notice",
)
def decide_compliance(request, notice_id: int, payload: ComplianceIn):
    notice = _item(request, WarningNotice.objects.all(), notice_id)
    notice = call(
        notices_services.decide_compliance,
        request,
        notice=notice,
        compliance=payload.compliance,
        decided_on=payload.decided_on,
        notes=payload.notes,
    )
    return notice_out(notice)


@router.post(
    "/cases/{int:case_id}/notice-of-intention",
    response={200: CaseOut, **CHANGE_RESPONSES},
    summary="Record the notice of intention to use powers",
)
def record_notice_of_intention(request, case_id: int, payload: IntentionIn):
    case = _case(request, case_id)
    case = call(
        notices_services.record_notice_of_intention,
        request,
        case=case,
        given_on=payload.given_on,
        reason=payload.reason,
        version=payload.version,
    )
    return case_out(case)


@router.post(
    "/cases/{int:case_id}/powers",
    response={201: PowerOut, **CHANGE_RESPONSES},
    summary="Record an intervention power used (s.63 to s.66)",
)
def use_power(request, case_id: int, payload: PowerIn):
    case = _case(request, case_id)
    use = call(
        powers_services.use_power,
        request,
        case=case,
        power=payload.power,
        used_on=payload.used_on,
        details=payload.details,
        sos_consent_on=payload.sos_consent_on,
        consulted_on=payload.consulted_on,
        dfe_notified_on=payload.dfe_notified_on,
        version=payload.version,
    )
    return Status(201, power_out(use))


@router.post(
    "/powers/{int:power_id}/dfe-notification",
    response={200: PowerOut, **CHANGE_RESPONSES},
    summary="Record the day DfE was told of a power used",
)
def record_power_dfe_notification(request, power_id: int, payload: PowerDfeIn):
    use = _item(request, PowerUse.objects.all(), power_id)
    use = call(
        powers_services.record_power_dfe_notification,
        request,
        power_use=use,
        notified_on=payload.notified_on,
    )
    return power_out(use)


@router.post(
    "/cases/{int:case_id}/structural-solutions",
    response={201: StructuralOut, **CHANGE_RESPONSES},
    summary="Record a structural solution or academy order",
)
def record_structural_solution(request, case_id: int, payload: StructuralIn):
    case = _case(request, case_id)
    solution = call(
        powers_services.record_structural_solution,
        request,
        case=case,
        kind=payload.kind,
        decided_on=payload.decided_on,
        academy_order_on=payload.academy_order_on,
        expected_on=payload.expected_on,
        completed_on=payload.completed_on,
        details=payload.details,
        version=payload.version,
    )
    return Status(201, structural_out(solution))


@router.post(
    "/cases/{int:case_id}/close",
    response={200: CaseOut, **CHANGE_RESPONSES},
    summary="Close a case, with its reason",
)
def close_case(request, case_id: int, payload: CloseIn):
    case = _case(request, case_id)
    case = call(
        cases_services.close_case,
        request,
        case=case,
        closed_on=payload.closed_on,
        reason=payload.reason,
        version=payload.version,
    )
    return case_out(case)
