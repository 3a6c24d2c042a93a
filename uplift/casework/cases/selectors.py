"""Reading concern cases: the lists a user may see, one case with everything its page shows,
and the facts the casework rules judge a step by (a fixed number of queries each)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Min, QuerySet
from django.shortcuts import get_object_or_404

from uplift.casework import access
from uplift.casework.cases.maintained import is_la_maintained, school_type_text
from uplift.casework.cases.rules import base as rules
from uplift.casework.cases.rules.academy_orders import academy_order_note
from uplift.casework.cases.rules.registry import refusals
from uplift.casework.cases.steps import PAGE_STEPS
from uplift.casework.models import (
    ConcernCase,
    Ground,
    LetterKind,
    Stage,
)
from uplift.inspections.models import CategoryOfConcern, Inspection, InspectionKind

ACADEMY_ORDER_CATEGORIES = ("special_measures", "requires_significant_improvement")
FULL_INSPECTIONS = (InspectionKind.GRADED, InspectionKind.REPORT_CARD)


def school_label(establishment) -> str:
    return f"{establishment.name} (URN {establishment.urn})"


def cases_for(*, user, stage: str = "", la_code: str = "") -> QuerySet[ConcernCase]:
    """The cases this user may read, newest first, optionally at one stage or of one LA."""
    cases = access.visible_cases(user).select_related(
        "establishment__la", "lead_officer", "opened_by_user"
    )
    if stage in Stage.values:
        cases = cases.filter(stage=stage)
    if la_code:
        cases = cases.filter(establishment__la__code=la_code)
    return cases.order_by("-opened_on", "-id")


def case_for(*, user, pk: int) -> ConcernCase:
    """One case the user may read (404 otherwise)."""
    return get_object_or_404(
        access.visible_cases(user).select_related("establishment__la", "lead_officer"), pk=pk
    )


def open_case_of(*, establishment) -> ConcernCase | None:
    return (
        ConcernCase.objects.filter(establishment=establishment).exclude(stage=Stage.CLOSED).first()
    )


def latest_full_inspection(*, establishment) -> Inspection | None:
    """The school's latest graded or report-card inspection: the one whose category of
    concern (if any) stands."""
    return (
        Inspection.objects.filter(establishment=establishment, kind__in=FULL_INSPECTIONS)
        .order_by("-start_date", "-id")
        .first()
    )


def school_facts(*, establishment, today: date) -> rules.CaseFacts:
    """What the rules know before a case is opened (2 queries)."""
    open_case = open_case_of(establishment=establishment)
    inspection = latest_full_inspection(establishment=establishment)
    return rules.CaseFacts(
        school=school_label(establishment),
        maintained=is_la_maintained(establishment),
        school_type=school_type_text(establishment),
        today=today,
        open_case_id=open_case.pk if open_case else None,
        open_case_opened_on=open_case.opened_on if open_case else None,
        concern_inspection=inspection.category_of_concern if inspection else "",
        concern_inspection_on=inspection.start_date if inspection else None,
    )


def notice_facts(notice) -> rules.NoticeFacts:
    return rules.NoticeFacts(
        id=notice.pk,
        issued_on=notice.issued_on,
        route=notice.route,
        compliance_deadline=notice.compliance_deadline,
        powers_window_ends=notice.powers_window_ends,
        copied_to_dfe_on=notice.copied_to_dfe_on,
        compliance=notice.compliance,
        compliance_decided_on=notice.compliance_decided_on,
    )


def power_facts(use) -> rules.PowerFacts:
    return rules.PowerFacts(
        id=use.pk, power=use.power, used_on=use.used_on, dfe_notified_on=use.dfe_notified_on
    )


def case_facts(*, case: ConcernCase, today: date, notices=None, powers=None) -> rules.CaseFacts:
    """What the rules know of a case (4 queries; fewer when its notices and powers are
    given)."""
    establishment = case.establishment
    inspection = latest_full_inspection(establishment=establishment)
    sent = case.letters.filter(kind=LetterKind.CONCERN, sent_on__isnull=False).aggregate(
        first=Min("sent_on")
    )["first"]
    notices = list(case.warning_notices.order_by("issued_on", "id")) if notices is None else notices
    powers = list(case.powers.order_by("used_on", "id")) if powers is None else powers
    return rules.CaseFacts(
        school=school_label(establishment),
        maintained=is_la_maintained(establishment),
        school_type=school_type_text(establishment),
        today=today,
        case_id=case.pk,
        stage=case.stage,
        stage_changed_on=case.stage_changed_on,
        closed_on=case.closed_on,
        concern_inspection=inspection.category_of_concern if inspection else "",
        concern_inspection_on=inspection.start_date if inspection else None,
        concern_letter_sent_on=sent,
        notice_of_intention_on=case.notice_of_intention_on,
        notices=tuple(notice_facts(n) for n in sorted(notices, key=lambda n: (n.issued_on, n.pk))),
        powers=tuple(power_facts(p) for p in powers),
    )


@dataclass(frozen=True)
class Step:
    """A next step on a case's page: where it is taken, and why it is blocked (if it is)."""

    code: str
    label: str
    url_name: str
    reasons: tuple[str, ...]
    query: str = ""  # what the step's form starts with, e.g. "stage=pre_warning"

    @property
    def allowed(self) -> bool:
        return not self.reasons


def _reasons(attempt) -> tuple[str, ...]:
    return tuple(refusal.message for refusal in refusals(attempt))


def next_steps(facts: rules.CaseFacts) -> list[Step]:
    """Each step the case might take next (the table in steps.py), previewed as at today: the
    rules that judge what a person enters are left for the form."""
    if facts.stage == Stage.CLOSED:
        return []
    preview = {"facts": facts, "on": facts.today, "preview": True}
    found = []
    for step in PAGE_STEPS:
        if step.to_stage is not None:
            attempt = rules.Attempt(step.action, to_stage=step.to_stage, **preview)
            query = f"stage={step.to_stage.value}"
        elif step.power is not None:
            attempt = rules.Attempt(step.action, power=step.power, **preview)
            query = f"power={step.power}"
        else:
            attempt, query = rules.Attempt(step.action, **preview), ""
        found.append(Step(step.code, step.label, step.url_name, _reasons(attempt), query))
    return found


def case_page(*, user, case: ConcernCase, today: date) -> dict:
    """Everything a case's page shows besides the other areas' includes (7 queries)."""
    notices = list(case.warning_notices.select_related("issued_by").order_by("issued_on", "id"))
    powers = list(case.powers.select_related("recorded_by").order_by("used_on", "id"))
    facts = case_facts(case=case, today=today, notices=notices, powers=powers)
    grounds = dict(Ground.choices)
    for notice in notices:
        notice.ground_labels = [grounds.get(code, code) for code in notice.grounds]
    stage_changes = list(case.stage_changes.select_related("actor").order_by("recorded_at", "id"))
    structural = list(case.structural_solutions.order_by("decided_on", "id"))
    # The law on academy orders as it stood when Ofsted put the school in its category, or
    # as it stands today when it is in none.
    in_category = facts.concern_inspection in ACADEMY_ORDER_CATEGORIES
    order_on = facts.concern_inspection_on if in_category else today
    return {
        "case": case,
        "facts": facts,
        "maintained": facts.maintained,
        "steps": next_steps(facts),
        "stage_changes": stage_changes,
        "notices": notices,
        "powers": powers,
        "structural": structural,
        "academy_order_on": order_on,
        "academy_order_note": academy_order_note(order_on),
        "concern_label": dict(CategoryOfConcern.choices).get(facts.concern_inspection, "")
        if facts.concern_inspection
        else "",
    }
