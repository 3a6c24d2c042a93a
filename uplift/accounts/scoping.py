"""What a signed-in user may see and do, decided by their profile's role."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from uplift.accounts.models import Profile, Role
from uplift.schools.models import Establishment, GroupMembership, LocalAuthority, SchoolGroup

SEE_EVERY_SCHOOL = {Role.SYSTEM_ADMIN, Role.REGIONAL_VIEWER}
SEE_THEIR_LA = {Role.LA_OFFICER, Role.DATA_OFFICER, Role.ADVISER}
SEE_THEIR_SCHOOL = {Role.HEADTEACHER, Role.CHAIR_OF_GOVERNORS}


def profile_of(user):
    """The user's Profile, or None (anonymous users and users without one)."""
    if user is None or not user.is_authenticated:
        return None
    return getattr(user, "profile", None)


def visible_establishments(user) -> QuerySet[Establishment]:
    """The establishments this user may read."""
    everything = Establishment.objects.all()
    if user is None or not user.is_authenticated:
        return everything.none()
    if user.is_superuser:
        return everything
    profile = profile_of(user)
    if profile is None:
        return everything.none()
    if profile.role in SEE_EVERY_SCHOOL:
        return everything
    if profile.role in SEE_THEIR_LA and profile.la_id:
        return everything.filter(la_id=profile.la_id)
    if profile.role in SEE_THEIR_SCHOOL and profile.establishment_id:
        return everything.filter(pk=profile.establishment_id)
    if profile.role == Role.BOARD_MEMBER and profile.group_id:
        return everything.filter(pk__in=_current_members(profile.group_id))
    return everything.none()


def _current_members(group_id: int):
    """Establishment ids with a membership of the group that is current today."""
    today = timezone.localdate()
    return GroupMembership.objects.filter(
        Q(joined_on__isnull=True) | Q(joined_on__lte=today),
        Q(left_on__isnull=True) | Q(left_on__gte=today),
        group_id=group_id,
    ).values("establishment_id")


def can_import(user) -> bool:
    """Data officers, system administrators and superusers may import files."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    profile = profile_of(user)
    return bool(profile and profile.can_import)


# Writes, groups and history (the audit trail)


def is_system_admin(user) -> bool:
    if user is None or not user.is_authenticated:
        return False
    profile = profile_of(user)
    return user.is_superuser or bool(profile and profile.role == Role.SYSTEM_ADMIN)


def editable_establishments(user) -> QuerySet[Establishment]:
    """The establishments this user may change: an LA officer their LA's, an adviser their
    assigned schools, a system administrator every one; nobody else any."""
    everything = Establishment.objects.all()
    if is_system_admin(user):
        return everything
    profile = profile_of(user)
    if profile is None:
        return everything.none()
    if profile.role == Role.LA_OFFICER and profile.la_id:
        return everything.filter(la_id=profile.la_id)
    if profile.role == Role.ADVISER:
        return everything.filter(pk__in=profile.assigned_establishments.values("pk"))
    return everything.none()


def can_manage_groups(user, la) -> bool:
    """Create and rename groups of this LA: its officers and system administrators.
    Groups of no LA (national trusts, for instance) are for system administrators only."""
    if is_system_admin(user):
        return True
    profile = profile_of(user)
    return bool(
        profile and profile.role == Role.LA_OFFICER and la is not None and la.pk == profile.la_id
    )


def visible_groups(user) -> QuerySet[SchoolGroup]:
    """Groups with at least one member the user may see, or of the user's own LA."""
    everything = SchoolGroup.objects.all()
    if user is None or not user.is_authenticated:
        return everything.none()
    if user.is_superuser:
        return everything
    profile = profile_of(user)
    if profile is not None and profile.role in SEE_EVERY_SCHOOL:
        return everything
    with_visible_member = GroupMembership.objects.filter(
        establishment__in=visible_establishments(user)
    ).values("group_id")
    own_la = Q(la_id=profile.la_id) if profile is not None and profile.la_id else Q(pk__in=[])
    return everything.filter(Q(pk__in=with_visible_member) | own_la)


def can_change_membership(user, *, group, establishment) -> bool:
    """Record a school joining or leaving a group: the school must be one the user may
    change, and the group one they may see (so an adviser may record it for their schools)."""
    return (
        editable_establishments(user).filter(pk=establishment.pk).exists()
        and visible_groups(user).filter(pk=group.pk).exists()
    )


def assignable_advisers(user) -> QuerySet[Profile]:
    """Advisers whose assigned schools this user may change: their LA's, for an LA officer."""
    advisers = Profile.objects.filter(role=Role.ADVISER)
    if is_system_admin(user):
        return advisers
    profile = profile_of(user)
    if profile and profile.role == Role.LA_OFFICER and profile.la_id:
        return advisers.filter(la_id=profile.la_id)
    return advisers.none()


def can_read_history(user) -> bool:
    """The audit trail is for LA officers (their LA's objects) and system administrators."""
    if is_system_admin(user):
        return True
    profile = profile_of(user)
    return bool(profile and profile.role == Role.LA_OFFICER and profile.la_id)


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


def visible_local_authorities(user) -> QuerySet[LocalAuthority]:
    """The LAs whose overview this user may read: every LA for system administrators and
    regional viewers, their own LA for its officers, data officers and advisers."""
    everything = LocalAuthority.objects.all()
    if user is None or not user.is_authenticated:
        return everything.none()
    if user.is_superuser:
        return everything
    profile = profile_of(user)
    if profile is None:
        return everything.none()
    if profile.role in SEE_EVERY_SCHOOL:
        return everything
    if profile.role in SEE_THEIR_LA and profile.la_id:
        return everything.filter(pk=profile.la_id)
    return everything.none()


def can_set_report_targets(user, la) -> bool:
    """An LA's report targets are set by its LA officers and by system administrators."""
    if is_system_admin(user):
        return True
    profile = profile_of(user)
    return bool(
        profile and profile.role == Role.LA_OFFICER and la is not None and la.pk == profile.la_id
    )


def categorisation_las(user) -> QuerySet[LocalAuthority]:
    """The LAs whose categorisation policies and rounds this user may read and change: every
    LA for system administrators, their own LA for its LA officers, none for anyone else."""
    everything = LocalAuthority.objects.all()
    if is_system_admin(user):
        return everything
    profile = profile_of(user)
    if profile and profile.role == Role.LA_OFFICER and profile.la_id:
        return everything.filter(pk=profile.la_id)
    return everything.none()


def profile_establishments(user, round_) -> QuerySet[Establishment]:
    """The schools whose performance profile in `round_` this user may read: every school of
    the round's LA for its LA officers and system administrators; their own school for a
    headteacher or chair, once the round is published; none for anyone else."""
    in_round = Establishment.objects.filter(categorisations__round=round_)
    if categorisation_las(user).filter(pk=round_.la_id).exists():
        return in_round
    profile = profile_of(user)
    if (
        profile is not None
        and profile.role in SEE_THEIR_SCHOOL
        and profile.establishment_id
        and round_.status == "published"
    ):
        return in_round.filter(pk=profile.establishment_id)
    return in_round.none()


# Casework (schools causing concern) and support: confidential to the LA's staff, except
# what is addressed to a school: its letters, warning notices, notes of visit and plans.


def casework_las(user) -> QuerySet[LocalAuthority]:
    """The LAs whose casework this user may run (open cases, issue notices, use powers,
    keep the LA's holidays and templates): their own for an LA officer, all for a system
    administrator."""
    return categorisation_las(user)


def can_run_casework(user, establishment) -> bool:
    return casework_las(user).filter(pk=establishment.la_id).exists()


def _school_staff_scope(user, field: str) -> Q | None:
    """The filter on `field` (an establishment path) giving the casework and support records
    LA staff may read: all for a system administrator, their LA's for an LA officer, their
    assigned schools' for an adviser. None for anyone else."""
    if is_system_admin(user):
        return Q()
    profile = profile_of(user)
    if profile is None:
        return None
    if profile.role == Role.LA_OFFICER and profile.la_id:
        return Q(**{f"{field}__la_id": profile.la_id})
    if profile.role == Role.ADVISER:
        return Q(**{f"{field}__in": profile.assigned_establishments.values("pk")})
    return None


def _own_school(user) -> int | None:
    """The school of a headteacher or chair of governors."""
    profile = profile_of(user)
    if profile is not None and profile.role in SEE_THEIR_SCHOOL and profile.establishment_id:
        return profile.establishment_id
    return None


def visible_cases(user) -> QuerySet:
    """Concern cases, with their stages, powers and monitoring boards: LA staff only."""
    from uplift.casework.models import ConcernCase

    scope = _school_staff_scope(user, "establishment")
    return ConcernCase.objects.none() if scope is None else ConcernCase.objects.filter(scope)


def visible_letters(user) -> QuerySet:
    """Letters: LA staff see their cases' letters; a headteacher or chair sees the letters
    sent to their own school, once sent."""
    from uplift.casework.models import Letter

    scope = _school_staff_scope(user, "case__establishment")
    if scope is not None:
        return Letter.objects.filter(scope)
    school = _own_school(user)
    if school is not None:
        return Letter.objects.filter(case__establishment_id=school, sent_on__isnull=False)
    return Letter.objects.none()


def visible_warning_notices(user) -> QuerySet:
    """Warning notices: LA staff as for cases; a headteacher or chair their own school's."""
    from uplift.casework.models import WarningNotice

    scope = _school_staff_scope(user, "case__establishment")
    if scope is not None:
        return WarningNotice.objects.filter(scope)
    school = _own_school(user)
    if school is not None:
        return WarningNotice.objects.filter(case__establishment_id=school)
    return WarningNotice.objects.none()


def visible_visits(user) -> QuerySet:
    """Adviser visits: LA staff as for cases (an adviser also sees every visit they make);
    a headteacher or chair sees their own school's visits (the note only once shared)."""
    from uplift.support.models import Visit

    scope = _school_staff_scope(user, "establishment")
    if scope is not None:
        profile = profile_of(user)
        if profile is not None and profile.role == Role.ADVISER:
            scope |= Q(adviser=user)
        return Visit.objects.filter(scope)
    school = _own_school(user)
    if school is not None:
        return Visit.objects.filter(establishment_id=school)
    return Visit.objects.none()


def can_read_note(user, visit) -> bool:
    """A note of visit: LA staff who see the visit; the school's head and chair once the
    adviser has shared it."""
    if _school_staff_scope(user, "establishment") is not None:
        return visible_visits(user).filter(pk=visit.pk).exists()
    return _own_school(user) == visit.establishment_id and visit.note_shared_at is not None


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
    from uplift.support.models import ActionPlan

    scope = _school_staff_scope(user, "establishment")
    if scope is not None:
        return ActionPlan.objects.filter(scope)
    school = _own_school(user)
    if school is not None:
        return ActionPlan.objects.filter(establishment_id=school)
    return ActionPlan.objects.none()


def visible_support_cycles(user) -> QuerySet:
    from uplift.support.models import SupportCycle

    scope = _school_staff_scope(user, "establishment")
    if scope is not None:
        return SupportCycle.objects.filter(scope)
    school = _own_school(user)
    if school is not None:
        return SupportCycle.objects.filter(establishment_id=school)
    return SupportCycle.objects.none()


def visible_meetings(user) -> QuerySet:
    """Monitoring board meetings: LA staff only (the minutes are the LA's)."""
    from uplift.casework.models import MonitoringMeeting

    scope = _school_staff_scope(user, "establishment")
    return (
        MonitoringMeeting.objects.none()
        if scope is None
        else MonitoringMeeting.objects.filter(scope)
    )


def reads_school_support(user) -> bool:
    """Whether the user's role reads any school's action plans and support cycles at all:
    LA officers, advisers and system administrators (as for cases), a headteacher or chair
    (their own school's). Anyone else is refused rather than shown an empty list."""
    return _school_staff_scope(user, "establishment") is not None or _own_school(user) is not None


def possible_plan_owners(establishment) -> QuerySet:
    """Active users who may own an objective of the school's action plan (people who can see
    the school): its LA's officers and data officers, its assigned advisers, its headteacher
    and chair of governors."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(
                profile__role__in=[Role.LA_OFFICER, Role.DATA_OFFICER],
                profile__la_id=establishment.la_id,
            )
            | Q(profile__role=Role.ADVISER, profile__assigned_establishments=establishment)
            | Q(profile__role__in=SEE_THEIR_SCHOOL, profile__establishment=establishment)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def support_establishments(user) -> QuerySet[Establishment] | None:
    """The schools whose visits and visit entitlement this user may read: every school for a
    system administrator, their LA's for an LA officer, their assigned schools for an adviser,
    their own for a headteacher or chair. None for the roles that read no support records
    (they are refused, 403, rather than told a school does not exist)."""
    everything = Establishment.objects.all()
    if is_system_admin(user):
        return everything
    profile = profile_of(user)
    if profile is None:
        return None
    if profile.role == Role.LA_OFFICER and profile.la_id:
        return everything.filter(la_id=profile.la_id)
    if profile.role == Role.ADVISER:
        return everything.filter(pk__in=profile.assigned_establishments.values("pk"))
    school = _own_school(user)
    return None if school is None else everything.filter(pk=school)


def can_cancel_visit(user, visit) -> bool:
    """Cancel a visit: its adviser, or whoever may plan the school's support."""
    return can_write_note(user, visit) or can_plan_support(user, visit.establishment)


def can_read_categories(user, establishment) -> bool:
    """A school's published categories on its timeline: those who read its LA (LA staff,
    system administrators, regional viewers) and its own headteacher and chair."""
    if establishment.la_id and (
        visible_local_authorities(user).filter(pk=establishment.la_id).exists()
    ):
        return True
    return _own_school(user) == establishment.pk


def meeting_establishments(user) -> QuerySet[Establishment]:
    """The schools whose monitoring board meetings this user may read (as visible_meetings):
    all for a system administrator, their LA's for an LA officer, their assigned schools for
    an adviser, none for anyone else."""
    everything = Establishment.objects.all()
    if is_system_admin(user):
        return everything
    profile = profile_of(user)
    if profile is not None and profile.role == Role.LA_OFFICER and profile.la_id:
        return everything.filter(la_id=profile.la_id)
    if profile is not None and profile.role == Role.ADVISER:
        return everything.filter(pk__in=profile.assigned_establishments.values("pk"))
    return everything.none()
