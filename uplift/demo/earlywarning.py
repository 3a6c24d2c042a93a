"""The demo's early warning: after the demo round, the model is trained on the inspections
and results the demo loaded and scores the LA's schools. Its figures are computed from the
data, not sample. Idempotent: a current run for the LA is left alone. When there is nothing
to learn from (too little history), the demo goes on without one."""

from django.utils import timezone

from uplift.core.errors import Refused
from uplift.earlywarning.selectors import current_run
from uplift.earlywarning.services import score_schools


def seed_early_warning(*, la) -> str:
    """Score the LA's schools if no current run does; say what was done."""
    if current_run(la_id=la.pk) is not None:
        return "the LA's schools are already scored"
    try:
        run = score_schools(as_at=timezone.localdate(), la=la)
    except (Refused, ValueError) as refused:
        return f"not scored: {refused}"
    flagged = run.assessments.filter(flagged=True).count()
    return f"{run.scored} schools scored from the data, {flagged} flagged"
