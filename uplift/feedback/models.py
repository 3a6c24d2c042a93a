"""Feedback surveys: short surveys a school's head answers after an adviser visit, a
deployment of school-to-school support, a use of a traded service or a commissioned
project. The subject is generic (its kind, its id, a label and its provider's name), so the
apps above feedback ask for it from their own services without feedback importing them."""

from django.conf import settings
from django.db import models

from uplift.feedback.questions import SubjectKind


class Survey(models.Model):
    """One school's survey about one subject. The link emailed to the head carries a one-time
    token: only its hash is stored, and it works once and until it expires."""

    la = models.ForeignKey("schools.LocalAuthority", on_delete=models.PROTECT, related_name="+")
    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="feedback_surveys"
    )
    subject_kind = models.CharField(max_length=12, choices=SubjectKind.choices)
    subject_id = models.PositiveBigIntegerField()
    subject_label = models.CharField(max_length=300, help_text="What happened, as a head reads it")
    provider_label = models.CharField(max_length=200, help_text="Who provided it")
    service_label = models.CharField(max_length=200, help_text="Which service it belongs to")
    happened_on = models.DateField()
    questions = models.JSONField(help_text='[{"key": ..., "text": ...}] as sent')
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    sent_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    comments = models.TextField(blank=True)
    is_sample = models.BooleanField(default=False)

    class Meta:
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_kind", "subject_id", "establishment"],
                name="one_survey_per_subject_and_school",
            )
        ]
        indexes = [models.Index(fields=["la", "answered_at"])]

    def __str__(self) -> str:
        return f"Feedback on {self.subject_label}"

    @property
    def answered(self) -> bool:
        return self.answered_at is not None


class Answer(models.Model):
    """The rating a school gave one question of its survey (1 strongly disagree to 5
    strongly agree)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=40)
    rating = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["survey", "id"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "question"], name="one_answer_per_question"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="rating_1_to_5"
            ),
        ]
