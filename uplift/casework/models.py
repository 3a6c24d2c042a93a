"""Schools causing concern: one open case per school, its stages, letters, warning notices,
intervention powers, structural solutions and monitoring board (MSP) meetings; and the
LA's own settings and school holidays that working-day deadlines are counted against.

Dates a person states (issued on, used on...) are DateFields; when a row was written is
kept by the audit trail and in `recorded_at`. Computed deadlines are stored as computed
on the day, so a later change to the LA's holidays never silently moves a served notice.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

USER = settings.AUTH_USER_MODEL


def _user(related_name: str = "+", **options):
    return models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name=related_name, **options
    )


class CaseworkSettings(models.Model):
    """An LA's local policy for casework."""

    la = models.OneToOneField(
        "schools.LocalAuthority", on_delete=models.CASCADE, related_name="casework_settings"
    )
    compliance_working_days = models.PositiveSmallIntegerField(
        default=15, help_text="Default compliance period of a warning notice, in working days"
    )
    action_plan_working_days = models.PositiveSmallIntegerField(
        default=15, help_text="Default time for a school to send its action plan at pre-warning"
    )
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = _user()
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "casework settings"

    def __str__(self) -> str:
        return f"Casework settings of {self.la}"


class SchoolHoliday(models.Model):
    """A school holiday of the LA's maintained schools (both days included): not a working
    day for deadlines, like weekends and England's bank holidays."""

    la = models.ForeignKey(
        "schools.LocalAuthority", on_delete=models.CASCADE, related_name="school_holidays"
    )
    name = models.CharField(max_length=80)
    starts_on = models.DateField()
    ends_on = models.DateField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["la", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="school_holiday_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.starts_on} to {self.ends_on})"


class Stage(models.TextChoices):
    CONCERN_RAISED = "concern_raised", "Concern raised"
    LETTER_OF_CONCERN = "letter_of_concern", "Letter of concern"
    PRE_WARNING = "pre_warning", "Pre-warning"
    WARNING_NOTICE = "warning_notice", "Formal warning notice"
    ELIGIBLE = "eligible", "Eligible for intervention"
    POWERS_USED = "powers_used", "Powers used"
    STRUCTURAL = "structural", "Structural solution or academy order"
    CLOSED = "closed", "Closed or exited"


class OpenedBy(models.TextChoices):
    CATEGORY = "category", "Published category"
    OFFICER = "officer", "Officer"
    INSPECTION = "inspection", "Ofsted inspection"


class ConcernCase(models.Model):
    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="concern_cases"
    )
    opened_on = models.DateField()
    opened_by = models.CharField(max_length=12, choices=OpenedBy.choices)
    opening_reason = models.TextField()
    opened_by_user = _user()
    category_code = models.CharField(
        max_length=20, blank=True, help_text="The published category that opened the case"
    )
    inspection = models.ForeignKey(
        "inspections.Inspection",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The inspection that opened the case",
    )
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.CONCERN_RAISED)
    stage_changed_on = models.DateField()
    lead_officer = _user("led_cases", help_text="Told of the case's deadlines")
    action_plan_due_on = models.DateField(null=True, blank=True)
    notice_of_intention_on = models.DateField(
        "notice of intention to use powers given on", null=True, blank=True
    )
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    recorded_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["establishment"],
                condition=~models.Q(stage="closed"),
                name="one_open_case_per_school",
            )
        ]

    def __str__(self) -> str:
        return f"Case {self.pk} of URN {self.establishment.urn}"

    @property
    def is_open(self) -> bool:
        return self.stage != Stage.CLOSED


class StageChange(models.Model):
    case = models.ForeignKey(ConcernCase, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    changed_on = models.DateField()
    reason = models.TextField(blank=True)
    actor = _user()
    actor_label = models.CharField(max_length=150)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["case", "recorded_at", "id"]

    def __str__(self) -> str:
        return f"{self.case}: {self.from_stage or 'opened'} -> {self.to_stage}"


class LetterKind(models.TextChoices):
    CONCERN = "concern", "Letter of concern"
    PRE_WARNING = "pre_warning", "Pre-warning letter (action plan requested)"
    WARNING_NOTICE = "warning_notice", "Warning notice"
    NOTICE_OF_INTENTION = "notice_of_intention", "Notice of intention to use powers"
    OTHER = "other", "Other letter"


class LetterTemplate(models.Model):
    """An LA's editable letter. Placeholders such as $school_name are filled in when a
    letter is generated (letters.py lists them)."""

    la = models.ForeignKey(
        "schools.LocalAuthority", on_delete=models.CASCADE, related_name="letter_templates"
    )
    kind = models.CharField(max_length=24, choices=LetterKind.choices)
    name = models.CharField(max_length=120)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField()
    updated_by = _user()
    history = HistoricalRecords()

    class Meta:
        ordering = ["la", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["la", "kind", "name"], name="uniq_letter_template")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


class SendingMethod(models.TextChoices):
    EMAIL = "email", "Email"
    POST = "post", "Post"
    HAND = "hand", "By hand"
    PORTAL = "portal", "Secure portal"


class Letter(models.Model):
    """A letter generated for a case: the text as generated, its PDF, and its sending."""

    case = models.ForeignKey(ConcernCase, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(max_length=24, choices=LetterKind.choices)
    template = models.ForeignKey(
        LetterTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    template_version = models.PositiveIntegerField(null=True, blank=True)
    addressed_to = models.TextField(help_text="The headteacher and the chair of governors")
    subject = models.CharField(max_length=200)
    body = models.TextField()
    pdf = models.BinaryField(editable=False)
    generated_at = models.DateTimeField()
    generated_by = _user()
    sent_on = models.DateField(null=True, blank=True)
    sent_method = models.CharField(max_length=10, choices=SendingMethod.choices, blank=True)
    sent_to = models.TextField(blank=True)
    sent_by = _user()
    sent_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["case", "generated_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.case}"

    @property
    def is_sent(self) -> bool:
        return self.sent_on is not None


class Ground(models.TextChoices):
    """The three statutory grounds of a warning notice (EIA 2006 s.60(2))."""

    STANDARDS = "standards", "(a) Unacceptably low standards of performance, likely to remain so"
    MANAGEMENT = (
        "management",
        "(b) Serious breakdown in management or governance, prejudicing standards",
    )
    SAFETY = "safety", "(c) The safety of pupils or staff is threatened"


class NoticeRoute(models.TextChoices):
    PERFORMANCE = "s60", "Performance standards and safety (s.60)"
    PAY_AND_CONDITIONS = "s60a", "Teachers' pay and conditions (s.60A)"


class Compliance(models.TextChoices):
    PENDING = "", "Not yet decided"
    COMPLIED = "complied", "Complied"
    NOT_COMPLIED = "not_complied", "Not complied"


class WarningNotice(models.Model):
    case = models.ForeignKey(ConcernCase, on_delete=models.CASCADE, related_name="warning_notices")
    route = models.CharField(
        max_length=4, choices=NoticeRoute.choices, default=NoticeRoute.PERFORMANCE
    )
    grounds = models.JSONField(default=list, help_text="Codes of Ground (s.60 notices)")
    issued_on = models.DateField()
    compliance_working_days = models.PositiveSmallIntegerField()
    compliance_deadline = models.DateField()
    powers_window_ends = models.DateField(
        help_text="The last day additional governors may be appointed (s.64)"
    )
    copied_to_dfe_on = models.DateField(null=True, blank=True)
    compliance = models.CharField(
        max_length=12, choices=Compliance.choices, blank=True, default=Compliance.PENDING
    )
    compliance_decided_on = models.DateField(null=True, blank=True)
    compliance_notes = models.TextField(blank=True)
    letter = models.ForeignKey(
        Letter, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    issued_by = _user()
    recorded_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "issued_on", "id"]

    def __str__(self) -> str:
        return f"Warning notice of {self.issued_on} ({self.case})"


class Power(models.TextChoices):
    ARRANGEMENTS = "s63", "s.63 Require the governing body to enter into arrangements"
    ADDITIONAL_GOVERNORS = "s64", "s.64 Appoint additional governors"
    IEB = "s65", "s.65 Replace the governing body with an interim executive board"
    SUSPEND_BUDGET = "s66", "s.66 Suspend the delegated budget"


class PowerUse(models.Model):
    case = models.ForeignKey(ConcernCase, on_delete=models.CASCADE, related_name="powers")
    power = models.CharField(max_length=4, choices=Power.choices)
    used_on = models.DateField()
    details = models.TextField()
    sos_consent_on = models.DateField(
        "Secretary of State's consent given on", null=True, blank=True
    )
    consulted_on = models.DateField("governing body consulted on", null=True, blank=True)
    dfe_notified_on = models.DateField("DfE told on", null=True, blank=True)
    recorded_by = _user()
    recorded_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "used_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_power_display()} on {self.used_on}"


class StructuralKind(models.TextChoices):
    ACADEMY_ORDER = "academy_order", "Academy order"
    SPONSORED_ACADEMY = "sponsored_academy", "Sponsored academy"
    FEDERATION = "federation", "Federation"
    AMALGAMATION = "amalgamation", "Amalgamation"
    CLOSURE = "closure", "Closure"
    OTHER = "other", "Other structural change"


class StructuralSolution(models.Model):
    case = models.ForeignKey(
        ConcernCase, on_delete=models.CASCADE, related_name="structural_solutions"
    )
    kind = models.CharField(max_length=20, choices=StructuralKind.choices)
    decided_on = models.DateField()
    academy_order_on = models.DateField(null=True, blank=True)
    expected_on = models.DateField("expected to take effect on", null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    details = models.TextField(blank=True)
    recorded_by = _user()
    recorded_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "decided_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} decided {self.decided_on}"


class MonitoringMeeting(models.Model):
    """A meeting of a school's monitoring board (Peterborough's MSP group)."""

    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="monitoring_meetings"
    )
    case = models.ForeignKey(
        ConcernCase, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings"
    )
    held_on = models.DateField()
    members = models.JSONField(default=list, help_text="Who attended: one name and role each")
    minutes = models.TextField()
    recorded_by = _user()
    recorded_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["establishment", "-held_on", "-id"]

    def __str__(self) -> str:
        return f"Monitoring board of URN {self.establishment.urn} on {self.held_on}"


class MeetingAction(models.Model):
    meeting = models.ForeignKey(MonitoringMeeting, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="meeting_actions")
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    done_note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "due_on", "id"]

    def __str__(self) -> str:
        return f"Action due {self.due_on}: {self.description[:40]}"
