"""The audit trail: one event per change made through the pages, the API or the CLI.

Row-level history (django-simple-history) is kept as well for the models people edit; each
app registers its own (the register's historical tables live in this app, see
uplift/schools/models.py), so a change made any other way (the Django admin, a shell) still
leaves a trace.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Via(models.TextChoices):
    WEB = "web", "Web page"
    API = "api", "API"
    CLI = "cli", "Command line"
    SYSTEM = "system", "System"


class AuditEvent(models.Model):
    occurred_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    actor_label = models.CharField(
        max_length=150, help_text="Who made the change, kept if the user is deleted"
    )
    via = models.CharField(max_length=10, choices=Via.choices)
    action = models.CharField(max_length=60, db_index=True, help_text='e.g. "group.member_added"')
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=255)
    establishment = models.ForeignKey(
        "schools.Establishment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
        help_text="The school the change concerns, if any",
    )
    la = models.ForeignKey(
        "schools.LocalAuthority",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
        help_text="The LA the change concerns, if any (for its officers' recent changes)",
    )
    changes = models.JSONField(default=dict, blank=True, help_text="{field: [before, after]}")
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="audit_event_object"),
            models.Index(fields=["la", "-occurred_at"], name="audit_event_la_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"
