"""An officer's review of a flag: they agree that the school needs attention, or dismiss the
flag, with a reason either way. A review is never changed: a later one stands instead, and
`version` (how many reviews the officer saw) refuses a review made on an out-of-date page."""

from django.db import transaction
from django.utils import timezone

from uplift.audit.services import record_event
from uplift.core.errors import Conflict, NotAllowed, Refused, StaleVersion
from uplift.earlywarning import access
from uplift.earlywarning.models import FlagReview, ReviewDecision, RiskAssessment
from uplift.earlywarning.selectors import current_run

REASON_MAX_LENGTH = 2000


def review_flag(
    *, actor, via: str, assessment: RiskAssessment, decision: str, reason: str, version: int
) -> FlagReview:
    """Record an officer's review of a flagged school in the current run. LA officers of the
    school's LA only."""
    school = assessment.school
    if not access.can_review(actor, school.la_id):
        raise NotAllowed("Only the local authority's officers review its early-warning flags")
    if decision not in ReviewDecision.values:
        raise Refused("Choose whether you agree with the flag or dismiss it", code="no_decision")
    reason = (reason or "").strip()
    if not reason:
        raise Refused("Enter the reason for your decision", code="no_reason")
    if len(reason) > REASON_MAX_LENGTH:
        raise Refused(
            f"The reason must be {REASON_MAX_LENGTH} characters or fewer", code="too_long"
        )
    if version is None:
        raise Refused("Send the version of the flag you saw", code="no_version")
    with transaction.atomic():
        locked = RiskAssessment.objects.select_for_update().get(pk=assessment.pk)
        if not locked.flagged:
            raise Conflict("This school is not flagged, so there is no flag to review")
        run = current_run(la_id=school.la_id)
        if run is None or run.pk != locked.run_id:
            raise Conflict(
                "This flag comes from an earlier scoring of the schools: review the school's "
                "flag in the latest one",
                code="old_run",
            )
        before = (
            FlagReview.objects.filter(assessment=locked)
            .order_by("-reviewed_at", "-id")
            .values_list("decision", "version")
            .first()
        )
        seen = before[1] if before else 0
        if version != seen:
            raise StaleVersion(
                "Someone reviewed this flag while you were looking at it. Their review is "
                "shown below: check it and make yours again if it still stands."
            )
        review = FlagReview.objects.create(
            assessment=locked,
            decision=decision,
            reason=reason,
            reviewed_at=timezone.now(),
            reviewed_by=actor,
            version=seen + 1,
        )
        record_event(
            actor=actor,
            via=via,
            action="earlywarning.flag_reviewed",
            obj=locked,
            establishment=school,
            changes={"decision": [before[0] if before else None, decision]},
            reason=reason,
        )
    return review
