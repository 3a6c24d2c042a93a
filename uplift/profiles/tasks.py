"""Background tasks (django-tasks; the backend is settings.TASKS)."""

from django_tasks import task

from uplift.profiles import services


@task()
def generate_round_profiles(*, batch_id: int) -> dict:
    batch = services.run_batch(batch_id=batch_id)
    return {"done": batch.done, "failed": batch.failed}
