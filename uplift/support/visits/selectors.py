"""Reading visits, notes of visit and note templates, always through the user's scope
(the app's access module). Out-of-scope records are not found (Http404); roles that read no
support records at all are refused (PermissionDenied)."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from uplift.accounts import access as accounts_access
from uplift.accounts.models import Profile, Role
from uplift.casework import access as casework_access
from uplift.schools import access as schools_access
from uplift.support import access
from uplift.support.models import NoteTemplate, Visit, VisitStatus


def support_school(*, user, urn: int):
    """The school with this URN whose visits the user may read: 404 when the user may not
    see the school (or it does not exist) or it is outside their support scope; 403 when
    their role reads no visits at all."""
    school = get_object_or_404(
        schools_access.visible_establishments(user).select_related("la"), urn=urn
    )
    allowed = access.support_establishments(user)
    if allowed is None:
        raise PermissionDenied
    if not allowed.filter(pk=school.pk).exists():
        raise Http404("No such school")
    return school


def school_visits(*, user, establishment, academic_year: str = "") -> list[Visit]:
    """The school's visits the user may see, newest first (one query)."""
    visits = access.visible_visits(user).filter(establishment=establishment)
    if academic_year:
        visits = visits.filter(academic_year=academic_year)
    return list(visits.select_related("adviser", "establishment").order_by("-scheduled_for", "-id"))


def school_years(*, user, establishment) -> list[str]:
    """The academic years in which the school has visits the user may see, newest first."""
    return list(
        access.visible_visits(user)
        .filter(establishment=establishment)
        .order_by("-academic_year")
        .values_list("academic_year", flat=True)
        .distinct()
    )


def visits_in_scope(user) -> QuerySet[Visit]:
    return access.visible_visits(user).select_related(
        "establishment__la", "adviser", "template", "head_commented_by", "finalised_by"
    )


def visit_in_scope(*, user, pk: int) -> Visit:
    """The visit if the user may see it; Http404 otherwise."""
    return get_object_or_404(visits_in_scope(user), pk=pk)


def advisers_for(*, establishment) -> QuerySet:
    """The advisers of the school's LA (the users a visit may be made by)."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            profile__role=Role.ADVISER,
            profile__la_id=establishment.la_id,
        )
        .order_by("first_name", "last_name", "username")
    )


def is_adviser(user) -> bool:
    profile = accounts_access.profile_of(user)
    return isinstance(profile, Profile) and profile.role == Role.ADVISER


def note_templates(*, user) -> QuerySet[NoteTemplate]:
    """The note-of-visit templates of the LAs whose casework the user runs."""
    return NoteTemplate.objects.filter(la__in=casework_access.casework_las(user)).select_related(
        "la", "updated_by"
    )


def open_visits(*, user) -> QuerySet[Visit]:
    """Visits not yet finalised or cancelled that the user may see, soonest first."""
    return (
        visits_in_scope(user)
        .exclude(status__in=(VisitStatus.FINALISED, VisitStatus.CANCELLED))
        .order_by("scheduled_for", "id")
    )
