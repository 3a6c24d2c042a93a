"""Who reads and changes impact. A piece's impact page is read by whoever reads the piece
(its own app's scope, see pieces.py); the LA's officers (and system administrators) choose
its measures and save its findings. Track records are read by LA staff and viewers of the
LA (readable_la_scope), as for the LA overview."""

from django.db.models import QuerySet

from uplift.accounts.access import officer_la_scope, readable_la_scope
from uplift.schools.models import LocalAuthority


def can_choose_measures(user, piece) -> bool:
    scope = officer_la_scope(user)
    return scope is not None and LocalAuthority.objects.filter(scope, pk=piece.la_id).exists()


def track_record_las(user) -> QuerySet[LocalAuthority] | None:
    """The LAs whose track records the user reads; None when they read none."""
    scope = readable_la_scope(user)
    return None if scope is None else LocalAuthority.objects.filter(scope)
