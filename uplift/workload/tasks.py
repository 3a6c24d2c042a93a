"""Background tasks (django-tasks; the backend is settings.TASKS)."""

from datetime import date

from django_tasks import task

from uplift.workload import reminders


@task()
def send_overdue_reminders(day_iso: str) -> dict:
    """The daily reminder: email each owner their overdue items of `day_iso` (YYYY-MM-DD),
    once a day at most. Returns the counts (emails, items, owners_without_email)."""
    return reminders.send_reminders(day=date.fromisoformat(day_iso)).as_dict()
