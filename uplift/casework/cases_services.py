"""Changes to concern cases: opening one (by an officer, from a published category, from an
Ofsted inspection), moving it through its stages, warning notices, the notice of intention,
intervention powers, structural solutions and closing.

Each service checks the actor may run the school's casework (uplift.accounts.scoping; the
command line and the system act without a user), asks the casework rules whether the step is
allowed (uplift.casework.rules: a refusal names the rule), then writes the change, a
StageChange row when the stage changes, and its audit event in one transaction. Forms that
show a case send the version they showed: a step taken from a stale page is refused.
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from uplift.accounts import scoping
from uplift.audit.models import Via
from uplift.audit.services import record_event
from uplift.casework import cases_selectors as selectors
from uplift.casework import working_days
from uplift.casework.models import (
    CaseworkSettings,
    Compliance,
    ConcernCase,
    Ground,
    NoticeRoute,
    OpenedBy,
    Power,
    PowerUse,
    Stage,
    StageChange,
    StructuralKind,
    StructuralSolution,
    WarningNotice,
)
from uplift.casework.rules import base as rules
from uplift.casework.rules.registry import refusals
from uplift.inspections.models import Inspection
from uplift.schools.services import ChangeRefused, NotAllowed

TRUSTED_CHANNELS = {Via.CLI, Via.SYSTEM}  # run by whoever operates the server
DEFAULT_COMPLIANCE_WORKING_DAYS = 15
MOVE_TARGETS = (Stage.LETTER_OF_CONCERN, Stage.PRE_WARNING, Stage.ELIGIBLE)


class RuleRefused(ChangeRefused):
    """A casework rule refuses the step; `rule` is its code, the message its docstring."""

    def __init__(self, rule: str, message: str):
        super().__init__(message)
        self.rule = rule


class StaleCase(ChangeRefused):
    """The case changed since the page was opened; nothing was written."""


# Shared steps


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _label(actor) -> str:
    user = _user(actor)
    return user.get_username() if user else "system"


def _check_actor(actor, via: str, establishment) -> None:
    if actor is None and via in TRUSTED_CHANNELS:
        return
    if not scoping.can_run_casework(actor, establishment):
        raise NotAllowed("You cannot run casework for this school")


def _required(text: str, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ChangeRefused(f"Enter {what}")
    return text


def _date(value, what: str) -> date:
    if value is None:
        raise ChangeRefused(f"Enter {what}")
    return value


def _enforce(attempt: rules.Attempt) -> None:
    found = refusals(attempt)
    if found:
        raise RuleRefused(found[0].rule, found[0].message)


def _locked(case: ConcernCase, version: int | None) -> ConcernCase:
    current = (
        ConcernCase.objects.select_for_update(of=("self",))
        .select_related("establishment__la")
        .get(pk=case.pk)
    )
    if version is not None and current.version != version:
        raise StaleCase(
            f"Case {current.pk} changed while you were looking at it (it is now at "
            f"{current.get_stage_display().lower()}). Check its current state and try again."
        )
    return current


def _save(case: ConcernCase, actor, reason: str, fields: list[str]) -> None:
    """Save the changed fields and bump the version (with the history's user and reason)."""
    case.version += 1  # the row is locked (select_for_update) and its version checked
    case._history_user = _user(actor)
    case._change_reason = reason[:100] if reason else ""
    case.save(update_fields=[*fields, "version"])


def _move(case: ConcernCase, *, to_stage: str, on: date, actor, reason: str, now) -> StageChange:
    change = StageChange.objects.create(
        case=case,
        from_stage=case.stage,
        to_stage=to_stage,
        changed_on=on,
        reason=reason,
        actor=_user(actor),
        actor_label=_label(actor),
        recorded_at=now,
    )
    case.stage, case.stage_changed_on = to_stage, on
    return change


def _event(*, actor, via, action, obj, case, changes, reason) -> None:
    record_event(
        actor=actor,
        via=via,
        action=action,
        obj=obj,
        establishment=case.establishment,
        changes=changes,
        reason=reason,
    )


def _today() -> date:
    return timezone.localdate()


# Opening a case


def open_case(
    *,
    actor,
    via: str,
    establishment,
    opened_on: date,
    reason: str,
    opened_by: str = OpenedBy.OFFICER,
    category_code: str = "",
    inspection=None,
    lead_officer=None,
) -> ConcernCase:
    """Open a concern case for the school at "concern raised". The lead officer (who is told
    of the case's deadlines) is whoever opens it unless another is named."""
    _check_actor(actor, via, establishment)
    reason = _required(reason, "the reason for opening the case")
    opened_on = _date(opened_on, "the date the case opened")
    if opened_on > _today():
        raise ChangeRefused("A case cannot be opened on a date in the future")
    if opened_by not in OpenedBy.values:
        raise ChangeRefused(f"{opened_by!r} is not a way a case opens")
    now = timezone.now()
    with transaction.atomic():
        _enforce(
            rules.Attempt(
                rules.OPEN,
                facts=selectors.school_facts(establishment=establishment, today=_today()),
            )
        )
        case = ConcernCase(
            establishment=establishment,
            opened_on=opened_on,
            opened_by=opened_by,
            opening_reason=reason,
            opened_by_user=_user(actor),
            category_code=category_code or "",
            inspection=inspection,
            stage=Stage.CONCERN_RAISED,
            stage_changed_on=opened_on,
            lead_officer=lead_officer or _user(actor),
            recorded_at=now,
        )
        case._history_user = _user(actor)
        try:
            with transaction.atomic():
                case.save()
        except IntegrityError:
            raise ChangeRefused(
                f"{selectors.school_label(establishment)} already has an open case: a school "
                "has one open case at a time."
            ) from None
        StageChange.objects.create(
            case=case,
            from_stage="",
            to_stage=Stage.CONCERN_RAISED,
            changed_on=opened_on,
            reason=reason,
            actor=_user(actor),
            actor_label=_label(actor),
            recorded_at=now,
        )
        _event(
            actor=actor,
            via=via,
            action="case.opened",
            obj=case,
            case=case,
            changes={
                "stage": [None, Stage.CONCERN_RAISED.value],
                "opened_by": [None, opened_by],
                "opened_on": [None, opened_on.isoformat()],
                **({"category": [None, category_code]} if category_code else {}),
            },
            reason=reason,
        )
    return case


def open_cases_for_publication(*, actor, via: str, round) -> list[ConcernCase]:
    """Open a case for every school of a published round whose category the round's policy
    marks as causing concern ("yes": 3b and 4 in the Peterborough preset), unless the school
    already has an open case. Call it inside the publication's transaction."""
    definition = round.policy_version.parsed
    concern = {c.code: c for c in definition.categories if c.causing_concern == "yes"}
    if not concern:
        return []
    rows = [
        row
        for row in round.categorisations.select_related("establishment__la")
        if row.category in concern
    ]
    with_open_case = set(
        ConcernCase.objects.filter(establishment__in=[row.establishment_id for row in rows])
        .exclude(stage=Stage.CLOSED)
        .values_list("establishment_id", flat=True)
    )
    opened_on = _today()
    opened = []
    for row in rows:
        if row.establishment_id in with_open_case:
            continue
        category = concern[row.category]
        opened.append(
            open_case(
                actor=actor,
                via=via,
                establishment=row.establishment,
                opened_on=opened_on,
                reason=(
                    f"{category.label} in round {round.code}, "
                    "published: the policy marks this category as causing concern"
                ),
                opened_by=OpenedBy.CATEGORY,
                category_code=category.code,
            )
        )
    return opened


def open_case_for_recategorisation(*, actor, via: str, change) -> ConcernCase | None:
    """Open a case when a school is re-categorised between rounds into a category the
    policy marks as causing concern, unless it already has an open case. Call it inside
    the re-categorisation's transaction."""
    category = change.policy_version.parsed.category(change.category)
    if category is None or category.causing_concern != "yes":
        return None
    establishment = change.establishment
    if ConcernCase.objects.filter(establishment=establishment).exclude(stage=Stage.CLOSED).exists():
        return None
    return open_case(
        actor=actor,
        via=via,
        establishment=establishment,
        opened_on=_today(),
        reason=(
            f"Re-categorised {category.label} on new evidence: the policy "
            f"marks this category as causing concern. {change.reason}"
        ),
        opened_by=OpenedBy.CATEGORY,
        category_code=category.code,
    )


def open_cases_for_inspections(*, inspections, via: str, actor=None) -> list[ConcernCase]:
    """Open a case for each school that an inspection puts in special measures, requiring
    significant improvement, serious weaknesses or notice to improve, when that inspection
    is the school's latest full one and the school has no open case. The system does this
    on import (whoever ran the import, `actor` is not asked for a casework scope and the
    case is opened as the system). Call it inside the import's transaction."""
    wanted = {}
    for inspection in inspections:
        if inspection.category_of_concern in rules.CONCERN_CATEGORIES:
            wanted.setdefault(inspection.establishment_id, []).append(inspection)
    if not wanted:
        return []
    with_open_case = set(
        ConcernCase.objects.filter(establishment_id__in=list(wanted))
        .exclude(stage=Stage.CLOSED)
        .values_list("establishment_id", flat=True)
    )
    latest = {}
    for inspection in (
        Inspection.objects.filter(
            establishment_id__in=list(wanted), kind__in=selectors.FULL_INSPECTIONS
        )
        .select_related("establishment__la")
        .order_by("establishment_id", "-start_date", "-id")
    ):
        latest.setdefault(inspection.establishment_id, inspection)
    opened = []
    for establishment_id, candidates in wanted.items():
        inspection = latest.get(establishment_id)
        if (
            establishment_id in with_open_case
            or inspection is None
            or inspection.pk not in {c.pk for c in candidates}
            or inspection.establishment.la_id is None
        ):
            continue
        opened.append(
            open_case(
                actor=None,
                via=via if via in TRUSTED_CHANNELS else Via.SYSTEM,
                establishment=inspection.establishment,
                opened_on=_today(),
                reason=(
                    f"Ofsted inspection of {rules.day(inspection.start_date)}: "
                    f"{inspection.get_category_of_concern_display().lower()}"
                ),
                opened_by=OpenedBy.INSPECTION,
                inspection=inspection,
                lead_officer=None,
            )
        )
    return opened


# Moving through the stages


def move_case(
    *,
    actor,
    via: str,
    case: ConcernCase,
    to_stage: str,
    on: date,
    reason: str,
    version: int,
    action_plan_due_on: date | None = None,
) -> ConcernCase:
    """Move the case to letter of concern, pre-warning (with the action plan's due date) or
    eligible for intervention. The other stages have steps of their own."""
    _check_actor(actor, via, case.establishment)
    reason = _required(reason, "the reason for the move")
    on = _date(on, "the date of the move")
    if to_stage not in Stage.values:
        raise ChangeRefused(f"{to_stage!r} is not a stage of a case")
    now = timezone.now()
    with transaction.atomic():
        case = _locked(case, version)
        _enforce(
            rules.Attempt(
                rules.MOVE,
                facts=selectors.case_facts(case=case, today=_today()),
                on=on,
                to_stage=to_stage,
                reason=reason,
                action_plan_due_on=action_plan_due_on,
            )
        )
        before = case.stage
        _move(case, to_stage=to_stage, on=on, actor=actor, reason=reason, now=now)
        fields = ["stage", "stage_changed_on"]
        changes = {"stage": [before, to_stage]}
        if to_stage == Stage.PRE_WARNING:
            changes["action_plan_due_on"] = [
                case.action_plan_due_on and case.action_plan_due_on.isoformat(),
                action_plan_due_on.isoformat(),
            ]
            case.action_plan_due_on = action_plan_due_on
            fields.append("action_plan_due_on")
        _save(case, actor, reason, fields)
        _event(
            actor=actor,
            via=via,
            action="case.moved",
            obj=case,
            case=case,
            changes=changes,
            reason=reason,
        )
    return case


# Warning notices


def default_compliance_working_days(la) -> int:
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
    _check_actor(actor, via, case.establishment)
    issued_on = _date(issued_on, "the date the notice was issued")
    if route not in NoticeRoute.values:
        raise ChangeRefused(f"{route!r} is not a route of a warning notice (s60 or s60a)")
    grounds = list(dict.fromkeys(grounds or ()))
    unknown = [g for g in grounds if g not in Ground.values]
    if unknown:
        raise ChangeRefused(
            f"Unknown ground {unknown[0]!r}: the grounds are {', '.join(Ground.values)}"
        )
    la = case.establishment.la
    if compliance_working_days is None:
        compliance_working_days = default_compliance_working_days(la)
    if not isinstance(compliance_working_days, int) or not 1 <= compliance_working_days <= 365:
        raise ChangeRefused("The compliance period must be from 1 to 365 working days")
    reason = (reason or "").strip() or "Warning notice issued"
    now = timezone.now()
    with transaction.atomic():
        case = _locked(case, version)
        _enforce(
            rules.Attempt(
                rules.NOTICE,
                facts=selectors.case_facts(case=case, today=_today()),
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
            issued_by=_user(actor),
            recorded_at=now,
        )
        notice._history_user = _user(actor)
        notice.save()
        before = case.stage
        fields = []
        if case.stage != Stage.WARNING_NOTICE:
            _move(
                case,
                to_stage=Stage.WARNING_NOTICE,
                on=issued_on,
                actor=actor,
                reason=reason,
                now=now,
            )
            fields = ["stage", "stage_changed_on"]
        _save(case, actor, reason, fields)
        _event(
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


def _locked_notice(notice: WarningNotice) -> tuple[WarningNotice, ConcernCase]:
    case = _locked(notice.case, None)
    return WarningNotice.objects.select_for_update().get(pk=notice.pk), case


def record_dfe_copy(*, actor, via: str, notice: WarningNotice, copied_on: date) -> WarningNotice:
    """Record the day the notice was copied to DfE (the LA copies every notice)."""
    _check_actor(actor, via, notice.case.establishment)
    copied_on = _date(copied_on, "the date the notice was copied to DfE")
    if copied_on > _today():
        raise ChangeRefused("The copy to DfE cannot be dated in the future")
    with transaction.atomic():
        notice, case = _locked_notice(notice)
        facts = selectors.case_facts(case=case, today=_today())
        _enforce(
            rules.Attempt(
                rules.DFE_COPY, facts=facts, on=copied_on, notice=selectors.notice_facts(notice)
            )
        )
        before = notice.copied_to_dfe_on
        notice.copied_to_dfe_on = copied_on
        notice._history_user = _user(actor)
        notice.save(update_fields=["copied_to_dfe_on"])
        _save(case, actor, "", [])
        _event(
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
    _check_actor(actor, via, notice.case.establishment)
    if compliance not in (Compliance.COMPLIED, Compliance.NOT_COMPLIED):
        raise ChangeRefused("Choose whether the governing body complied")
    decided_on = _date(decided_on, "the date of the decision")
    if decided_on > _today():
        raise ChangeRefused("The decision cannot be dated in the future")
    notes = _required(notes, "what the decision rests on")
    with transaction.atomic():
        notice, case = _locked_notice(notice)
        facts = selectors.case_facts(case=case, today=_today())
        _enforce(
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
        notice._history_user = _user(actor)
        notice.save(update_fields=["compliance", "compliance_decided_on", "compliance_notes"])
        _save(case, actor, notes, [])
        _event(
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
    _check_actor(actor, via, case.establishment)
    given_on = _date(given_on, "the date the notice of intention was given")
    if given_on > _today():
        raise ChangeRefused("The notice of intention cannot be dated in the future")
    reason = _required(reason, "the reason")
    with transaction.atomic():
        case = _locked(case, version)
        _enforce(
            rules.Attempt(
                rules.INTENTION,
                facts=selectors.case_facts(case=case, today=_today()),
                on=given_on,
                reason=reason,
            )
        )
        before = case.notice_of_intention_on
        case.notice_of_intention_on = given_on
        _save(case, actor, reason, ["notice_of_intention_on"])
        _event(
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


# Powers, structural solutions, closing


def use_power(
    *,
    actor,
    via: str,
    case: ConcernCase,
    power: str,
    used_on: date,
    details: str,
    sos_consent_on: date | None = None,
    consulted_on: date | None = None,
    dfe_notified_on: date | None = None,
    version: int | None = None,
) -> PowerUse:
    """Record an intervention power used (s.63 to s.66). Moves an eligible case to powers
    used."""
    _check_actor(actor, via, case.establishment)
    if power not in Power.values:
        raise ChangeRefused(f"{power!r} is not an intervention power (s63, s64, s65 or s66)")
    used_on = _date(used_on, "the date the power was used")
    if used_on > _today():
        raise ChangeRefused("A power is recorded once used: the date cannot be in the future")
    details = _required(details, "what was done")
    if dfe_notified_on is not None and dfe_notified_on < used_on:
        raise ChangeRefused("DfE is told of a power once it is used, not before")
    now = timezone.now()
    with transaction.atomic():
        case = _locked(case, version)
        _enforce(
            rules.Attempt(
                rules.POWER,
                facts=selectors.case_facts(case=case, today=_today()),
                on=used_on,
                power=power,
                sos_consent_on=sos_consent_on,
            )
        )
        use = PowerUse(
            case=case,
            power=power,
            used_on=used_on,
            details=details,
            sos_consent_on=sos_consent_on,
            consulted_on=consulted_on,
            dfe_notified_on=dfe_notified_on,
            recorded_by=_user(actor),
            recorded_at=now,
        )
        use._history_user = _user(actor)
        use.save()
        before = case.stage
        fields = []
        if case.stage != Stage.POWERS_USED:
            label = Power(power).label
            _move(case, to_stage=Stage.POWERS_USED, on=used_on, actor=actor, reason=label, now=now)
            fields = ["stage", "stage_changed_on"]
        _save(case, actor, details, fields)
        _event(
            actor=actor,
            via=via,
            action="case.power_used",
            obj=use,
            case=case,
            changes={
                "stage": [before, case.stage],
                "power": [None, power],
                "used_on": [None, used_on.isoformat()],
                **(
                    {"sos_consent_on": [None, sos_consent_on.isoformat()]} if sos_consent_on else {}
                ),
            },
            reason=details,
        )
    return use


def record_power_dfe_notification(
    *, actor, via: str, power_use: PowerUse, notified_on: date
) -> PowerUse:
    """Record the day DfE was told of a power used."""
    _check_actor(actor, via, power_use.case.establishment)
    notified_on = _date(notified_on, "the date DfE was told")
    if notified_on > _today():
        raise ChangeRefused("The date DfE was told cannot be in the future")
    with transaction.atomic():
        case = _locked(power_use.case, None)
        use = PowerUse.objects.select_for_update().get(pk=power_use.pk)
        _enforce(
            rules.Attempt(
                rules.POWER_DFE,
                facts=selectors.case_facts(case=case, today=_today()),
                on=notified_on,
                power_use=selectors.power_facts(use),
            )
        )
        before = use.dfe_notified_on
        use.dfe_notified_on = notified_on
        use._history_user = _user(actor)
        use.save(update_fields=["dfe_notified_on"])
        _save(case, actor, "", [])
        _event(
            actor=actor,
            via=via,
            action="case.power_notified_to_dfe",
            obj=use,
            case=case,
            changes={"dfe_notified_on": [before and before.isoformat(), notified_on.isoformat()]},
            reason=f"DfE told of {use.get_power_display()}",
        )
    return use


def record_structural_solution(
    *,
    actor,
    via: str,
    case: ConcernCase,
    kind: str,
    decided_on: date,
    academy_order_on: date | None = None,
    expected_on: date | None = None,
    completed_on: date | None = None,
    details: str = "",
    version: int | None = None,
) -> StructuralSolution:
    """Record a structural solution or academy order with its dates; the case moves to
    structural solution."""
    _check_actor(actor, via, case.establishment)
    if kind not in StructuralKind.values:
        raise ChangeRefused(f"{kind!r} is not a kind of structural solution")
    decided_on = _date(decided_on, "the date it was decided")
    if decided_on > _today():
        raise ChangeRefused("The decision cannot be dated in the future")
    if completed_on is not None and completed_on < decided_on:
        raise ChangeRefused("It cannot be completed before it was decided")
    details = (details or "").strip()
    now = timezone.now()
    with transaction.atomic():
        case = _locked(case, version)
        _enforce(
            rules.Attempt(
                rules.STRUCTURAL,
                facts=selectors.case_facts(case=case, today=_today()),
                on=decided_on,
            )
        )
        solution = StructuralSolution(
            case=case,
            kind=kind,
            decided_on=decided_on,
            academy_order_on=academy_order_on,
            expected_on=expected_on,
            completed_on=completed_on,
            details=details,
            recorded_by=_user(actor),
            recorded_at=now,
        )
        solution._history_user = _user(actor)
        solution.save()
        before = case.stage
        label = StructuralKind(kind).label
        fields = []
        if case.stage != Stage.STRUCTURAL:
            _move(
                case, to_stage=Stage.STRUCTURAL, on=decided_on, actor=actor, reason=label, now=now
            )
            fields = ["stage", "stage_changed_on"]
        _save(case, actor, details or label, fields)
        _event(
            actor=actor,
            via=via,
            action="case.structural_solution_recorded",
            obj=solution,
            case=case,
            changes={
                "stage": [before, case.stage],
                "kind": [None, kind],
                "decided_on": [None, decided_on.isoformat()],
                **{
                    name: [None, value.isoformat()]
                    for name, value in (
                        ("academy_order_on", academy_order_on),
                        ("expected_on", expected_on),
                        ("completed_on", completed_on),
                    )
                    if value
                },
            },
            reason=details or label,
        )
    return solution


def close_case(
    *, actor, via: str, case: ConcernCase, closed_on: date, reason: str, version: int | None = None
) -> ConcernCase:
    """Close the case, at any stage, with its reason."""
    _check_actor(actor, via, case.establishment)
    closed_on = _date(closed_on, "the date the case closed")
    if closed_on > _today():
        raise ChangeRefused("A case cannot be closed on a date in the future")
    reason = (reason or "").strip()
    now = timezone.now()
    with transaction.atomic():
        case = _locked(case, version)
        _enforce(
            rules.Attempt(
                rules.CLOSE,
                facts=selectors.case_facts(case=case, today=_today()),
                on=closed_on,
                reason=reason,
            )
        )
        before = case.stage
        _move(case, to_stage=Stage.CLOSED, on=closed_on, actor=actor, reason=reason, now=now)
        case.closed_on, case.closure_reason = closed_on, reason
        _save(case, actor, reason, ["stage", "stage_changed_on", "closed_on", "closure_reason"])
        _event(
            actor=actor,
            via=via,
            action="case.closed",
            obj=case,
            case=case,
            changes={
                "stage": [before, Stage.CLOSED.value],
                "closed_on": [None, closed_on.isoformat()],
            },
            reason=reason,
        )
    return case
