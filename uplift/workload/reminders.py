"""Overdue items and who should hear of them, and the daily reminder email.

An item is something with a date that has passed (or, for the s.64 window, is about to)
and someone responsible for it: a monitoring board's action, an action plan's objective
or milestone, a warning notice's compliance decision, a pre-warning action plan, a power
used but not yet reported to DfE, a visit whose note has not been started. Each source is
one query, however many items there are.
"""

import os
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from uplift.casework.models import (
    Compliance,
    ConcernCase,
    MeetingAction,
    PowerUse,
    Stage,
    WarningNotice,
)
from uplift.core.dates import long_date
from uplift.partnerships.models import Action as PartnershipAction
from uplift.support.models import Milestone, Objective, PlanStatus, Visit, VisitStatus
from uplift.workload.models import ReminderSent

# A power used must be reported to DfE; say so once this many days have passed.
DFE_NOTICE_DAYS = 5
# Warn the lead officer this many days before the s.64 window closes.
POWERS_WINDOW_WARNING_DAYS = 10


class Kind:
    ACTION = "action"
    OBJECTIVE = "objective"
    MILESTONE = "milestone"
    COMPLIANCE = "compliance_deadline"
    ACTION_PLAN = "action_plan_due"
    DFE_NOTICE = "dfe_notification"
    POWERS_WINDOW = "powers_window"
    NOTE = "note_to_write"

    LABELS = {
        ACTION: "Monitoring board action",
        OBJECTIVE: "Action plan objective",
        MILESTONE: "Action plan milestone",
        COMPLIANCE: "Warning notice compliance decision",
        ACTION_PLAN: "School's action plan (pre-warning)",
        DFE_NOTICE: "Tell DfE of a power used",
        POWERS_WINDOW: "s.64 window closing (deadline approaching)",
        NOTE: "Note of visit to write",
    }


@dataclass(frozen=True)
class Item:
    """Something overdue (or, with `approaching`, about to be) for its owner."""

    key: str  # unique per thing reminded of, e.g. "casework.meetingaction:12"
    kind: str  # one of Kind
    title: str
    school: object  # the Establishment (None for a partnership's action)
    due_on: date
    url: str  # absolute path of the page that shows it
    approaching: bool = False  # a deadline not yet passed (the s.64 window)

    @property
    def kind_label(self) -> str:
        return Kind.LABELS.get(self.kind, self.kind)

    def is_overdue(self, today: date) -> bool:
        return self.due_on < today


def case_path(pk: int) -> str:
    return reverse("casework:case_detail", args=[pk])


def meeting_path(pk: int) -> str:
    return reverse("casework:meeting_detail", args=[pk])


def plan_path(pk: int) -> str:
    return reverse("support:plan_detail", args=[pk])


def visit_path(pk: int) -> str:
    return reverse("support:visit_detail", args=[pk])


def cycle_path(pk: int) -> str:
    return reverse("support:cycle_detail", args=[pk])


def letter_path(pk: int) -> str:
    return reverse("casework:letter_detail", args=[pk])


def _key(obj, suffix: str = "") -> str:
    return f"{obj._meta.label_lower}:{obj.pk}" + (f":{suffix}" if suffix else "")


def _case_owner(case):
    return case.lead_officer or case.opened_by_user


def _clip(text: str, length: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def _actions(today):
    found = MeetingAction.objects.filter(done_on__isnull=True, due_on__lt=today).select_related(
        "owner", "meeting__establishment"
    )
    for action in found:
        yield (
            action.owner,
            Item(
                key=_key(action),
                kind=Kind.ACTION,
                title=_clip(action.description),
                school=action.meeting.establishment,
                due_on=action.due_on,
                url=meeting_path(action.meeting_id),
            ),
        )


def _objectives(today):
    found = Objective.objects.filter(
        achieved_on__isnull=True, due_on__lt=today, plan__status=PlanStatus.ACTIVE
    ).select_related("owner", "plan__establishment")
    for objective in found:
        yield (
            objective.owner,
            Item(
                key=_key(objective),
                kind=Kind.OBJECTIVE,
                title=_clip(objective.text),
                school=objective.plan.establishment,
                due_on=objective.due_on,
                url=plan_path(objective.plan_id),
            ),
        )


def _milestones(today):
    found = Milestone.objects.filter(
        done_on__isnull=True,
        due_on__lt=today,
        objective__achieved_on__isnull=True,
        objective__plan__status=PlanStatus.ACTIVE,
    ).select_related("objective__owner", "objective__plan__establishment")
    for milestone in found:
        yield (
            milestone.objective.owner,
            Item(
                key=_key(milestone),
                kind=Kind.MILESTONE,
                title=_clip(milestone.text),
                school=milestone.objective.plan.establishment,
                due_on=milestone.due_on,
                url=plan_path(milestone.objective.plan_id),
            ),
        )


CASE_PEOPLE = ("case__lead_officer", "case__opened_by_user", "case__establishment")


def _compliance(today):
    found = (
        WarningNotice.objects.filter(compliance_deadline__lt=today, compliance=Compliance.PENDING)
        .exclude(case__stage=Stage.CLOSED)
        .select_related(*CASE_PEOPLE)
    )
    for notice in found:
        yield (
            _case_owner(notice.case),
            Item(
                key=_key(notice),
                kind=Kind.COMPLIANCE,
                title=f"Decide whether the school complied with the warning notice of "
                f"{long_date(notice.issued_on)}",
                school=notice.case.establishment,
                due_on=notice.compliance_deadline,
                url=case_path(notice.case_id),
            ),
        )


def _action_plans_due(today):
    found = ConcernCase.objects.filter(
        stage=Stage.PRE_WARNING, action_plan_due_on__lt=today
    ).select_related("lead_officer", "opened_by_user", "establishment")
    for case in found:
        yield (
            _case_owner(case),
            Item(
                key=_key(case, "action-plan"),
                kind=Kind.ACTION_PLAN,
                title="The school's action plan was due (pre-warning)",
                school=case.establishment,
                due_on=case.action_plan_due_on,
                url=case_path(case.pk),
            ),
        )


def _dfe_notices(today):
    found = PowerUse.objects.filter(
        dfe_notified_on__isnull=True, used_on__lt=today - timedelta(days=DFE_NOTICE_DAYS)
    ).select_related(*CASE_PEOPLE)
    for power in found:
        yield (
            _case_owner(power.case),
            Item(
                key=_key(power),
                kind=Kind.DFE_NOTICE,
                title=f"Record that DfE was told of the {power.get_power_display()} "
                f"used on {long_date(power.used_on)}",
                school=power.case.establishment,
                due_on=power.used_on + timedelta(days=DFE_NOTICE_DAYS),
                url=case_path(power.case_id),
            ),
        )


def _powers_windows(today):
    found = WarningNotice.objects.filter(
        powers_window_ends__gte=today,
        powers_window_ends__lte=today + timedelta(days=POWERS_WINDOW_WARNING_DAYS),
        case__stage__in=(Stage.ELIGIBLE, Stage.POWERS_USED),
    ).select_related(*CASE_PEOPLE)
    for notice in found:
        yield (
            _case_owner(notice.case),
            Item(
                key=_key(notice, "powers-window"),
                kind=Kind.POWERS_WINDOW,
                title="The window to appoint additional governors (s.64) closes on "
                f"{long_date(notice.powers_window_ends)}",
                school=notice.case.establishment,
                due_on=notice.powers_window_ends,
                url=case_path(notice.case_id),
                approaching=True,
            ),
        )


def _notes_to_write(today):
    found = Visit.objects.filter(
        status=VisitStatus.SCHEDULED, scheduled_for__lt=today
    ).select_related("adviser", "establishment")
    for visit in found:
        yield (
            visit.adviser,
            Item(
                key=_key(visit),
                kind=Kind.NOTE,
                title=f"Write the note of the visit of {long_date(visit.scheduled_for)}"
                + (f": {_clip(visit.purpose, 60)}" if visit.purpose else ""),
                school=visit.establishment,
                due_on=visit.scheduled_for,
                url=visit_path(visit.pk),
            ),
        )


def _partnership_actions(today):
    found = PartnershipAction.objects.filter(done_on__isnull=True, due_on__lt=today).select_related(
        "owner", "meeting__partnership"
    )
    for action in found:
        yield (
            action.owner,
            Item(
                key=_key(action),
                kind=Kind.ACTION,
                title=_clip(f"{action.description} ({action.meeting.partnership.name})"),
                school=None,
                due_on=action.due_on,
                url=reverse("partnerships:meeting", args=[action.meeting_id]),
            ),
        )


SOURCES = (
    _actions,
    _partnership_actions,
    _objectives,
    _milestones,
    _compliance,
    _action_plans_due,
    _dfe_notices,
    _powers_windows,
    _notes_to_write,
)


def overdue_items(*, today: date) -> dict:
    """Every owner (a User) with their overdue items, each owner's oldest first. Items
    with nobody to tell (a case with neither a lead officer nor an opener) are left out.
    One query per source, nine in all."""
    found: dict = {}
    for source in SOURCES:
        for owner, item in source(today):
            if owner is not None:
                found.setdefault(owner, []).append(item)
    for items in found.values():
        items.sort(key=lambda item: (item.due_on, item.key))
    return found


# The daily email


@dataclass(frozen=True)
class ReminderRun:
    day: date
    emails: int  # emails sent, one per owner with something new
    items: int  # items in them
    owners_without_email: int  # owners with new items but no email address (skipped)

    def as_dict(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "emails": self.emails,
            "items": self.items,
            "owners_without_email": self.owners_without_email,
        }


def site_url() -> str:
    """Where links in emails point: settings.UPLIFT_SITE_URL or $UPLIFT_SITE_URL."""
    url = getattr(settings, "UPLIFT_SITE_URL", "") or os.environ.get("UPLIFT_SITE_URL", "")
    return (url or "http://127.0.0.1:8000").rstrip("/")


def reminder_subject(items: list[Item]) -> str:
    count = len(items)
    return f"Uplift: {count} overdue item{'s' if count != 1 else ''}"


def _place(item: Item) -> str:
    return f"{item.school.name} (URN {item.school.urn}), " if item.school is not None else ""


def reminder_body(owner, items: list[Item], *, day: date) -> str:
    name = owner.get_full_name() or owner.get_username()
    base = site_url()
    lines = [
        f"Dear {name},",
        "",
        f"On {long_date(day)} these items in Uplift need your attention:",
        "",
    ]
    for item in items:
        when = "due by" if item.approaching else "was due"
        lines += [
            f"- {item.kind_label}: {item.title}",
            f"  {_place(item)}{when} {long_date(item.due_on)}",
            f"  {base}{item.url}",
            "",
        ]
    lines += [
        f"Your work in Uplift: {base}/my-work/",
        "",
        "You are told of each item once a day while it stays overdue.",
    ]
    return "\n".join(lines)


def send_reminders(*, day: date) -> ReminderRun:
    """Email each owner ONE message listing their overdue items not yet reminded of on
    `day`, and record each (owner, item, day) sent, so that a second run the same day sends
    nothing. Owners without an email address are skipped and counted."""
    by_owner = overdue_items(today=day)
    already = set(ReminderSent.objects.filter(sent_on=day).values_list("owner_id", "item_key"))
    emails = items_sent = without_email = 0
    connection = get_connection()
    for owner, items in sorted(by_owner.items(), key=lambda pair: pair[0].pk):
        new = [item for item in items if (owner.pk, item.key) not in already]
        if not new:
            continue
        if not owner.email:
            without_email += 1
            continue
        message = EmailMessage(
            subject=reminder_subject(new),
            body=reminder_body(owner, new, day=day),
            to=[owner.email],
            connection=connection,
        )
        with transaction.atomic():
            now = timezone.now()
            ReminderSent.objects.bulk_create(
                [
                    ReminderSent(owner=owner, item_key=item.key, sent_on=day, sent_at=now)
                    for item in new
                ],
                ignore_conflicts=True,
            )
            message.send()
        emails += 1
        items_sent += len(new)
    return ReminderRun(day=day, emails=emails, items=items_sent, owners_without_email=without_email)
