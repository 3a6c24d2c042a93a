"""Who reads which School Performance Profiles."""

from django.db.models import QuerySet

from uplift.accounts.access import own_school_id, role_of, school_scope
from uplift.accounts.models import Role
from uplift.categorisation.access import categorisation_las
from uplift.schools.models import Establishment


def profile_establishments(user, round_) -> QuerySet[Establishment]:
    """The schools whose performance profile in `round_` this user may read: every school of
    the round's LA for its LA officers and system administrators; their own school for a
    headteacher or chair, once the round is published; a board member's board's schools
    (while their seat is current: the board agrees their proposed categories); none for
    anyone else."""
    in_round = Establishment.objects.filter(categorisations__round=round_)
    if categorisation_las(user).filter(pk=round_.la_id).exists():
        return in_round
    school = own_school_id(user)
    if school is not None and round_.status == "published":
        return in_round.filter(pk=school)
    if role_of(user) == Role.BOARD_MEMBER:
        scope = school_scope(user)
        return in_round.none() if scope is None else in_round.filter(scope)
    return in_round.none()
