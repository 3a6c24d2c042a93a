"""A school's case and support timeline: its categories, concern cases (opened, each stage
change, closed), warning notices, powers used, structural solutions, letters, monitoring
board meetings and their actions, visits, action plans and support cycles, grant
applications and awards, newest first.

Each source is read through the user's scope (the app's access module): a headteacher sees
their school's sent letters, warning notices, visits, plans and cycles, but no case
stages and no monitoring board minutes. A fixed number of queries, however long the
history.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from uplift.brokerage.access import visible_deployments
from uplift.brokerage.paths import deployment_path
from uplift.casework.access import (
    visible_cases,
    visible_letters,
    visible_meetings,
    visible_warning_notices,
)
from uplift.casework.models import Compliance, Ground, Stage, StageChange
from uplift.categorisation.access import can_read_categories
from uplift.categorisation.rounds.selectors import category_history
from uplift.commissioning.access import visible_applications
from uplift.core.dates import long_date
from uplift.funds.money import pounds
from uplift.support.access import visible_action_plans, visible_support_cycles, visible_visits
from uplift.support.models import Objective, ProgressReview
from uplift.workload.reminders import (
    case_path,
    cycle_path,
    letter_path,
    meeting_path,
    plan_path,
    visit_path,
)

KINDS = {
    "category": "Categories",
    "case": "Concern cases",
    "notice": "Warning notices",
    "power": "Intervention powers",
    "structural": "Structural solutions",
    "letter": "Letters",
    "meeting": "Monitoring board meetings",
    "visit": "Visits",
    "plan": "Action plans",
    "cycle": "Support cycles",
    "deployment": "School-to-school support",
    "grant": "Grants and bursaries",
}


@dataclass(frozen=True)
class TimelineEntry:
    date: date
    kind: str  # one of KINDS
    title: str
    detail: str = ""
    url: str = ""

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


def _day(value) -> date:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


class _Entries:
    """Entries in the order they are added; ties on a date show the later-added first."""

    def __init__(self):
        self.found: list[tuple[date, int, TimelineEntry]] = []

    def add(self, when, kind: str, title: str, detail: str = "", url: str = "") -> None:
        if when is None:
            return
        day = _day(when)
        entry = TimelineEntry(date=day, kind=kind, title=title, detail=detail, url=url)
        self.found.append((day, len(self.found), entry))

    def newest_first(self) -> list[TimelineEntry]:
        return [entry for _, _, entry in sorted(self.found, key=lambda t: t[:2], reverse=True)]


def _categories(out: _Entries, user, school) -> None:

    if not can_read_categories(user, school):
        return
    for entry in reversed(category_history(establishment=school)):
        out.add(
            entry.since,
            "category",
            entry.label
            if entry.label.lower().startswith("category")
            else f"Category: {entry.label}",
            f"{entry.source}. {entry.reason}".strip() if entry.reason else entry.source,
        )


def _cases(out: _Entries, user, school, kinds) -> None:
    """Cases, their stages, and (for those who see cases) powers and structural solutions."""
    cases = visible_cases(user).filter(establishment=school)
    prefetch = [
        Prefetch("stage_changes", queryset=StageChange.objects.order_by("recorded_at", "id"))
    ]
    if "power" in kinds:
        prefetch.append("powers")
    if "structural" in kinds:
        prefetch.append("structural_solutions")
    for case in cases.order_by("opened_on", "id").prefetch_related(*prefetch):
        url = case_path(case.pk)
        if "case" in kinds:
            _case_stages(out, case, url)
        if "power" in kinds:
            for power in case.powers.all():
                told = (
                    f"DfE told on {long_date(power.dfe_notified_on)}."
                    if power.dfe_notified_on
                    else "DfE not yet told."
                )
                consent = (
                    f" Secretary of State's consent on {long_date(power.sos_consent_on)}."
                    if power.sos_consent_on
                    else ""
                )
                out.add(
                    power.used_on,
                    "power",
                    f"Power used: {power.get_power_display()}",
                    f"{power.details} {told}{consent}".strip(),
                    url,
                )
        if "structural" in kinds:
            for solution in case.structural_solutions.all():
                dates = [
                    f"{label} {long_date(value)}"
                    for label, value in (
                        ("academy order made", solution.academy_order_on),
                        ("expected to take effect", solution.expected_on),
                        ("completed", solution.completed_on),
                    )
                    if value
                ]
                detail = "; ".join(dates)
                detail = f"{solution.details} {detail.capitalize()}." if dates else solution.details
                out.add(
                    solution.decided_on,
                    "structural",
                    f"Structural solution decided: {solution.get_kind_display()}",
                    detail.strip(),
                    url,
                )


def _case_stages(out: _Entries, case, url: str) -> None:
    out.add(
        case.opened_on,
        "case",
        f"Concern case opened ({case.get_opened_by_display().lower()})",
        case.opening_reason,
        url,
    )
    closed_change = False
    for change in case.stage_changes.all():
        if not change.from_stage:
            continue  # the opening, shown above
        if change.to_stage == Stage.CLOSED:
            closed_change = True
            title = "Concern case closed"
        else:
            title = f"Case moved to {change.get_to_stage_display().lower()}"
        out.add(change.changed_on, "case", title, change.reason, url)
    if case.stage == Stage.CLOSED and not closed_change:
        out.add(case.closed_on, "case", "Concern case closed", case.closure_reason, url)


def _notices(out: _Entries, user, school) -> None:
    grounds = dict(Ground.choices)
    notices = visible_warning_notices(user).filter(case__establishment=school)
    for notice in notices.order_by("issued_on", "id"):
        url = case_path(notice.case_id)
        stated = "; ".join(grounds.get(code, code) for code in notice.grounds)
        out.add(
            notice.issued_on,
            "notice",
            f"Warning notice issued ({notice.get_route_display()})",
            f"Grounds: {stated or 'none stated'}. Compliance period of "
            f"{notice.compliance_working_days} working days, "
            f"to {long_date(notice.compliance_deadline)}.",
            url,
        )
        if notice.copied_to_dfe_on:
            out.add(notice.copied_to_dfe_on, "notice", "Warning notice copied to DfE", "", url)
        out.add(
            notice.compliance_deadline,
            "notice",
            "Warning notice compliance period ends",
            f"Additional governors (s.64) may be appointed until "
            f"{long_date(notice.powers_window_ends)} if the school has not complied.",
            url,
        )
        if notice.compliance != Compliance.PENDING:
            out.add(
                notice.compliance_decided_on or notice.compliance_deadline,
                "notice",
                f"Warning notice: {notice.get_compliance_display().lower()}",
                notice.compliance_notes,
                url,
            )


def _letters(out: _Entries, user, school) -> None:
    letters = (
        visible_letters(user)
        .filter(case__establishment=school)
        .defer("pdf", "body")
        .order_by("generated_at", "id")
    )
    for letter in letters:
        url = letter_path(letter.pk)
        out.add(
            letter.generated_at,
            "letter",
            f"{letter.get_kind_display()} generated",
            letter.subject,
            url,
        )
        if letter.sent_on:
            method = f" by {letter.get_sent_method_display().lower()}" if letter.sent_method else ""
            to = f" to {letter.sent_to}" if letter.sent_to else ""
            out.add(
                letter.sent_on,
                "letter",
                f"{letter.get_kind_display()} sent{method}",
                f"{letter.subject}{to}",
                url,
            )


def _meetings(out: _Entries, user, school) -> None:
    meetings = (
        visible_meetings(user)
        .filter(establishment=school)
        .prefetch_related("actions__owner")
        .order_by("held_on", "id")
    )
    for meeting in meetings:
        url = meeting_path(meeting.pk)
        actions = list(meeting.actions.all())
        out.add(
            meeting.held_on,
            "meeting",
            "Monitoring board meeting",
            f"{len(meeting.members)} member(s) present, {len(actions)} action(s) agreed.",
            url,
        )
        for action in actions:
            owner = action.owner.get_full_name() or action.owner.get_username()
            if action.done_on:
                out.add(action.done_on, "meeting", "Action done", action.description, url)
            else:
                out.add(
                    action.due_on,
                    "meeting",
                    f"Action due ({owner})",
                    action.description,
                    url,
                )


def _visits(out: _Entries, user, school) -> None:
    visits = (
        visible_visits(user)
        .filter(establishment=school)
        .select_related("adviser")
        .defer("note", "head_comment")
        .order_by("scheduled_for", "id")
    )
    for visit in visits:
        url = visit_path(visit.pk)
        adviser = visit.adviser.get_full_name() or visit.adviser.get_username()
        out.add(
            visit.scheduled_for,
            "visit",
            f"Adviser visit ({visit.get_status_display().lower()})",
            f"{visit.purpose}, by {adviser}" if visit.purpose else f"By {adviser}",
            url,
        )
        if visit.finalised_at:
            out.add(visit.finalised_at, "visit", "Note of visit finalised", visit.purpose, url)


def _plans(out: _Entries, user, school) -> None:
    reviews = ProgressReview.objects.order_by("reviewed_on", "id")
    objectives = Objective.objects.order_by("due_on", "id").prefetch_related(
        Prefetch("reviews", queryset=reviews)
    )
    plans = (
        visible_action_plans(user)
        .filter(establishment=school)
        .prefetch_related(Prefetch("objectives", queryset=objectives))
        .order_by("starts_on", "id")
    )
    for plan in plans:
        url = plan_path(plan.pk)
        out.add(plan.starts_on, "plan", f"Action plan started: {plan.title}", "", url)
        for objective in plan.objectives.all():
            for review in objective.reviews.all():
                out.add(
                    review.reviewed_on,
                    "plan",
                    f"Progress review: {review.get_rag_display()}",
                    f"{objective.text[:120]}: {review.commentary}",
                    url,
                )
        if plan.status == "closed":
            out.add(
                plan.ends_on or plan.recorded_at,
                "plan",
                f"Action plan closed: {plan.title}",
                plan.closed_reason,
                url,
            )


def _cycles(out: _Entries, user, school) -> None:
    cycles = (
        visible_support_cycles(user)
        .filter(establishment=school)
        .prefetch_related("steps")
        .order_by("started_on", "id")
    )
    for cycle in cycles:
        url = cycle_path(cycle.pk)
        out.add(cycle.started_on, "cycle", "Support cycle started", "", url)
        for step in cycle.steps.all():
            out.add(step.happened_on, "cycle", step.get_stage_display(), step.summary, url)
        if cycle.ended_on:
            out.add(
                cycle.ended_on,
                "cycle",
                "Support cycle ended",
                cycle.get_stage_display(),
                url,
            )


def _deployments(out: _Entries, user, school) -> None:
    """Support the school received or (its leaders) gave: agreed, each session, reviewed,
    ended."""
    deployments = (
        visible_deployments(user)
        .filter(Q(establishment=school) | Q(organisation__establishment=school))
        .select_related("establishment", "organisation", "leader")
        .prefetch_related("sessions")
        .order_by("starts_on", "id")
    )
    for deployment in deployments:
        url = deployment_path(deployment.pk)
        received = deployment.establishment_id == school.pk
        who = f"{deployment.leader.name} of {deployment.organisation.name}"
        title = (
            f"School-to-school support agreed: {who}"
            if received
            else f"School-to-school support given to {deployment.establishment.name}"
        )
        out.add(
            deployment.la_agreed_on,
            "deployment",
            title,
            f"{deployment.days_planned} days from {long_date(deployment.starts_on)}.",
            url,
        )
        for session in deployment.sessions.all():
            out.add(
                session.held_on,
                "deployment",
                f"School-to-school support session ({float(session.days):g} "
                f"day{'' if session.days == 1 else 's'})",
                session.focus,
                url,
            )
        if deployment.reviewed_on:
            out.add(
                deployment.reviewed_on,
                "deployment",
                f"School-to-school support reviewed: {deployment.get_impact_display().lower()}",
                deployment.review_summary,
                url,
            )
        if deployment.exited_on:
            out.add(
                deployment.exited_on,
                "deployment",
                f"School-to-school support ended ({deployment.get_status_display().lower()})",
                deployment.exit_summary,
                url,
            )


def _grants(out: _Entries, user, school) -> None:
    """Grant applications and their decisions (those who see the school's money)."""
    applications = (
        visible_applications(user)
        .filter(establishment=school)
        .select_related("scheme")
        .order_by("submitted_at", "id")
    )
    for application in applications:
        url = reverse("commissioning:application_detail", args=[application.pk])
        out.add(
            application.submitted_at,
            "grant",
            f"Applied to {application.scheme.name}",
            application.purpose,
            url,
        )
        if application.decided_on and application.awarded_pence:
            out.add(
                application.decided_on,
                "grant",
                f"Grant awarded: {pounds(application.awarded_pence)}",
                f"{application.scheme.name}. {application.decision_reason}",
                url,
            )
        elif application.decided_on:
            out.add(
                application.decided_on,
                "grant",
                "Grant not awarded",
                f"{application.scheme.name}. {application.decision_reason}",
                url,
            )


def school_timeline(*, user, establishment, kinds=None) -> list[TimelineEntry]:
    """The school's timeline as this user may see it, newest first; only the given kinds
    (keys of KINDS) if any. The caller checks that the user may see the school."""
    wanted = set(KINDS) if not kinds else set(kinds) & set(KINDS)
    out = _Entries()
    if wanted & {"case", "power", "structural"}:
        _cases(out, user, establishment, wanted)
    for kind, gather in _GATHERERS.items():
        if kind in wanted:
            gather(out, user, establishment)
    return out.newest_first()


# Each kind of entry and the function that gathers it (cases, powers and structural
# solutions come from one function, above).
_GATHERERS = {
    "category": _categories,
    "notice": _notices,
    "letter": _letters,
    "meeting": _meetings,
    "visit": _visits,
    "plan": _plans,
    "cycle": _cycles,
    "deployment": _deployments,
    "grant": _grants,
}
