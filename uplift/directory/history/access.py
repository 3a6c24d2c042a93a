"""Whose history of changes a user may read."""

from django.db.models import QuerySet

from uplift.accounts.access import assignable_advisers, can_read_history, is_system_admin
from uplift.accounts.models import Profile
from uplift.schools.access import visible_establishments, visible_groups
from uplift.schools.models import Establishment, SchoolGroup


def history_objects(user, model) -> QuerySet:
    """The objects of `model` whose history this user may read (none if the user may read
    no history). Models without a scope of their own are for system administrators only."""
    if not can_read_history(user):
        return model.objects.none()
    if is_system_admin(user):
        return model.objects.all()
    scoped = {
        Establishment: visible_establishments,
        SchoolGroup: visible_groups,
        Profile: assignable_advisers,
    }
    return scoped[model](user) if model in scoped else model.objects.none()
