"""`uplift send-reminders [--date YYYY-MM-DD]`: queue the daily reminder task (the default
immediate backend runs it at once) and print how many emails and items it sent. Run it
once a day from cron; running it again the same day sends nothing new."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_tasks import TaskResultStatus

from uplift.workload.tasks import send_overdue_reminders

USAGE = 2


class Command(BaseCommand):
    help = "Email each owner of an overdue action, objective or deadline, once a day."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", default="", help="the day to remind as of (YYYY-MM-DD); today by default"
        )

    def handle(self, *args, **opts):
        try:
            day = date.fromisoformat(opts["date"]) if opts["date"] else timezone.localdate()
        except ValueError:
            raise CommandError(
                f"--date {opts['date']!r} is not a date (YYYY-MM-DD)", returncode=USAGE
            ) from None
        result = send_overdue_reminders.enqueue(day.isoformat())
        if not result.is_finished:
            self.stdout.write(f"Queued the reminders of {day.isoformat()} ({result.id})")
            return
        if result.status == TaskResultStatus.FAILED:
            errors = "; ".join(error.exception_class_path for error in result.errors)
            raise CommandError(f"the reminder task failed: {errors}")
        counts = result.return_value
        self.stdout.write(
            f"Reminders of {day.isoformat()}: {counts['emails']} email(s) "
            f"listing {counts['items']} item(s)"
        )
        if counts["owners_without_email"]:
            self.stdout.write(
                f"Skipped {counts['owners_without_email']} owner(s) without an email address"
            )
