"""Intervention powers and structural solutions on a concern case: recording a power used
(s.63 to s.66) and the day DfE was told of it, and a structural solution or academy order.
Each step runs in one transaction with its audit event, as in cases_services (the shared
steps are in case_changes)."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from uplift.casework.cases import changes as case_changes
from uplift.casework.cases import selectors
from uplift.casework.cases.rules import base as rules
from uplift.casework.models import (
    ConcernCase,
    Power,
    PowerUse,
    Stage,
    StructuralKind,
    StructuralSolution,
)
from uplift.core.errors import Refused


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
    case_changes.check_actor(actor, via, case.establishment)
    if power not in Power.values:
        raise Refused(f"{power!r} is not an intervention power (s63, s64, s65 or s66)")
    used_on = case_changes.required_date(used_on, "the date the power was used")
    if used_on > case_changes.today():
        raise Refused("A power is recorded once used: the date cannot be in the future")
    details = case_changes.required_text(details, "what was done")
    if dfe_notified_on is not None and dfe_notified_on < used_on:
        raise Refused("DfE is told of a power once it is used, not before")
    now = timezone.now()
    with transaction.atomic():
        case = case_changes.locked_case(case, version)
        case_changes.enforce(
            rules.Attempt(
                rules.POWER,
                facts=selectors.case_facts(case=case, today=case_changes.today()),
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
            recorded_by=case_changes.acting_user(actor),
            recorded_at=now,
        )
        use._history_user = case_changes.acting_user(actor)
        use.save()
        before = case.stage
        fields = []
        if case.stage != Stage.POWERS_USED:
            label = Power(power).label
            case_changes.move_stage(
                case, to_stage=Stage.POWERS_USED, on=used_on, actor=actor, reason=label, now=now
            )
            fields = ["stage", "stage_changed_on"]
        case_changes.save_case(case, actor, details, fields)
        case_changes.case_event(
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
    case_changes.check_actor(actor, via, power_use.case.establishment)
    notified_on = case_changes.required_date(notified_on, "the date DfE was told")
    if notified_on > case_changes.today():
        raise Refused("The date DfE was told cannot be in the future")
    with transaction.atomic():
        case = case_changes.locked_case(power_use.case, None)
        use = PowerUse.objects.select_for_update().get(pk=power_use.pk)
        case_changes.enforce(
            rules.Attempt(
                rules.POWER_DFE,
                facts=selectors.case_facts(case=case, today=case_changes.today()),
                on=notified_on,
                power_use=selectors.power_facts(use),
            )
        )
        before = use.dfe_notified_on
        use.dfe_notified_on = notified_on
        use._history_user = case_changes.acting_user(actor)
        use.save(update_fields=["dfe_notified_on"])
        case_changes.save_case(case, actor, "", [])
        case_changes.case_event(
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
    case_changes.check_actor(actor, via, case.establishment)
    if kind not in StructuralKind.values:
        raise Refused(f"{kind!r} is not a kind of structural solution")
    decided_on = case_changes.required_date(decided_on, "the date it was decided")
    if decided_on > case_changes.today():
        raise Refused("The decision cannot be dated in the future")
    if completed_on is not None and completed_on < decided_on:
        raise Refused("It cannot be completed before it was decided")
    details = (details or "").strip()
    now = timezone.now()
    with transaction.atomic():
        case = case_changes.locked_case(case, version)
        case_changes.enforce(
            rules.Attempt(
                rules.STRUCTURAL,
                facts=selectors.case_facts(case=case, today=case_changes.today()),
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
            recorded_by=case_changes.acting_user(actor),
            recorded_at=now,
        )
        solution._history_user = case_changes.acting_user(actor)
        solution.save()
        before = case.stage
        label = StructuralKind(kind).label
        fields = []
        if case.stage != Stage.STRUCTURAL:
            case_changes.move_stage(
                case, to_stage=Stage.STRUCTURAL, on=decided_on, actor=actor, reason=label, now=now
            )
            fields = ["stage", "stage_changed_on"]
        case_changes.save_case(case, actor, details or label, fields)
        case_changes.case_event(
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
