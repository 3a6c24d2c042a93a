"""Who runs an LA's categorisation, and who reads a school's categories."""

from django.db.models import QuerySet

from uplift.accounts.access import officer_la_scope, own_school_id
from uplift.schools.access import visible_local_authorities
from uplift.schools.models import LocalAuthority


def categorisation_las(user) -> QuerySet[LocalAuthority]:
    """The LAs whose categorisation policies and rounds this user may read and change: every
    LA for system administrators, their own LA for its LA officers, none for anyone else."""
    scope = officer_la_scope(user)
    everything = LocalAuthority.objects.all()
    return everything.none() if scope is None else everything.filter(scope)


def can_read_categories(user, establishment) -> bool:
    """A school's published categories on its timeline: those who read its LA (LA staff,
    system administrators, regional viewers) and its own headteacher and chair."""
    if establishment.la_id and (
        visible_local_authorities(user).filter(pk=establishment.la_id).exists()
    ):
        return True
    return own_school_id(user) == establishment.pk
