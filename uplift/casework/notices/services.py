"""Warning notices and the notice of intention on a concern case: issuing a notice with its
compliance period in working days, recording its copy to DfE and whether the governing body
complied, and recording the notice of intention to use powers. Each step runs in one
transaction with its audit event, as in cases_services (the shared steps are in
case_changes)."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from uplift.casework.calendar import working_days
from uplift.casework.cases import changes as case_changes
from uplift.casework.cases import selectors
from uplift.casework.cases.rules import base as rules
from uplift.casework.models import (
    CaseworkSettings,
    Compliance,
    ConcernCase,
    Ground,
    NoticeRoute,
    Stage,
    StageChange,
    WarningNotice,
)
from uplift.core.errors import Refused

DEFAULT_COMPLIANCE_WORKING_DAYS = 15


def default_compliance_working_days(la) -> int:
    """The LA's compliance period in working days, or 15 when it has set none."""
    found = CaseworkSettings.objects.filter(la=la).values_list("compliance_working_days", flat=True)
    return next(iter(found), None) or DEFAULT_COMPLIANCE_WORKING_DAYS


def issue_warning_notice(
    *,
    actor,
    via: str,
    case: ConcernCase,
    grounds,
    issued_on: date,
    compliance_working_days: int | None = None,
    route: str = NoticeRoute.PERFORMANCE,
    reason: str = "",
    version: int | None = None,
) -> WarningNotice:
    """Record a warning notice issued to the governing body: its compliance period (the LA's
    default when none is given) runs in working days from the day after issue, skipping
    weekends, England's bank holidays and the LA's school holidays. Moves the case to formal
    warning notice."""
    case_changes.check_actor(actor, via, case.establishment)
    issued_on = case_changes.required_date(issued_on, "the date the notice was issued")
    if route not in NoticeRoute.values:
        raise Refused(f"{route!r} is not a route of a warning notice (s60 or s60a)")
    grounds = list(dict.fromkeys(grounds or ()))
    unknown = [g for g in grounds if g not in Ground.values]
    if unknown:
        raise Refused(f"Unknown ground {unknown[0]!r}: the grounds are {', '.join(Ground.values)}")
    la = case.establishment.la
    if compliance_working_days is None:
        compliance_working_days = default_compliance_working_days(la)
    if not isinstance(compliance_working_days, int) or not 1 <= compliance_working_days <= 365:
        raise Refused("The compliance period must be from 1 to 365 working days")
    reason = (reason or "").strip() or "Warning notice issued"
    now = timezone.now()
    with transaction.atomic():
        case = case_changes.locked_case(case, None)  # concurrent requests queue here
        repeated = _same_notice(case, route=route, issued_on=issued_on, grounds=grounds)
        if repeated is not None:
            repeated.already_issued = True  # a second identical request: never a second notice
            return repeated
        case_changes.check_version(case, version)
        case_changes.enforce(
            rules.Attempt(
                rules.NOTICE,
                facts=selectors.case_facts(case=case, today=case_changes.today()),
                on=issued_on,
                grounds=tuple(grounds),
                route=route,
                reason=reason,
            )
        )
        deadline = working_days.compliance_deadline(
            la=la, issued_on=issued_on, working_days=compliance_working_days
        )
        notice = WarningNotice(
            case=case,
            route=route,
            grounds=grounds,
            issued_on=issued_on,
            compliance_working_days=compliance_working_days,
            compliance_deadline=deadline,
            powers_window_ends=working_days.powers_window_ends(deadline),
            issued_by=case_changes.acting_user(actor),
            recorded_at=now,
        )
        notice._history_user = case_changes.acting_user(actor)
        notice.save()
        before = case.stage
        fields = []
        if case.stage != Stage.WARNING_NOTICE:
            case_changes.move_stage(
                case,
                to_stage=Stage.WARNING_NOTICE,
                on=issued_on,
                actor=actor,
                reason=reason,
                now=now,
            )
            fields = ["stage", "stage_changed_on"]
        case_changes.save_case(case, actor, reason, fields)
        case_changes.case_event(
            actor=actor,
            via=via,
            action="case.warning_notice_issued",
            obj=notice,
            case=case,
            changes={
                "stage": [before, case.stage],
                "route": [None, route],
                "grounds": [None, grounds],
                "issued_on": [None, issued_on.isoformat()],
                "compliance_working_days": [None, compliance_working_days],
                "compliance_deadline": [None, notice.compliance_deadline.isoformat()],
                "powers_window_ends": [None, notice.powers_window_ends.isoformat()],
            },
            reason=reason,
        )
    return notice


def _same_notice(
    case: ConcernCase, *, route: str, issued_on: date, grounds
) -> WarningNotice | None:
    """The notice already issued at the case's current stage with the same route, date and
    grounds, if any: issuing is idempotent per case and stage (the case row is locked)."""
    if case.stage != Stage.WARNING_NOTICE:
        return None
    candidates = WarningNotice.objects.filter(case=case, route=route, issued_on=issued_on)
    entered = (
        StageChange.objects.filter(case=case, to_stage=Stage.WARNING_NOTICE)
        .order_by("-recorded_at", "-id")
        .values_list("recorded_at", flat=True)
        .first()
    )
    if entered is not None:
        candidates = candidates.filter(recorded_at__gte=entered)
    return next((n for n in candidates if sorted(n.grounds) == sorted(grounds)), None)


def _locked_notice(notice: WarningNotice) -> tuple[WarningNotice, ConcernCase]:
    """The notice and its case, read again and locked for the transaction."""
    case = case_changes.locked_case(notice.case, None)
    return WarningNotice.objects.select_for_update().get(pk=notice.pk), case


def record_dfe_copy(*, actor, via: str, notice: WarningNotice, copied_on: date) -> WarningNotice:
    """Record the day the notice was copied to DfE (the LA copies every notice)."""
    case_changes.check_actor(actor, via, notice.case.establishment)
    copied_on = case_changes.required_date(copied_on, "the date the notice was copied to DfE")
    if copied_on > case_changes.today():
        raise Refused("The copy to DfE cannot be dated in the future")
    with transaction.atomic():
        notice, case = _locked_notice(notice)
        facts = selectors.case_facts(case=case, today=case_changes.today())
        case_changes.enforce(
            rules.Attempt(
                rules.DFE_COPY, facts=facts, on=copied_on, notice=selectors.notice_facts(notice)
            )
        )
        before = notice.copied_to_dfe_on
        notice.copied_to_dfe_on = copied_on
        notice._history_user = case_changes.acting_user(actor)
        notice.save(update_fields=["copied_to_dfe_on"])
        case_changes.save_case(case, actor, "", [])
        case_changes.case_event(
            actor=actor,
            via=via,
            action="case.warning_notice_copied_to_dfe",
            obj=notice,
            case=case,
            changes={"copied_to_dfe_on": [before and before.isoformat(), copied_on.isoformat()]},
            reason="Copy of the warning notice sent to DfE",
        )
    return notice


def decide_compliance(
    *, actor, via: str, notice: WarningNotice, compliance: str, decided_on: date, notes: str
) -> WarningNotice:
    """Record whether the governing body complied with the notice, to the LA's satisfaction."""
    case_changes.check_actor(actor, via, notice.case.establishment)
    if compliance not in (Compliance.COMPLIED, Compliance.NOT_COMPLIED):
        raise Refused("Choose whether the governing body complied")
    decided_on = case_changes.required_date(decided_on, "the date of the decision")
    if decided_on > case_changes.today():
        raise Refused("The decision cannot be dated in the future")
    notes = case_changes.required_text(notes, "what the decision rests on")
    with transaction.atomic():
        notice, case = _locked_notice(notice)
        facts = selectors.case_facts(case=case, today=case_changes.today())
        case_changes.enforce(
            rules.Attempt(
                rules.COMPLIANCE,
                facts=facts,
                on=decided_on,
                compliance=compliance,
                notice=selectors.notice_facts(notice),
            )
        )
        before = notice.compliance
        notice.compliance, notice.compliance_decided_on = compliance, decided_on
        notice.compliance_notes = notes
        notice._history_user = case_changes.acting_user(actor)
        notice.save(update_fields=["compliance", "compliance_decided_on", "compliance_notes"])
        case_changes.save_case(case, actor, notes, [])
        case_changes.case_event(
            actor=actor,
            via=via,
            action="case.compliance_decided",
            obj=notice,
            case=case,
            changes={
                "compliance": [before or None, compliance],
                "compliance_decided_on": [None, decided_on.isoformat()],
            },
            reason=notes,
        )
    return notice


def record_notice_of_intention(
    *, actor, via: str, case: ConcernCase, given_on: date, reason: str, version: int | None = None
) -> ConcernCase:
    """Record the day the LA gave the governing body notice in writing that it proposes to
    use its powers."""
    case_changes.check_actor(actor, via, case.establishment)
    given_on = case_changes.required_date(given_on, "the date the notice of intention was given")
    if given_on > case_changes.today():
        raise Refused("The notice of intention cannot be dated in the future")
    reason = case_changes.required_text(reason, "the reason")
    with transaction.atomic():
        case = case_changes.locked_case(case, version)
        case_changes.enforce(
            rules.Attempt(
                rules.INTENTION,
                facts=selectors.case_facts(case=case, today=case_changes.today()),
                on=given_on,
                reason=reason,
            )
        )
        before = case.notice_of_intention_on
        case.notice_of_intention_on = given_on
        case_changes.save_case(case, actor, reason, ["notice_of_intention_on"])
        case_changes.case_event(
            actor=actor,
            via=via,
            action="case.notice_of_intention_recorded",
            obj=case,
            case=case,
            changes={
                "notice_of_intention_on": [before and before.isoformat(), given_on.isoformat()]
            },
            reason=reason,
        )
    return case
