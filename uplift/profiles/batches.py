"""Starting a round's batch of profiles: recorded, then handed to the background task."""

from django.db import transaction
from django.utils import timezone

from uplift.audit.services import record_event
from uplift.categorisation.models import Round
from uplift.profiles.models import (
    ProfileBatch,
)
from uplift.profiles.services import round_establishments
from uplift.profiles.tasks import generate_round_profiles


def start_batch(*, actor, via: str, round_: Round) -> ProfileBatch:
    """Queue the generation of every profile of the round (the task runs it)."""
    with transaction.atomic():
        batch = ProfileBatch.objects.create(
            round=round_,
            total=round_establishments(round_).count(),
            requested_by=actor if actor is not None and actor.is_authenticated else None,
            created_at=timezone.now(),
        )
        record_event(
            actor=actor,
            via=via,
            action="profiles.batch_started",
            obj=batch,
            la=round_.la,
            changes={"total": [None, batch.total]},
            reason=f"Generate the performance profiles of round {round_.code}",
        )
    generate_round_profiles.enqueue(batch_id=batch.pk)
    batch.refresh_from_db()
    return batch
