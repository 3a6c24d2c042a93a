"""School-to-school support: the organisations and system leaders who give support, the
requests schools need help with, the deployments brokered between them, the Learning Bank's
credits ledger and the directory of good practice.

Money is integer pence and credits are whole credits; balances are summed from the ledger,
never stored."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

USER = settings.AUTH_USER_MODEL


def _user(related_name: str = "+", **options):
    return models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name=related_name, **options
    )


class BrokerageSettings(models.Model):
    """An LA's policy for school-to-school support."""

    la = models.OneToOneField(
        "schools.LocalAuthority", on_delete=models.CASCADE, related_name="brokerage_settings"
    )
    eligible_categories = models.PositiveSmallIntegerField(
        default=2,
        help_text="A school gives support only from one of the LA's best N categories",
    )
    credits_per_day = models.PositiveIntegerField(
        default=10, help_text="Learning Bank credits a supporting school earns per day delivered"
    )
    day_rate_pence = models.PositiveIntegerField(
        default=45_000, help_text="What a day of support costs, in pence"
    )
    shaped_sessions = models.PositiveSmallIntegerField(
        default=3, help_text="Sessions a school may book and shape each academic year"
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = _user()
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "brokerage settings"

    def __str__(self) -> str:
        return f"School-to-school support settings of {self.la}"


class OrganisationKind(models.TextChoices):
    SCHOOL = "school", "School"
    TRUST = "trust", "Trust"
    TEACHING_SCHOOL_HUB = "teaching_school_hub", "Teaching school hub"
    LA_TEAM = "la_team", "The LA's own team"
    LA_TRADED = "la_traded", "LA traded company"
    PRIVATE = "private", "Private provider"


class SupportOrganisation(models.Model):
    """An organisation that gives support. A school is known by its URN; a trust or hub may
    be one of the register's groups."""

    la = models.ForeignKey(
        "schools.LocalAuthority", on_delete=models.PROTECT, related_name="support_organisations"
    )
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices)
    name = models.CharField(max_length=200)
    establishment = models.ForeignKey(
        "schools.Establishment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_organisations",
    )
    group = models.ForeignKey(
        "schools.SchoolGroup", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    postcode = models.CharField(max_length=10, blank=True)
    contact_name = models.CharField(max_length=120, blank=True)
    contact_email = models.EmailField(blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = _user()
    recorded_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["la", "name"], name="uniq_support_organisation"),
            models.CheckConstraint(
                condition=~models.Q(kind="school") | models.Q(establishment__isnull=False),
                name="school_organisation_has_urn",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CheckOutcome(models.TextChoices):
    PASSED = "passed", "Passed"
    CONCERNS = "concerns", "Passed with concerns"
    FAILED = "failed", "Failed"


class DueDiligenceCheck(models.Model):
    """One check of an organisation (safeguarding, finances, capacity...) by a named person
    on a date. The latest check must have passed before the organisation's first deployment."""

    organisation = models.ForeignKey(
        SupportOrganisation, on_delete=models.CASCADE, related_name="checks"
    )
    checked_on = models.DateField()
    checked_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    what = models.CharField(max_length=200)
    outcome = models.CharField(max_length=10, choices=CheckOutcome.choices)
    notes = models.TextField(blank=True)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["organisation", "-checked_on", "-id"]

    def __str__(self) -> str:
        return f"{self.what} on {self.checked_on}: {self.get_outcome_display()}"


class SystemLeader(models.Model):
    """A person who gives support for an organisation, with what they can help with."""

    organisation = models.ForeignKey(
        SupportOrganisation, on_delete=models.PROTECT, related_name="leaders"
    )
    user = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="system_leader_roles",
        help_text="Their sign-in, so they see the deployments they work on",
    )
    name = models.CharField(max_length=120)
    email = models.EmailField(blank=True)
    phases = models.JSONField(default=list, help_text="Phase groups they support")
    specialisms = models.JSONField(default=list, help_text="Specialism codes (specialisms.py)")
    days_per_term = models.PositiveSmallIntegerField(default=10)
    is_sample = models.BooleanField(default=False, help_text="A sample record for the demo")
    version = models.PositiveIntegerField(default=1)
    recorded_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class DesignationKind(models.TextChoices):
    NLE = "nle", "National leader of education"
    LLE = "lle", "Local leader of education"
    SLE = "sle", "Specialist leader of education"
    LOCAL = "local", "Local scheme leader"
    ADVISER = "adviser", "Adviser"


class Designation(models.Model):
    leader = models.ForeignKey(SystemLeader, on_delete=models.CASCADE, related_name="designations")
    kind = models.CharField(max_length=10, choices=DesignationKind.choices)
    scheme = models.CharField(
        max_length=120,
        blank=True,
        help_text="A local scheme's name, e.g. Wigan Leaders of Education",
    )
    designated_by = models.CharField(max_length=120, help_text="The designating body")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["leader", "-starts_on", "id"]

    def __str__(self) -> str:
        return self.scheme or self.get_kind_display()

    def is_current_on(self, day) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


class PersonLink(models.Model):
    """A person's role at a school (governor, trustee, leader), to find conflicts of interest:
    someone linked to both the requesting school and the supporting one."""

    person_name = models.CharField(max_length=120)
    user = _user()
    leader = models.ForeignKey(
        SystemLeader, on_delete=models.CASCADE, null=True, blank=True, related_name="links"
    )
    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.CASCADE, related_name="person_links"
    )
    role = models.CharField(max_length=80)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["person_name", "id"]

    def __str__(self) -> str:
        return f"{self.person_name}, {self.role}"


class RecordedConflict(models.Model):
    """A relationship an officer records as a conflict of interest between a leader or an
    organisation and a school."""

    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.CASCADE, related_name="recorded_conflicts"
    )
    leader = models.ForeignKey(
        SystemLeader, on_delete=models.CASCADE, null=True, blank=True, related_name="conflicts"
    )
    organisation = models.ForeignKey(
        SupportOrganisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="conflicts",
    )
    reason = models.TextField()
    recorded_by = _user()
    recorded_at = models.DateTimeField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"Conflict with URN {self.establishment_id}"


class RaisedFrom(models.TextChoices):
    CASE = "case", "A concern case"
    CATEGORY_OFFER = "category_offer", "The category's support offer"
    OFFICER = "officer", "An LA officer"
    SCHOOL = "school", "The school itself"


class Funding(models.TextChoices):
    LA = "la", "LA school improvement budget"
    SCHOOL = "school", "The school's own budget"
    CREDITS = "credits", "Learning Bank credits"
    GRANT = "grant", "A DfE grant"
    TRADED = "traded", "The school's traded-services subscription"
    OTHER = "other", "Other"


class RequestStatus(models.TextChoices):
    OPEN = "open", "Open"
    BROKERED = "brokered", "Brokered"
    WITHDRAWN = "withdrawn", "Withdrawn"


class SupportRequest(models.Model):
    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="support_requests"
    )
    raised_from = models.CharField(max_length=16, choices=RaisedFrom.choices)
    case = models.ForeignKey(
        "casework.ConcernCase",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="support_requests",
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_requests",
        help_text="The partnership deploying a leader from its member schools, if one is",
    )
    areas = models.JSONField(help_text="Specialism codes of the help needed")
    details = models.TextField(blank=True)
    days = models.PositiveSmallIntegerField()
    needed_by = models.DateField()
    funding = models.CharField(max_length=10, choices=Funding.choices)
    status = models.CharField(
        max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    raised_by = _user()
    raised_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-raised_at", "-id"]

    def __str__(self) -> str:
        return f"Support request {self.pk} of URN {self.establishment.urn}"


class DeploymentStatus(models.TextChoices):
    AGREED = "agreed", "Agreed"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    ENDED_EARLY = "ended_early", "Ended early"


class Impact(models.TextChoices):
    STRONG = "strong", "Strong impact"
    SOME = "some", "Some impact"
    LITTLE = "little", "Little or no impact"


class Deployment(models.Model):
    """An agreement between the requesting school, the supporting organisation and the LA."""

    request = models.ForeignKey(
        SupportRequest, on_delete=models.PROTECT, related_name="deployments"
    )
    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="deployments_received"
    )
    organisation = models.ForeignKey(
        SupportOrganisation, on_delete=models.PROTECT, related_name="deployments"
    )
    leader = models.ForeignKey(SystemLeader, on_delete=models.PROTECT, related_name="deployments")
    status = models.CharField(
        max_length=12, choices=DeploymentStatus.choices, default=DeploymentStatus.AGREED
    )
    days_planned = models.PositiveSmallIntegerField()
    cost_pence = models.PositiveIntegerField(default=0)
    credits = models.PositiveIntegerField(default=0, help_text="Credits the school spends")
    school_agreed_on = models.DateField()
    supporter_agreed_on = models.DateField()
    la_agreed_on = models.DateField()
    starts_on = models.DateField()
    ends_on = models.DateField()
    review_on = models.DateField()
    reviewed_on = models.DateField(null=True, blank=True)
    impact = models.CharField(max_length=8, choices=Impact.choices, blank=True)
    review_summary = models.TextField(blank=True)
    exited_on = models.DateField(null=True, blank=True)
    exit_summary = models.TextField(blank=True)
    agreed_by = _user()
    recorded_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return f"Deployment {self.pk} to URN {self.establishment.urn}"

    @property
    def is_running(self) -> bool:
        return self.status in (DeploymentStatus.AGREED, DeploymentStatus.IN_PROGRESS)


class DeploymentObjective(models.Model):
    deployment = models.ForeignKey(Deployment, on_delete=models.CASCADE, related_name="objectives")
    text = models.TextField()
    plan_objective = models.ForeignKey(
        "support.Objective",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deployment_objectives",
    )

    class Meta:
        ordering = ["deployment", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class SupportSession(models.Model):
    """A session the leader gave, with notes shared with the school, which may comment."""

    deployment = models.ForeignKey(Deployment, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField()
    days = models.DecimalField(max_digits=3, decimal_places=1)
    focus = models.CharField(max_length=200)
    notes = models.TextField()
    logged_by = _user()
    logged_at = models.DateTimeField()
    school_comment = models.TextField(blank=True)
    commented_by = _user()
    commented_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["deployment", "held_on", "id"]

    def __str__(self) -> str:
        return f"Session on {self.held_on}"


class ShapedSession(models.Model):
    """One of the sessions a school is entitled to each year, booked by its head with the
    focus they choose (Stockton)."""

    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="shaped_sessions"
    )
    academic_year = models.CharField(max_length=7)
    booked_for = models.DateField()
    focus_area = models.CharField(max_length=40)
    focus = models.TextField()
    booked_by = _user()
    booked_at = models.DateTimeField()

    class Meta:
        ordering = ["establishment", "booked_for", "id"]

    def __str__(self) -> str:
        return f"Shaped session on {self.booked_for}"


class CreditKind(models.TextChoices):
    EARNED = "earned", "Earned"
    SPENT = "spent", "Spent"
    ADJUSTED = "adjusted", "Adjusted"


class CreditEntry(models.Model):
    """One movement of a school's Learning Bank credits: positive earned, negative spent."""

    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="credit_entries"
    )
    kind = models.CharField(max_length=10, choices=CreditKind.choices)
    credits = models.IntegerField()
    occurred_on = models.DateField()
    academic_year = models.CharField(max_length=7)
    description = models.CharField(max_length=240)
    session = models.OneToOneField(
        SupportSession,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_entry",
    )
    deployment = models.ForeignKey(
        Deployment, on_delete=models.PROTECT, null=True, blank=True, related_name="credit_entries"
    )
    recorded_by = _user()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["establishment", "occurred_on", "id"]
        indexes = [models.Index(fields=["establishment", "academic_year"])]
        constraints = [models.CheckConstraint(condition=~models.Q(credits=0), name="credits_not_0")]

    def __str__(self) -> str:
        return f"{self.credits:+d} credits on {self.occurred_on}"


class GoodPractice(models.Model):
    """Practice worth seeing at a school, in one area and phase, with whom to contact."""

    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="good_practice"
    )
    area = models.CharField(max_length=40)
    phase = models.CharField(max_length=12)
    title = models.CharField(max_length=200)
    summary = models.TextField()
    evidence = models.TextField(help_text="What shows the practice is good")
    contact_name = models.CharField(max_length=120)
    contact_email = models.EmailField()
    recorded_by = _user()
    recorded_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title
