"""Model runs and risk assessments made directly, as the scoring would leave them."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from uplift.earlywarning.models import ModelRun, RiskAssessment

REASONS = [
    "Last graded Good 6 years ago",
    "Key stage 2 reading progress fell from +1.2 to -2.4 over two years",
]


def make_run(*, la=None, as_at=date(2026, 9, 1), current=True, scored=10, **values) -> ModelRun:
    return ModelRun.objects.create(
        as_at=as_at,
        la=la,
        method=values.pop("method", "calibrated logistic regression"),
        share_flagged=values.pop("share_flagged", Decimal("0.200")),
        trained_on=values.pop("trained_on", 5000),
        scored=scored,
        is_current=current,
        created_at=values.pop("created_at", timezone.now()),
        **values,
    )


def make_assessment(run, school, *, risk=0.5, rank=1, flagged=True, reasons=None):
    return RiskAssessment.objects.create(
        run=run,
        school=school,
        risk=risk,
        rank=rank,
        flagged=flagged,
        reasons=REASONS if reasons is None else reasons,
    )
