"""Reading monitoring board (MSP) meetings and their actions, through the app's access module:
meetings are the LA staff's (visible_meetings); an action is also readable by its owner."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q, QuerySet

from uplift.accounts.models import Role
from uplift.casework import access
from uplift.casework.models import MeetingAction, MonitoringMeeting

LA_STAFF = (Role.LA_OFFICER, Role.DATA_OFFICER, Role.ADVISER)
SCHOOL_LEADERS = (Role.HEADTEACHER, Role.CHAIR_OF_GOVERNORS)


def _with_counts(meetings: QuerySet) -> QuerySet:
    return meetings.select_related("establishment", "case", "recorded_by").annotate(
        action_count=Count("actions", distinct=True),
        open_action_count=Count("actions", filter=Q(actions__done_on__isnull=True), distinct=True),
    )


def school_meetings(*, user, establishment) -> list[MonitoringMeeting]:
    """A school's meetings the user may read, newest first, with their action counts."""
    meetings = access.visible_meetings(user).filter(establishment=establishment)
    return list(_with_counts(meetings).order_by("-held_on", "-id"))


def case_meetings(*, user, case) -> list[MonitoringMeeting]:
    """The meetings recorded against a case (the case page lists them), newest first."""
    meetings = access.visible_meetings(user).filter(case=case)
    return list(_with_counts(meetings).order_by("-held_on", "-id"))


def meeting_for(*, user, pk: int) -> MonitoringMeeting | None:
    """One meeting with its actions and their owners, or None when the user may not read it."""
    actions = MeetingAction.objects.select_related("owner").order_by("due_on", "id")
    return (
        access.visible_meetings(user)
        .select_related("establishment__la", "case", "recorded_by")
        .prefetch_related(Prefetch("actions", queryset=actions))
        .filter(pk=pk)
        .first()
    )


def action_for(*, user, pk: int) -> MeetingAction | None:
    """An action of a meeting the user may read, or one they own."""
    if user is None or not user.is_authenticated:
        return None
    return (
        MeetingAction.objects.filter(Q(meeting__in=access.visible_meetings(user)) | Q(owner=user))
        .select_related("meeting__establishment__la", "owner")
        .filter(pk=pk)
        .first()
    )


def action_owners(*, establishment) -> QuerySet:
    """Who may own an action about the school: active staff of its LA (officers, data
    officers, advisers) and its headteacher and chair of governors."""
    staff = Q(profile__role__in=LA_STAFF, profile__la_id=establishment.la_id)
    leaders = Q(profile__role__in=SCHOOL_LEADERS, profile__establishment_id=establishment.pk)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(staff | leaders if establishment.la_id else leaders)
        .select_related("profile")
        .order_by("last_name", "first_name", "username")
    )


def owner_label(user) -> str:
    name = user.get_full_name().strip() or user.get_username()
    profile = getattr(user, "profile", None)
    return f"{name} ({profile.get_role_display()})" if profile else name
