"""School Performance Profiles: the stored PDFs, the batches that make them, the downloads."""

from django.conf import settings
from django.db import models


def document_path(document, filename: str) -> str:
    round_ = document.round
    return f"profiles/{round_.la.code}/{round_.code}/{filename}"


class ProfileDocument(models.Model):
    """The PDF profile of one school in one round (the latest one generated)."""

    round = models.ForeignKey(
        "categorisation.Round", on_delete=models.CASCADE, related_name="profile_documents"
    )
    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.CASCADE, related_name="profile_documents"
    )
    file = models.FileField(upload_to=document_path, max_length=255)
    sha256 = models.CharField(max_length=64)
    generated_at = models.DateTimeField()

    class Meta:
        ordering = ["round", "establishment__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "establishment"], name="uniq_profile_document")
        ]

    def __str__(self) -> str:
        return f"Profile of URN {self.establishment.urn}, {self.round.code}"


class BatchStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    FINISHED = "finished", "Finished"
    FAILED = "failed", "Failed"


class ProfileBatch(models.Model):
    """One run of the background task that generates every profile of a round."""

    round = models.ForeignKey(
        "categorisation.Round", on_delete=models.CASCADE, related_name="profile_batches"
    )
    status = models.CharField(max_length=8, choices=BatchStatus.choices, default=BatchStatus.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    failures = models.JSONField(default=list, blank=True, help_text="[{urn, error}, ...]")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "profile batches"

    def __str__(self) -> str:
        return f"Profiles of {self.round} ({self.get_status_display().lower()})"

    @property
    def running(self) -> bool:
        return self.status in (BatchStatus.QUEUED, BatchStatus.RUNNING)

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * (self.done + self.failed) / self.total)


class Format(models.TextChoices):
    HTML = "html", "Web page"
    PDF = "pdf", "PDF"


class ProfileDownload(models.Model):
    """Someone read or downloaded a school's profile."""

    round = models.ForeignKey(
        "categorisation.Round", on_delete=models.CASCADE, related_name="profile_downloads"
    )
    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.CASCADE, related_name="profile_downloads"
    )
    document = models.ForeignKey(
        ProfileDocument, on_delete=models.SET_NULL, null=True, blank=True, related_name="downloads"
    )
    format = models.CharField(max_length=4, choices=Format.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    username = models.CharField(max_length=150, help_text="Kept if the user is deleted")
    downloaded_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-downloaded_at", "-id"]
