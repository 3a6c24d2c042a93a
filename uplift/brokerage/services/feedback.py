"""Asking the supported school for feedback once a deployment completes (feedback's survey
of school-to-school support)."""

from uplift.core.dates import long_date
from uplift.feedback.questions import SubjectKind
from uplift.feedback.services import Subject, request_feedback

SERVICE = "School-to-school support"


def ask_about_deployment(*, actor, via, deployment):
    leader = deployment.leader.name
    return request_feedback(
        actor=actor,
        via=via,
        subject=Subject(
            kind=SubjectKind.DEPLOYMENT,
            id=deployment.pk,
            label=(
                f"the support from {leader} ({deployment.organisation.name}) that ended on "
                f"{long_date(deployment.exited_on)}"
            ),
            provider=deployment.organisation.name,
            service=SERVICE,
            happened_on=deployment.exited_on,
        ),
        establishment=deployment.establishment,
    )
