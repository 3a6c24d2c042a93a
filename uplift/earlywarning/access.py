"""Who sees risk. A school's risk of a worse inspection is a judgement about people's work,
made by a model, before anyone has checked it: it is for the LA officers who act on it (and
system administrators), not for the school's head or chair, advisers or other readers. A
head reading "your school is flagged" from an unchecked score would do more harm than good;
the officer who agrees with a flag talks to the school instead."""

from django.db.models import QuerySet

from uplift.accounts.access import grants_of, is_system_admin, officer_la_scope
from uplift.accounts.models import Role
from uplift.schools.models import LocalAuthority


def risk_las(user) -> QuerySet[LocalAuthority]:
    """The LAs whose schools' risk this user reads and whose flags they review."""
    scope = officer_la_scope(user)
    return LocalAuthority.objects.none() if scope is None else LocalAuthority.objects.filter(scope)


def can_read_risk(user, la_id: int | None) -> bool:
    """Whether the user reads the risk of the schools of the LA `la_id`. No query beyond the
    user's roles."""
    if la_id is None:
        return False
    if is_system_admin(user):
        return True
    return any(g.role == Role.LA_OFFICER and g.la_id == la_id for g in grants_of(user))


def can_review(user, la_id: int | None) -> bool:
    """Reviewing a flag is for the same people as reading it: the LA's officers."""
    return can_read_risk(user, la_id)
