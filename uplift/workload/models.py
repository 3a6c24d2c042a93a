"""What the daily reminder task has already sent, so that each owner hears of an overdue
item once a day at most, whoever runs the task and however often."""

from django.conf import settings
from django.db import models


class ReminderSent(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    item_key = models.CharField(max_length=80, help_text="e.g. casework.meetingaction:12")
    sent_on = models.DateField()
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "item_key", "sent_on"], name="uniq_reminder_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"Reminder to {self.owner} about {self.item_key} on {self.sent_on}"
