"""Early warning: a model trained from the imported history, the risk it gives each school as
at a date, and officers' reviews of the schools it flags.

A `ModelRun` is one training and scoring: what it learned from (history before `as_at`), how
well it did when that can be known, and the share of schools it flags. Each scored school has a
`RiskAssessment` with its probability of a decline at its next graded inspection and the reasons
in words. Officers agree with or dismiss a flag (`FlagReview`), with a reason, audited.
"""

from django.conf import settings
from django.db import models


class ModelRun(models.Model):
    """One training of the model on history before `as_at`, and the scores it gave."""

    as_at = models.DateField(help_text="Only what was known before this date was used")
    la = models.ForeignKey(
        "schools.LocalAuthority",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The LA scored, or empty for all of England",
    )
    method = models.CharField(max_length=80, help_text="e.g. calibrated gradient boosting")
    share_flagged = models.DecimalField(
        max_digits=4, decimal_places=3, help_text="Top share of schools flagged, e.g. 0.200"
    )
    trained_on = models.PositiveIntegerField(help_text="Inspections the model learned from")
    scored = models.PositiveIntegerField(default=0)
    metrics = models.JSONField(default=dict, blank=True, help_text="Backtest figures, if any")
    is_current = models.BooleanField(default=False)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        get_latest_by = "created_at"

    def __str__(self) -> str:
        return f"Early-warning run as at {self.as_at:%d %B %Y}"


class RiskAssessment(models.Model):
    """A school's risk of a worse next graded inspection, as at the run's date."""

    run = models.ForeignKey(ModelRun, on_delete=models.CASCADE, related_name="assessments")
    school = models.ForeignKey(
        "schools.Establishment", on_delete=models.CASCADE, related_name="risk_assessments"
    )
    risk = models.FloatField(help_text="Calibrated probability, 0 to 1")
    rank = models.PositiveIntegerField(help_text="1 is the riskiest school in the run's scope")
    flagged = models.BooleanField(default=False)
    reasons = models.JSONField(default=list, help_text="Sentences a person reads, riskiest first")

    class Meta:
        ordering = ["run", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["run", "school"], name="uniq_risk_per_run_school")
        ]
        indexes = [models.Index(fields=["school", "run"])]

    def __str__(self) -> str:
        return f"{self.school} risk {self.risk:.0%}"


class ReviewDecision(models.TextChoices):
    AGREE = "agree", "Agreed: the school needs attention"
    DISMISS = "dismiss", "Dismissed"


class FlagReview(models.Model):
    """An officer's view of one flag. The latest review of an assessment stands."""

    assessment = models.ForeignKey(RiskAssessment, on_delete=models.CASCADE, related_name="reviews")
    decision = models.CharField(max_length=10, choices=ReviewDecision.choices)
    reason = models.TextField()
    reviewed_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["assessment", "-reviewed_at"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} by {self.reviewed_by_id}"
