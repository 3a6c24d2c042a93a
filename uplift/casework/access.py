"""Casework (schools causing concern) is confidential to the LA's staff, except what is
addressed to a school: its letters and warning notices."""

from django.db.models import QuerySet

from uplift.accounts.access import (
    any_of,
    officer_la_scope,
    own_school_id,
    record_scope,
    staff_school_scope,
)
from uplift.casework.models import ConcernCase, Letter, MonitoringMeeting, WarningNotice
from uplift.schools.models import Establishment, LocalAuthority


def casework_las(user) -> QuerySet[LocalAuthority]:
    """The LAs whose casework this user may run (open cases, issue notices, use powers,
    keep the LA's holidays and templates): their own for an LA officer, all for a system
    administrator."""
    scope = officer_la_scope(user)
    everything = LocalAuthority.objects.all()
    return everything.none() if scope is None else everything.filter(scope)


def can_run_casework(user, establishment) -> bool:
    return casework_las(user).filter(pk=establishment.la_id).exists()


def visible_cases(user) -> QuerySet:
    """Concern cases, with their stages, powers and monitoring boards: LA staff; and, to read
    only, whoever a registered provider lets (a board member, where the LA's operating model
    lets partnerships see their schools' cases)."""

    scope = any_of(
        staff_school_scope(user, "establishment"), record_scope(user, "cases", "establishment")
    )
    return ConcernCase.objects.none() if scope is None else ConcernCase.objects.filter(scope)


def visible_letters(user) -> QuerySet:
    """Letters: LA staff see their cases' letters; a headteacher or chair sees the letters
    sent to their own school, once sent."""

    scope = staff_school_scope(user, "case__establishment")
    if scope is not None:
        return Letter.objects.filter(scope)
    school = own_school_id(user)
    if school is not None:
        return Letter.objects.filter(case__establishment_id=school, sent_on__isnull=False)
    return Letter.objects.none()


def visible_warning_notices(user) -> QuerySet:
    """Warning notices: LA staff as for cases; a headteacher or chair their own school's."""

    scope = staff_school_scope(user, "case__establishment")
    if scope is not None:
        return WarningNotice.objects.filter(scope)
    school = own_school_id(user)
    if school is not None:
        return WarningNotice.objects.filter(case__establishment_id=school)
    return WarningNotice.objects.none()


def visible_meetings(user) -> QuerySet:
    """Monitoring board meetings: LA staff only (the minutes are the LA's)."""

    scope = staff_school_scope(user, "establishment")
    return (
        MonitoringMeeting.objects.none()
        if scope is None
        else MonitoringMeeting.objects.filter(scope)
    )


def meeting_establishments(user) -> QuerySet[Establishment]:
    """The schools whose monitoring board meetings this user may read (as visible_meetings):
    all for a system administrator, their LA's for an LA officer, their assigned schools for
    an adviser, none for anyone else."""
    everything = Establishment.objects.all()
    scope = staff_school_scope(user)
    return everything.none() if scope is None else everything.filter(scope)
