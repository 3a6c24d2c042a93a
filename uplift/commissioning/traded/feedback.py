"""Asking the school for feedback once it uses its traded-service subscription (a session
or a training place)."""

from uplift.commissioning.models import Usage
from uplift.core.dates import long_date
from uplift.feedback.questions import SubjectKind
from uplift.feedback.services import Subject, request_feedback


def ask_about_usage(*, actor, via, usage: Usage):
    subscription = usage.subscription
    service = subscription.service
    return request_feedback(
        actor=actor,
        via=via,
        subject=Subject(
            kind=SubjectKind.TRADED,
            id=usage.pk,
            label=(
                f"the {usage.get_kind_display().lower()} of {long_date(usage.used_on)} "
                f"({service.name})"
            ),
            provider=service.la.name,
            service=service.name,
            happened_on=usage.used_on,
        ),
        establishment=subscription.establishment,
        is_sample=subscription.is_sample,
    )
