"""Governor services: each school's governing body (or trust board, local governing body or
interim executive board), its constitution (how many places of each category), its clerk,
its governors with their terms, the LA's training sessions and who attended, and governance
reviews (skills audits, the LA's rating with its evidence, Round Table Reviews)."""

from django.conf import settings
from django.db import models

from uplift.core.dates import long_date


class BodyKind(models.TextChoices):
    GOVERNING_BODY = "governing_body", "Governing body"
    LOCAL_GOVERNING_BODY = "local_governing_body", "Local governing body of a trust"
    TRUST_BOARD = "trust_board", "Trust board"
    IEB = "ieb", "Interim executive board"


class GoverningBody(models.Model):
    """A school's governing body and its clerk. Its places are its constitution."""

    establishment = models.OneToOneField(
        "schools.Establishment", on_delete=models.PROTECT, related_name="governing_body"
    )
    kind = models.CharField(max_length=24, choices=BodyKind.choices)
    clerk = models.CharField(max_length=200, blank=True)
    clerked_by_la = models.BooleanField(
        default=False, help_text="The LA's clerking service clerks the body"
    )
    instrument_dated = models.DateField(
        null=True, blank=True, help_text="The date of the instrument of government"
    )
    is_sample = models.BooleanField(default=False, help_text="Sample data for the demo")
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["establishment__name"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.establishment.name}"

    @property
    def la(self):
        return self.establishment.la


class Category(models.TextChoices):
    PARENT = "parent", "Parent governor"
    STAFF = "staff", "Staff governor"
    HEADTEACHER = "headteacher", "Headteacher"
    LA = "la", "LA governor"
    CO_OPTED = "co_opted", "Co-opted governor"
    FOUNDATION = "foundation", "Foundation governor"
    PARTNERSHIP = "partnership", "Partnership governor"
    ADDITIONAL = "additional", "Additional governor appointed by the LA (s.64)"
    IEB_MEMBER = "ieb_member", "Interim executive board member (s.65)"
    TRUSTEE = "trustee", "Trustee"


# Appointed under the LA's intervention powers: not places of the constitution.
STATUTORY = {Category.ADDITIONAL: "s.64", Category.IEB_MEMBER: "s.65"}


class Place(models.Model):
    """How many governors of a category the constitution provides for."""

    body = models.ForeignKey(GoverningBody, on_delete=models.CASCADE, related_name="places")
    category = models.CharField(max_length=12, choices=Category.choices)
    number = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["body", "category"]
        constraints = [
            models.UniqueConstraint(fields=["body", "category"], name="uniq_place_category")
        ]


class GovernorRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    MEMBER = "member", "Governor"


class Governor(models.Model):
    """Someone on the body for a term of office. A governor appointed by the LA under s.64
    (or an IEB member under s.65) is recorded with the appointment's date and details."""

    body = models.ForeignKey(GoverningBody, on_delete=models.CASCADE, related_name="governors")
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=12, choices=Category.choices)
    role = models.CharField(max_length=10, choices=GovernorRole.choices, default="member")
    appointed_by = models.CharField(max_length=200, help_text="The appointing body")
    starts_on = models.DateField()
    term_ends_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)
    dbs_checked_on = models.DateField(null=True, blank=True)
    appointment = models.TextField(
        blank=True, help_text="For an appointment under the LA's powers: its decision"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["body", "-role", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(term_ends_on__gte=models.F("starts_on")),
                name="governor_term_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.get_category_display().lower()}"

    def serves_on(self, day) -> bool:
        return self.starts_on <= day and (self.left_on is None or self.left_on > day)

    def overdue_on(self, day) -> bool:
        """Still serving after the term ended."""
        return self.serves_on(day) and self.term_ends_on < day


class TrainingKind(models.TextChoices):
    INDUCTION = "induction", "Induction"
    CHAIRS = "chairs", "Chairs' development"
    SAFEGUARDING = "safeguarding", "Safeguarding"
    OTHER = "other", "Other training"


class TrainingSession(models.Model):
    la = models.ForeignKey(
        "schools.LocalAuthority", on_delete=models.PROTECT, related_name="governor_training"
    )
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=12, choices=TrainingKind.choices)
    held_on = models.DateField()
    attendees = models.ManyToManyField(Governor, related_name="training", blank=True)
    is_sample = models.BooleanField(default=False)

    class Meta:
        ordering = ["-held_on", "title"]
        constraints = [
            models.UniqueConstraint(fields=["la", "title", "held_on"], name="uniq_training_session")
        ]

    def __str__(self) -> str:
        return f"{self.title}, {long_date(self.held_on)}"


class ReviewKind(models.TextChoices):
    SKILLS_AUDIT = "skills_audit", "Skills audit"
    LA_RATING = "la_rating", "The LA's rating of governance"
    ROUND_TABLE = "round_table", "Round Table Review"
    EXTERNAL = "external", "External review of governance"


class Rating(models.TextChoices):
    NONE = "", "No rating"
    STRONG = "strong", "Strong"
    EFFECTIVE = "effective", "Effective"
    DEVELOPING = "developing", "Needs development"
    WEAK = "weak", "Weak"


# The ratings that show a concern about governance, worst first.
CONCERN_RATINGS = (Rating.WEAK, Rating.DEVELOPING)


class Review(models.Model):
    """A governance review: a skills audit, the LA's rating with its evidence, or the notes
    of a Round Table Review."""

    body = models.ForeignKey(GoverningBody, on_delete=models.CASCADE, related_name="reviews")
    kind = models.CharField(max_length=12, choices=ReviewKind.choices)
    reviewed_on = models.DateField()
    rating = models.CharField(max_length=10, choices=Rating.choices, blank=True, default="")
    evidence = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["body", "-reviewed_on", "-id"]
