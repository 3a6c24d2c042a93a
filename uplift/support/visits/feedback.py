"""Asking the school for feedback once a visit's note is finalised (feedback's survey of an
adviser visit)."""

from uplift.core.dates import long_date
from uplift.feedback.questions import SubjectKind
from uplift.feedback.services import Subject, request_feedback
from uplift.support.models import Visit

SERVICE = "Adviser visits"


def ask_about_visit(*, actor, via, visit: Visit):
    adviser = visit.adviser.get_full_name() or "the school's adviser"
    return request_feedback(
        actor=actor,
        via=via,
        subject=Subject(
            kind=SubjectKind.VISIT,
            id=visit.pk,
            label=f"the adviser visit of {long_date(visit.scheduled_for)} ({visit.purpose})",
            provider=adviser,
            service=SERVICE,
            happened_on=visit.scheduled_for,
        ),
        establishment=visit.establishment,
    )
