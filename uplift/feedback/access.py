"""Who reads and answers feedback. LA officers read their LA's surveys and roll-ups, system
administrators every LA's. A headteacher answers their own school's surveys (signed in, or
through the link emailed to them, which needs no sign-in) and reads their school's answers.
Everyone else sees none of it."""

from django.db.models import Q, QuerySet

from uplift.accounts.access import grants_of, is_system_admin
from uplift.accounts.models import Role
from uplift.feedback.models import Survey


def officer_la_ids(user) -> set[int] | None:
    """The LAs whose feedback this user reads: None for every LA (system administrators),
    their own for an LA officer, an empty set for anyone else."""
    if is_system_admin(user):
        return None
    return {g.la_id for g in grants_of(user) if g.role == Role.LA_OFFICER and g.la_id}


def reads_rollups(user) -> bool:
    return officer_la_ids(user) != set()


def head_school_ids(user) -> set[int]:
    return {
        g.establishment_id
        for g in grants_of(user)
        if g.role == Role.HEADTEACHER and g.establishment_id
    }


def visible_surveys(user) -> QuerySet[Survey]:
    """Surveys of the officer's LA, or of the head's own school."""
    if user is None or not user.is_authenticated:
        return Survey.objects.none()
    las = officer_la_ids(user)
    if las is None:
        return Survey.objects.all()
    scope = Q(la_id__in=sorted(las)) | Q(establishment_id__in=sorted(head_school_ids(user)))
    return Survey.objects.filter(scope)


def may_answer(user, survey: Survey) -> bool:
    return survey.establishment_id in head_school_ids(user)


def uses_feedback(user) -> bool:
    """Whether the feedback pages open for this user at all (else 403)."""
    return reads_rollups(user) or bool(head_school_ids(user))
