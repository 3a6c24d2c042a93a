"""Who provides school-improvement support and who pays for it: approved providers and the
commissions the LA or a partnership places with them (with milestones, deliverables and the
four-part accountability report); grant and bursary schemes with schools' applications; and
traded services sold to schools as packages, with each school's subscription and its use."""

from django.conf import settings
from django.db import models

USER = settings.AUTH_USER_MODEL


def _user():
    return models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )


class ProviderKind(models.TextChoices):
    LA_TEAM = "la_team", "LA team"
    LA_TRADED = "la_traded", "LA traded company"
    PRIVATE = "private", "Private company"
    SCHOOL = "school", "School"
    TRUST = "trust", "Trust"
    TEACHING_SCHOOL_HUB = "hub", "Teaching school hub"


class Provider(models.Model):
    """A provider of support; only an approved one with current due diligence is commissioned."""

    la = models.ForeignKey("schools.LocalAuthority", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=160)
    kind = models.CharField(max_length=20, choices=ProviderKind.choices)
    approved = models.BooleanField(default=False)
    due_diligence_on = models.DateField(null=True, blank=True, help_text="Last checked")
    due_diligence_due = models.DateField(null=True, blank=True, help_text="Next check due")
    is_sample = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["la", "name"], name="uniq_provider")]

    def __str__(self) -> str:
        return self.name


class Commission(models.Model):
    """A contract or project placed with a provider, paid for from a fund."""

    la = models.ForeignKey("schools.LocalAuthority", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=160)
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="commissions")
    fund = models.ForeignKey("funds.Fund", on_delete=models.PROTECT, related_name="+")
    budget_pence = models.PositiveBigIntegerField()
    commitment = models.ForeignKey(
        "funds.LedgerEntry", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    schools = models.ManyToManyField("schools.Establishment", related_name="commissions")
    summary = models.TextField(blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    is_sample = models.BooleanField(default=False)
    created_at = models.DateTimeField()
    created_by = _user()

    class Meta:
        ordering = ["-starts_on", "title"]

    def __str__(self) -> str:
        return self.title


class MilestoneKind(models.TextChoices):
    MILESTONE = "milestone", "Milestone"
    DELIVERABLE = "deliverable", "Deliverable"


class Milestone(models.Model):
    commission = models.ForeignKey(Commission, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(max_length=12, choices=MilestoneKind.choices)
    text = models.CharField(max_length=300)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]


class ReportPart(models.TextChoices):
    """The four parts of the accountability report every commissioned project gives."""

    IMPLEMENTATION = "implementation", "Implementation and impact"
    TEACHING = "teaching", "Improvement in the quality of teaching"
    OUTCOMES = "outcomes", "Pupil and school outcomes"
    FEEDBACK = "feedback", "School feedback on the service"


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


class ReportSection(models.Model):
    """One part of a commission's accountability report: its evidence and RAG rating."""

    commission = models.ForeignKey(
        Commission, on_delete=models.CASCADE, related_name="report_sections"
    )
    part = models.CharField(max_length=20, choices=ReportPart.choices)
    evidence = models.TextField()
    rag = models.CharField(max_length=5, choices=Rag.choices)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField()
    updated_by = _user()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["commission", "part"], name="uniq_report_part")
        ]


class GrantScheme(models.Model):
    """Grants or bursaries from a fund for schools that meet the scheme's criteria."""

    la = models.ForeignKey("schools.LocalAuthority", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=160)
    description = models.TextField(blank=True)
    criteria = models.JSONField(default=list, help_text="The criteria, one sentence each")
    fund = models.ForeignKey("funds.Fund", on_delete=models.PROTECT, related_name="+")
    max_award_pence = models.PositiveBigIntegerField()
    closes_on = models.DateField()
    conditions = models.TextField(blank=True, help_text="Conditions of a grant, for the letter")
    is_sample = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-closes_on", "name"]

    def __str__(self) -> str:
        return self.name


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", "Submitted"
    AWARDED = "awarded", "Awarded"
    DECLINED = "declined", "Not awarded"


class GrantApplication(models.Model):
    scheme = models.ForeignKey(GrantScheme, on_delete=models.PROTECT, related_name="applications")
    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="grant_applications"
    )
    requested_pence = models.PositiveBigIntegerField()
    purpose = models.CharField(max_length=300, help_text="What the money is for")
    statement = models.TextField(help_text="How the school meets the criteria")
    status = models.CharField(
        max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    submitted_at = models.DateTimeField()
    submitted_by = _user()
    assessment = models.JSONField(default=list, help_text='[{"criterion", "met", "note"}]')
    awarded_pence = models.PositiveBigIntegerField(null=True, blank=True)
    commitment = models.ForeignKey(
        "funds.LedgerEntry", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField(null=True, blank=True)
    decided_by = _user()
    decision_reason = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    is_sample = models.BooleanField(default=False)

    class Meta:
        ordering = ["-submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "establishment"], name="one_application_per_scheme"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scheme} application"


class TradedService(models.Model):
    """A service the LA sells to schools (school improvement, governor services, ...)."""

    la = models.ForeignKey("schools.LocalAuthority", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=160)
    description = models.TextField(blank=True)
    is_sample = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["la", "name"], name="uniq_traded_service")]

    def __str__(self) -> str:
        return self.name


class Package(models.Model):
    """A level of a service (bronze, silver, gold or any the LA names) and what it includes."""

    service = models.ForeignKey(TradedService, on_delete=models.CASCADE, related_name="packages")
    name = models.CharField(max_length=60)
    level = models.PositiveSmallIntegerField(help_text="Higher includes more")
    price_pence = models.PositiveBigIntegerField()
    adviser_sessions = models.PositiveSmallIntegerField(default=0)
    training_places = models.PositiveSmallIntegerField(default=0)
    helpline = models.BooleanField(default=False)
    clerking = models.BooleanField(default=False)
    other = models.CharField(max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["service", "level"]
        constraints = [
            models.UniqueConstraint(fields=["service", "name"], name="uniq_package_name"),
            models.UniqueConstraint(fields=["service", "level"], name="uniq_package_level"),
        ]

    def __str__(self) -> str:
        return self.name


class PackageExpectation(models.Model):
    """A policy: schools in these categories are expected to buy at least this package."""

    service = models.ForeignKey(
        TradedService, on_delete=models.CASCADE, related_name="expectations"
    )
    categories = models.JSONField(help_text='Category codes, e.g. ["3b", "4"]')
    package = models.ForeignKey(Package, on_delete=models.CASCADE, related_name="+")


class SubscriptionStatus(models.TextChoices):
    OFFERED = "offered", "Offered"
    BOUGHT = "bought", "Bought"
    DECLINED = "declined", "Declined"


class Subscription(models.Model):
    """A school's subscription to a service in an academic year, and its price."""

    service = models.ForeignKey(
        TradedService, on_delete=models.PROTECT, related_name="subscriptions"
    )
    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="subscriptions"
    )
    academic_year = models.CharField(max_length=7)
    package = models.ForeignKey(
        Package, on_delete=models.PROTECT, null=True, blank=True, related_name="subscriptions"
    )
    status = models.CharField(max_length=10, choices=SubscriptionStatus.choices)
    price_pence = models.PositiveBigIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField()
    updated_by = _user()
    is_sample = models.BooleanField(default=False)

    class Meta:
        ordering = ["academic_year", "service", "establishment__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "establishment", "academic_year"], name="uniq_subscription"
            )
        ]


class UsageKind(models.TextChoices):
    ADVISER_SESSION = "adviser_session", "Adviser session"
    TRAINING_PLACE = "training_place", "Training place"


class Usage(models.Model):
    """A use of a subscription's entitlement (a session, a training place)."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="usage")
    kind = models.CharField(max_length=20, choices=UsageKind.choices)
    used_on = models.DateField()
    quantity = models.PositiveSmallIntegerField(default=1)
    note = models.CharField(max_length=300)
    recorded_at = models.DateTimeField()
    recorded_by = _user()

    class Meta:
        ordering = ["used_on", "id"]


class GrantCondition(models.Model):
    """A condition attached to an award (from the scheme's conditions, or added by an
    officer), which the school's claims give evidence against."""

    application = models.ForeignKey(
        GrantApplication, on_delete=models.CASCADE, related_name="conditions"
    )
    text = models.CharField(max_length=300)
    added_at = models.DateTimeField()
    added_by = _user()

    class Meta:
        ordering = ["application", "id"]

    def __str__(self) -> str:
        return self.text


class ClaimStatus(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for approval"
    APPROVED = "approved", "Approved and paid"
    REFUSED = "refused", "Not approved"


class GrantClaim(models.Model):
    """A school's claim of part of its award, with its evidence; an officer's approval pays
    it from the award's commitment in the fund."""

    application = models.ForeignKey(
        GrantApplication, on_delete=models.PROTECT, related_name="claims"
    )
    amount_pence = models.PositiveBigIntegerField()
    evidence = models.TextField(help_text="What was spent and how the conditions are met")
    status = models.CharField(
        max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.SUBMITTED
    )
    submitted_at = models.DateTimeField()
    submitted_by = _user()
    decided_on = models.DateField(null=True, blank=True)
    decided_by = _user()
    decision_reason = models.TextField(blank=True)
    payment = models.ForeignKey(
        "funds.LedgerEntry", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    is_sample = models.BooleanField(default=False)

    class Meta:
        ordering = ["application", "submitted_at", "id"]

    def __str__(self) -> str:
        return f"Claim on {self.application}"


class TrainingRecord(models.Model):
    """Places a school took on a training course, counted against the training places of its
    subscription to the service in that academic year."""

    service = models.ForeignKey(TradedService, on_delete=models.PROTECT, related_name="training")
    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="training_records"
    )
    course = models.CharField(max_length=200)
    held_on = models.DateField()
    academic_year = models.CharField(max_length=7)
    places = models.PositiveSmallIntegerField()
    recorded_at = models.DateTimeField()
    recorded_by = _user()
    is_sample = models.BooleanField(default=False)

    class Meta:
        ordering = ["held_on", "id"]
        indexes = [models.Index(fields=["service", "academic_year"])]

    def __str__(self) -> str:
        return f"{self.course} on {self.held_on}"
