"""The history of every import: who, when, which file, and what it did."""

from django.conf import settings
from django.db import models


class RunStatus(models.TextChoices):
    APPLIED = "applied", "Applied"
    DRY_RUN = "dry_run", "Dry run (nothing written)"
    REJECTED = "rejected", "Rejected (nothing written)"


class ImportRun(models.Model):
    importer = models.CharField(max_length=30, db_index=True)
    file_name = models.CharField(max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    options = models.JSONField(default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_runs",
    )
    actor = models.CharField(
        max_length=150, help_text="Who ran it: a username, or the system account for the CLI"
    )
    via = models.CharField(max_length=10, default="cli")
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=RunStatus.choices)
    rows_read = models.PositiveIntegerField(default=0)
    rows_added = models.PositiveIntegerField(default=0)
    rows_updated = models.PositiveIntegerField(default=0)
    rows_unchanged = models.PositiveIntegerField(default=0)
    rows_rejected = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.importer} {self.file_name} {self.started_at:%Y-%m-%d %H:%M} {self.status}"
