"""Opening a concern case (by an officer, from a published category, from an Ofsted
inspection), moving it through the stages that have no step of their own, and closing it.
Warning notices and the notice of intention are in notices_services, intervention powers and
structural solutions in powers_services.

Each service checks the actor may run the school's casework (the app's access module; the
command line and the system act without a user), asks the casework rules whether the step is
allowed (uplift.casework.cases.rules: a refusal names the rule), then writes the change, a
StageChange row when the stage changes, and its audit event in one transaction (the shared
steps are in case_changes). Forms that show a case send the version they showed: a step taken
from a stale page is refused.
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from uplift.audit.models import Via
from uplift.casework.cases import changes as case_changes
from uplift.casework.cases import selectors
from uplift.casework.cases.rules import base as rules
from uplift.casework.models import ConcernCase, OpenedBy, Stage, StageChange
from uplift.core.errors import Conflict, Refused
from uplift.inspections.models import Inspection

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
    case_changes.check_actor(actor, via, establishment)
    reason = case_changes.required_text(reason, "the reason for opening the case")
    opened_on = case_changes.required_date(opened_on, "the date the case opened")
    if opened_on > case_changes.today():
        raise Refused("A case cannot be opened on a date in the future")
    if opened_by not in OpenedBy.values:
        raise Refused(f"{opened_by!r} is not a way a case opens")
    now = timezone.now()
    with transaction.atomic():
        case_changes.enforce(
            rules.Attempt(
                rules.OPEN,
                facts=selectors.school_facts(
                    establishment=establishment, today=case_changes.today()
                ),
            )
        )
        case = ConcernCase(
            establishment=establishment,
            opened_on=opened_on,
            opened_by=opened_by,
            opening_reason=reason,
            opened_by_user=case_changes.acting_user(actor),
            category_code=category_code or "",
            inspection=inspection,
            stage=Stage.CONCERN_RAISED,
            stage_changed_on=opened_on,
            lead_officer=lead_officer or case_changes.acting_user(actor),
            recorded_at=now,
        )
        case._history_user = case_changes.acting_user(actor)
        try:
            with transaction.atomic():
                case.save()
        except IntegrityError:
            raise Conflict(
                f"{selectors.school_label(establishment)} already has an open case: a school "
                "has one open case at a time."
            ) from None
        StageChange.objects.create(
            case=case,
            from_stage="",
            to_stage=Stage.CONCERN_RAISED,
            changed_on=opened_on,
            reason=reason,
            actor=case_changes.acting_user(actor),
            actor_label=case_changes.actor_label(actor),
            recorded_at=now,
        )
        case_changes.case_event(
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
    opened_on = case_changes.today()
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
        opened_on=case_changes.today(),
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
                via=via if via in case_changes.TRUSTED_CHANNELS else Via.SYSTEM,
                establishment=inspection.establishment,
                opened_on=case_changes.today(),
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
    case_changes.check_actor(actor, via, case.establishment)
    reason = case_changes.required_text(reason, "the reason for the move")
    on = case_changes.required_date(on, "the date of the move")
    if to_stage not in Stage.values:
        raise Refused(f"{to_stage!r} is not a stage of a case")
    now = timezone.now()
    with transaction.atomic():
        case = case_changes.locked_case(case, version)
        case_changes.enforce(
            rules.Attempt(
                rules.MOVE,
                facts=selectors.case_facts(case=case, today=case_changes.today()),
                on=on,
                to_stage=to_stage,
                reason=reason,
                action_plan_due_on=action_plan_due_on,
            )
        )
        before = case.stage
        case_changes.move_stage(case, to_stage=to_stage, on=on, actor=actor, reason=reason, now=now)
        fields = ["stage", "stage_changed_on"]
        changes = {"stage": [before, to_stage]}
        if to_stage == Stage.PRE_WARNING:
            changes["action_plan_due_on"] = [
                case.action_plan_due_on and case.action_plan_due_on.isoformat(),
                action_plan_due_on.isoformat(),
            ]
            case.action_plan_due_on = action_plan_due_on
            fields.append("action_plan_due_on")
        case_changes.save_case(case, actor, reason, fields)
        case_changes.case_event(
            actor=actor,
            via=via,
            action="case.moved",
            obj=case,
            case=case,
            changes=changes,
            reason=reason,
        )
    return case


# Closing


def close_case(
    *, actor, via: str, case: ConcernCase, closed_on: date, reason: str, version: int | None = None
) -> ConcernCase:
    """Close the case, at any stage, with its reason."""
    case_changes.check_actor(actor, via, case.establishment)
    closed_on = case_changes.required_date(closed_on, "the date the case closed")
    if closed_on > case_changes.today():
        raise Refused("A case cannot be closed on a date in the future")
    reason = (reason or "").strip()
    now = timezone.now()
    with transaction.atomic():
        case = case_changes.locked_case(case, version)
        case_changes.enforce(
            rules.Attempt(
                rules.CLOSE,
                facts=selectors.case_facts(case=case, today=case_changes.today()),
                on=closed_on,
                reason=reason,
            )
        )
        before = case.stage
        case_changes.move_stage(
            case, to_stage=Stage.CLOSED, on=closed_on, actor=actor, reason=reason, now=now
        )
        case.closed_on, case.closure_reason = closed_on, reason
        case_changes.save_case(
            case, actor, reason, ["stage", "stage_changed_on", "closed_on", "closure_reason"]
        )
        case_changes.case_event(
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
