"""Visits, notes of visit, action plans and support cycles: the LA's staff read those of
their schools; a headteacher or chair reads their own school's (a note once shared); whoever
a registered provider lets (a board member, where the LA's operating model lets partnerships
see their schools' support) reads the visits, plans and cycles, never a note."""

from django.db.models import Q, QuerySet

from uplift.accounts.access import (
    any_of,
    is_system_admin,
    own_school_id,
    people_of_school,
    profile_of,
    record_scope,
    staff_school_scope,
)
from uplift.accounts.models import Role
from uplift.schools.access import editable_establishments
from uplift.schools.models import Establishment
from uplift.support.models import ActionPlan, SupportCycle, Visit


def visible_visits(user) -> QuerySet:
    """Adviser visits: LA staff as for cases (an adviser also sees every visit they make);
    a headteacher or chair sees their own school's visits (the note only once shared)."""

    scope = staff_school_scope(user, "establishment")
    if scope is not None:
        profile = profile_of(user)
        if profile is not None and profile.role == Role.ADVISER:
            scope |= Q(adviser=user)
        return Visit.objects.filter(scope)
    scope = _not_staff_scope(user, "establishment")
    return Visit.objects.none() if scope is None else Visit.objects.filter(scope)


def can_read_note(user, visit) -> bool:
    """A note of visit: LA staff who see the visit; the school's head and chair once the
    adviser has shared it."""
    if staff_school_scope(user, "establishment") is not None:
        return visible_visits(user).filter(pk=visit.pk).exists()
    return own_school_id(user) == visit.establishment_id and visit.note_shared_at is not None


def can_write_note(user, visit) -> bool:
    """The visit's adviser writes its note (a system administrator may too)."""
    return visit.adviser_id == getattr(user, "pk", None) or is_system_admin(user)


def can_comment_on_note(user, visit) -> bool:
    """The headteacher of the visited school comments on its note."""
    profile = profile_of(user)
    return bool(
        profile
        and profile.role == Role.HEADTEACHER
        and profile.establishment_id == visit.establishment_id
    )


def can_plan_support(user, establishment) -> bool:
    """Schedule visits and keep action plans and support cycles: the school's LA officers,
    its assigned advisers, system administrators."""
    return editable_establishments(user).filter(pk=establishment.pk).exists()


def visible_action_plans(user) -> QuerySet:
    """Action plans and support cycles' plans: LA staff as for cases; a headteacher or
    chair their own school's."""

    scope = staff_school_scope(user, "establishment")
    if scope is not None:
        return ActionPlan.objects.filter(scope)
    scope = _not_staff_scope(user, "establishment")
    return ActionPlan.objects.none() if scope is None else ActionPlan.objects.filter(scope)


def visible_support_cycles(user) -> QuerySet:

    scope = staff_school_scope(user, "establishment")
    if scope is not None:
        return SupportCycle.objects.filter(scope)
    scope = _not_staff_scope(user, "establishment")
    return SupportCycle.objects.none() if scope is None else SupportCycle.objects.filter(scope)


def reads_school_support(user) -> bool:
    """Whether the user's role reads any school's action plans and support cycles at all:
    LA officers, advisers and system administrators (as for cases), a headteacher or chair
    (their own school's). Anyone else is refused rather than shown an empty list."""
    return (
        staff_school_scope(user, "establishment") is not None
        or _not_staff_scope(user, "establishment") is not None
    )


def possible_plan_owners(establishment) -> QuerySet:
    """Active users who may own an objective of the school's action plan (people who can see
    the school): its LA's officers and data officers, its assigned advisers, its headteacher
    and chair of governors."""
    return people_of_school(establishment)


def support_establishments(user) -> QuerySet[Establishment] | None:
    """The schools whose visits and visit entitlement this user may read: every school for a
    system administrator, their LA's for an LA officer, their assigned schools for an adviser,
    their own for a headteacher or chair. None for the roles that read no support records
    (they are refused, 403, rather than told a school does not exist)."""
    everything = Establishment.objects.all()
    scope = any_of(staff_school_scope(user), _not_staff_scope(user, ""))
    return None if scope is None else everything.filter(scope)


def _not_staff_scope(user, path: str) -> Q | None:
    """A headteacher's or chair's own school, and any school a registered provider lets the
    user read the support of."""
    school = own_school_id(user)
    own = None if school is None else Q(**{f"{path}_id" if path else "pk": school})
    return any_of(own, record_scope(user, "support", path))


def can_cancel_visit(user, visit) -> bool:
    """Cancel a visit: its adviser, or whoever may plan the school's support."""
    return can_write_note(user, visit) or can_plan_support(user, visit.establishment)
