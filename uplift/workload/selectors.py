"""A user's own work: the visits they make, the notes they write or comment on, the
actions, objectives and milestones they own, and the cases they lead with their next
deadlines. What they own is theirs to see; links go only to pages they may open. Seven
queries whatever the number of rows."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse

from uplift.accounts.access import profile_of
from uplift.accounts.models import Role
from uplift.casework.access import visible_cases, visible_meetings
from uplift.casework.models import Compliance, MeetingAction, Stage, WarningNotice
from uplift.core.dates import long_date
from uplift.partnerships.access import visible_partnerships
from uplift.partnerships.models import Action as PartnershipAction
from uplift.support.access import visible_action_plans
from uplift.support.models import Milestone, Objective, PlanStatus, Visit, VisitStatus
from uplift.workload.reminders import (
    Kind,
    case_path,
    meeting_path,
    plan_path,
    visit_path,
)

# Roles that own visits, actions and cases; others see an explanation on an empty page.
WORKING_ROLES = {
    Role.SYSTEM_ADMIN,
    Role.LA_OFFICER,
    Role.ADVISER,
    Role.HEADTEACHER,
    Role.CHAIR_OF_GOVERNORS,
    Role.BOARD_MEMBER,  # actions of their board's meetings
}


@dataclass(frozen=True)
class WorkRow:
    key: str
    kind: str
    title: str
    school: object  # Establishment
    due_on: date | None
    url: str  # "" when the user may not open the page that shows it
    status: str = ""
    overdue: bool = False


@dataclass(frozen=True)
class Deadline:
    label: str
    due_on: date
    overdue: bool
    approaching: bool = False  # within the reminder's warning days


@dataclass(frozen=True)
class CaseWork:
    pk: int
    school: object
    stage: str
    stage_label: str
    url: str
    deadlines: tuple[Deadline, ...]

    @property
    def next_deadline(self) -> Deadline | None:
        return self.deadlines[0] if self.deadlines else None

    @property
    def overdue(self) -> bool:
        return any(deadline.overdue for deadline in self.deadlines)


@dataclass
class MyWork:
    today: date
    role: str = ""
    visits: list[WorkRow] = field(default_factory=list)  # upcoming visits they make
    notes: list[WorkRow] = field(default_factory=list)  # notes to write, finalise, comment on
    actions: list[WorkRow] = field(default_factory=list)  # monitoring board actions
    objectives: list[WorkRow] = field(default_factory=list)  # objectives and milestones
    cases: list[CaseWork] = field(default_factory=list)  # cases they lead

    @property
    def is_empty(self) -> bool:
        return not (self.visits or self.notes or self.actions or self.objectives or self.cases)

    @property
    def overdue_count(self) -> int:
        rows = [*self.notes, *self.actions, *self.objectives]
        return sum(row.overdue for row in rows) + sum(case.overdue for case in self.cases)

    @property
    def has_work_role(self) -> bool:
        return self.role in WORKING_ROLES


def _key(obj) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def _upcoming_visits(user, today) -> list[WorkRow]:
    visits = Visit.objects.filter(
        adviser=user, status=VisitStatus.SCHEDULED, scheduled_for__gte=today
    ).select_related("establishment")
    return [
        WorkRow(
            key=_key(visit),
            kind="visit",
            title=visit.purpose or "Visit",
            school=visit.establishment,
            due_on=visit.scheduled_for,
            url=visit_path(visit.pk),
            status=visit.get_status_display(),
        )
        for visit in visits.order_by("scheduled_for", "id")
    ]


NOTE_TASKS = {
    VisitStatus.SCHEDULED: "Write the note of visit",
    VisitStatus.DRAFTED: "Finish the note and share it with the headteacher",
    VisitStatus.COMMENTED: "Read the headteacher's comment and finalise the note",
    VisitStatus.AWAITING_COMMENT: "Comment on the note of visit",
}


def _notes(user, profile, today) -> list[WorkRow]:
    """An adviser's notes to write (visits past but not written up), to finish and to
    finalise; a headteacher's notes awaiting their comment."""
    wanted = Q(adviser=user) & (
        Q(status=VisitStatus.SCHEDULED, scheduled_for__lt=today)
        | Q(status__in=(VisitStatus.DRAFTED, VisitStatus.COMMENTED))
    )
    if profile is not None and profile.role == Role.HEADTEACHER and profile.establishment_id:
        wanted |= Q(
            establishment_id=profile.establishment_id,
            status=VisitStatus.AWAITING_COMMENT,
            note_shared_at__isnull=False,
        )
    visits = Visit.objects.filter(wanted).select_related("establishment").defer("note")
    return [
        WorkRow(
            key=_key(visit),
            kind=Kind.NOTE,
            title=NOTE_TASKS.get(visit.status, visit.get_status_display())
            + (f": {visit.purpose}" if visit.purpose else ""),
            school=visit.establishment,
            due_on=visit.scheduled_for,
            url=visit_path(visit.pk),
            status=visit.get_status_display(),
            overdue=visit.status == VisitStatus.SCHEDULED,
        )
        for visit in visits.order_by("scheduled_for", "id")
    ]


def _actions(user, today) -> list[WorkRow]:
    actions = (
        MeetingAction.objects.filter(owner=user, done_on__isnull=True)
        .select_related("meeting__establishment")
        .annotate(can_open=Exists(visible_meetings(user).filter(pk=OuterRef("meeting_id"))))
        .order_by("due_on", "id")
    )
    return [
        WorkRow(
            key=_key(action),
            kind=Kind.ACTION,
            title=action.description,
            school=action.meeting.establishment,
            due_on=action.due_on,
            url=meeting_path(action.meeting_id) if action.can_open else "",
            status=f"From the monitoring board of {long_date(action.meeting.held_on)}",
            overdue=action.due_on < today,
        )
        for action in actions
    ]


def _partnership_actions(user, today) -> list[WorkRow]:
    """Actions of partnership meetings the user owns and has not done."""
    actions = (
        PartnershipAction.objects.filter(owner=user, done_on__isnull=True)
        .select_related("meeting__partnership")
        .annotate(
            can_open=Exists(visible_partnerships(user).filter(pk=OuterRef("meeting__partnership")))
        )
        .order_by("due_on", "id")
    )
    return [
        WorkRow(
            key=_key(action),
            kind=Kind.ACTION,
            title=action.description,
            school=None,
            due_on=action.due_on,
            url=reverse("partnerships:meeting", args=[action.meeting_id])
            if action.can_open
            else "",
            status=(
                f"From the {action.meeting.partnership.name} meeting of "
                f"{long_date(action.meeting.held_on)}"
            ),
            overdue=action.due_on < today,
        )
        for action in actions
    ]


def _objectives(user, today) -> list[WorkRow]:
    plans = visible_action_plans(user)
    objectives = (
        Objective.objects.filter(
            owner=user, achieved_on__isnull=True, plan__status=PlanStatus.ACTIVE
        )
        .select_related("plan__establishment")
        .annotate(can_open=Exists(plans.filter(pk=OuterRef("plan_id"))))
    )
    milestones = (
        Milestone.objects.filter(
            objective__owner=user,
            done_on__isnull=True,
            objective__achieved_on__isnull=True,
            objective__plan__status=PlanStatus.ACTIVE,
        )
        .select_related("objective__plan__establishment")
        .annotate(can_open=Exists(plans.filter(pk=OuterRef("objective__plan_id"))))
    )
    rows = [
        WorkRow(
            key=_key(objective),
            kind=Kind.OBJECTIVE,
            title=objective.text,
            school=objective.plan.establishment,
            due_on=objective.due_on,
            url=plan_path(objective.plan_id) if objective.can_open else "",
            status=f"Objective of {objective.plan.title}",
            overdue=objective.due_on < today,
        )
        for objective in objectives
    ] + [
        WorkRow(
            key=_key(milestone),
            kind=Kind.MILESTONE,
            title=milestone.text,
            school=milestone.objective.plan.establishment,
            due_on=milestone.due_on,
            url=plan_path(milestone.objective.plan_id) if milestone.can_open else "",
            status=f"Milestone of {milestone.objective.plan.title}",
            overdue=milestone.due_on < today,
        )
        for milestone in milestones
    ]
    return sorted(rows, key=lambda row: (row.due_on, row.key))


WINDOW_LABEL = "s.64 window ends (additional governors)"


def case_deadlines(case, today, *, warning_days: int = 10) -> tuple[Deadline, ...]:
    """A case's deadlines still to be met, soonest (most overdue) first: the school's action
    plan at pre-warning, each undecided warning notice's compliance deadline, and the end
    of the s.64 window once the school is eligible for intervention. Needs the case's
    warning notices prefetched."""
    found = []
    if case.stage == Stage.PRE_WARNING and case.action_plan_due_on:
        found.append(("School's action plan due", case.action_plan_due_on, False))
    for notice in case.warning_notices.all():
        if notice.compliance == Compliance.PENDING:
            found.append(("Warning notice compliance deadline", notice.compliance_deadline, False))
        if case.stage in (Stage.ELIGIBLE, Stage.POWERS_USED) and (
            notice.powers_window_ends >= today
        ):
            found.append((WINDOW_LABEL, notice.powers_window_ends, True))
    return tuple(
        Deadline(
            label=label,
            due_on=due_on,
            overdue=due_on < today,
            approaching=window and due_on <= today + timedelta(days=warning_days),
        )
        for label, due_on, window in sorted(found, key=lambda item: item[1])
    )


def _cases(user, today) -> list[CaseWork]:
    cases = (
        visible_cases(user)
        .filter(lead_officer=user)
        .exclude(stage=Stage.CLOSED)
        .select_related("establishment")
        .prefetch_related(
            Prefetch("warning_notices", queryset=WarningNotice.objects.order_by("issued_on", "id"))
        )
    )
    found = [
        CaseWork(
            pk=case.pk,
            school=case.establishment,
            stage=case.stage,
            stage_label=case.get_stage_display(),
            url=case_path(case.pk),
            deadlines=case_deadlines(case, today),
        )
        for case in cases
    ]
    far = date.max
    return sorted(
        found,
        key=lambda case: (case.next_deadline.due_on if case.next_deadline else far, case.pk),
    )


def my_work(*, user, today: date) -> MyWork:
    """The signed-in user's work on `today`. Anonymous users have none."""
    if user is None or not user.is_authenticated:
        return MyWork(today=today)
    profile = profile_of(user)
    role = Role.SYSTEM_ADMIN if user.is_superuser else (profile.role if profile else "")
    return MyWork(
        today=today,
        role=role,
        visits=_upcoming_visits(user, today),
        notes=_notes(user, profile, today),
        actions=_actions(user, today) + _partnership_actions(user, today),
        objectives=_objectives(user, today),
        cases=_cases(user, today),
    )
