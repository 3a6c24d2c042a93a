"""The support and challenge a school's category entitles it to: adviser visits and their
notes, action plans with objectives, milestones and RAG-rated reviews, and the Stockton
cycle of collaborative review, intensive plan, second review and exit."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

USER = settings.AUTH_USER_MODEL


def _user(related_name: str = "+"):
    return models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name=related_name
    )


class NoteTemplate(models.Model):
    """An LA's template for notes of visit: the headings an adviser writes under."""

    la = models.ForeignKey(
        "schools.LocalAuthority", on_delete=models.CASCADE, related_name="note_templates"
    )
    name = models.CharField(max_length=120)
    sections = models.JSONField(help_text='[{"heading": ..., "prompt": ...}, ...]')
    is_default = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField()
    updated_by = _user()
    history = HistoricalRecords()

    class Meta:
        ordering = ["la", "name"]
        constraints = [
            models.UniqueConstraint(fields=["la", "name"], name="uniq_note_template"),
            models.UniqueConstraint(
                fields=["la"], condition=models.Q(is_default=True), name="one_default_template"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class VisitStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    DRAFTED = "drafted", "Note being written"
    AWAITING_COMMENT = "awaiting_comment", "Note with the headteacher for comment"
    COMMENTED = "commented", "Headteacher has commented"
    FINALISED = "finalised", "Finalised"
    CANCELLED = "cancelled", "Cancelled"


class Visit(models.Model):
    """An adviser's visit to a school and its note of visit. A finalised visit counts
    against the school's entitlement for the academic year it took place in."""

    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="visits"
    )
    adviser = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="visits")
    scheduled_for = models.DateField()
    academic_year = models.CharField(max_length=7, help_text="e.g. 2026-27, from scheduled_for")
    purpose = models.CharField(max_length=200)
    status = models.CharField(
        max_length=20, choices=VisitStatus.choices, default=VisitStatus.SCHEDULED
    )
    case = models.ForeignKey(
        "casework.ConcernCase",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visits",
    )
    cycle = models.ForeignKey(
        "SupportCycle", on_delete=models.SET_NULL, null=True, blank=True, related_name="visits"
    )
    template = models.ForeignKey(
        NoteTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.JSONField(default=list, help_text='[{"heading": ..., "text": ...}, ...]')
    note_shared_at = models.DateTimeField(null=True, blank=True)
    head_comment = models.TextField(blank=True)
    head_commented_at = models.DateTimeField(null=True, blank=True)
    head_commented_by = _user()
    finalised_at = models.DateTimeField(null=True, blank=True)
    finalised_by = _user()
    cancelled_reason = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = _user()
    recorded_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-scheduled_for", "-id"]
        indexes = [models.Index(fields=["establishment", "academic_year", "status"])]

    def __str__(self) -> str:
        return f"Visit to URN {self.establishment.urn} on {self.scheduled_for}"


class PlanStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    CLOSED = "closed", "Closed"


class ActionPlan(models.Model):
    """A school's action plan. The plan is the unit of optimistic locking: its version
    covers its objectives, milestones and RAG-rated reviews, which are edited on its page."""

    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="action_plans"
    )
    title = models.CharField(max_length=200)
    case = models.ForeignKey(
        "casework.ConcernCase",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_plans",
    )
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=PlanStatus.choices, default=PlanStatus.ACTIVE)
    closed_on = models.DateField(null=True, blank=True)
    closed_reason = models.TextField(blank=True)
    created_by = _user()
    recorded_at = models.DateTimeField()
    version = models.PositiveIntegerField(
        default=1,
        help_text="Goes up with every change to the plan, its objectives, "
        "milestones and reviews: a change made from a stale page is refused",
    )
    changed_by = _user()
    changed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["establishment", "-starts_on", "-id"]

    def __str__(self) -> str:
        return self.title


class Objective(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="objectives")
    text = models.TextField()
    success_criteria = models.TextField(blank=True)
    owner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="objectives")
    due_on = models.DateField()
    achieved_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "due_on", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class Milestone(models.Model):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="milestones")
    text = models.TextField()
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["objective", "due_on", "id"]

    def __str__(self) -> str:
        return f"Milestone due {self.due_on}"


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


class ProgressReview(models.Model):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    rag = models.CharField("RAG rating", max_length=5, choices=Rag.choices)
    commentary = models.TextField()
    reviewer = _user()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["objective", "reviewed_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_rag_display()} on {self.reviewed_on}"


class CycleStage(models.TextChoices):
    COLLABORATIVE_REVIEW = "collaborative_review", "Collaborative review"
    INTERVENTION_PLAN = "intervention_plan", "Short intensive intervention plan"
    SECOND_REVIEW = "second_review", "Second collaborative review"
    EXIT_PLAN = "exit_plan", "Exit plan"
    SELF_SUSTAINING = "self_sustaining", "Self-sustaining"


class SupportCycle(models.Model):
    """Stockton's cycle for an underperforming school: collaborative review, a short
    intensive intervention plan, a second review, then an exit plan or self-sustaining."""

    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="support_cycles"
    )
    stage = models.CharField(max_length=24, choices=CycleStage.choices)
    started_on = models.DateField()
    plan = models.ForeignKey(
        ActionPlan, on_delete=models.SET_NULL, null=True, blank=True, related_name="cycles"
    )
    ended_on = models.DateField(null=True, blank=True)
    created_by = _user()
    recorded_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1, help_text="Goes up with every step")
    history = HistoricalRecords()

    class Meta:
        ordering = ["establishment", "-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["establishment"],
                condition=models.Q(ended_on__isnull=True),
                name="one_running_cycle_per_school",
            )
        ]

    def __str__(self) -> str:
        return f"Support cycle of URN {self.establishment.urn} from {self.started_on}"


class CycleStep(models.Model):
    """One step of a support cycle, with what it found or decided."""

    cycle = models.ForeignKey(SupportCycle, on_delete=models.CASCADE, related_name="steps")
    stage = models.CharField(max_length=24, choices=CycleStage.choices)
    happened_on = models.DateField()
    summary = models.TextField()
    recorded_by = _user()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["cycle", "happened_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} on {self.happened_on}"
