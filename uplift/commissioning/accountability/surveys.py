"""Asking a commission's schools for their feedback on the project (part 4 of its
accountability report): each school's head gets feedback's survey of a commissioned
project, once."""

from django.db import transaction

from uplift.commissioning.common import check_may_keep, event
from uplift.commissioning.models import Commission
from uplift.core.errors import Conflict
from uplift.feedback.models import Survey
from uplift.feedback.questions import SubjectKind
from uplift.feedback.services import Subject, request_feedback


def subject_of(commission: Commission) -> Subject:
    return Subject(
        kind=SubjectKind.COMMISSION,
        id=commission.pk,
        label=f"the project {commission.title}",
        provider=commission.provider.name,
        service="Commissioned projects",
        happened_on=commission.starts_on,
    )


@transaction.atomic
def ask_schools(*, actor, via, commission: Commission, reason: str = "", site_url=None) -> int:
    """Send the survey to each of the commission's schools not yet asked; answers how many
    were asked."""
    check_may_keep(actor, via, commission.la_id)
    asked = set(
        Survey.objects.filter(
            subject_kind=SubjectKind.COMMISSION, subject_id=commission.pk
        ).values_list("establishment_id", flat=True)
    )
    schools = [s for s in commission.schools.order_by("name") if s.pk not in asked]
    if not schools:
        raise Conflict("Every school of the project has already been asked for its feedback")
    subject = subject_of(commission)
    for school in schools:
        request_feedback(
            actor=actor,
            via=via,
            subject=subject,
            establishment=school,
            is_sample=commission.is_sample,
            site_url=site_url,
        )
    event(
        actor,
        via,
        "commission.feedback_asked",
        commission,
        la=commission.la,
        changes={"schools asked": [None, [school.name for school in schools]]},
        reason=reason or "Feedback for the accountability report",
    )
    return len(schools)
