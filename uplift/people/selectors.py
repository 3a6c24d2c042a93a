"""Reading people: the list an LA administrator manages, one person, schools to assign."""

from django.db.models import Prefetch, Q, QuerySet

from uplift.accounts.models import RoleGrant
from uplift.audit.models import AuditEvent
from uplift.people import access
from uplift.schools.models import Establishment, SchoolGroup


def _grants() -> Prefetch:
    return Prefetch(
        "role_grants",
        queryset=RoleGrant.objects.select_related("la", "establishment", "group").order_by(
            "-primary", "pk"
        ),
    )


def people_for_list(user, *, search: str = "") -> QuerySet:
    people = access.manageable_people(user)
    for word in search.split():
        people = people.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(email__icontains=word)
        )
    return people.prefetch_related(_grants()).order_by("last_name", "first_name", "email")


def person(user, pk: int):
    return people_for_list(user).filter(pk=pk).first()


def person_history(person) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(
        action__startswith="person.", object_id=str(person.pk)
    ).order_by("-occurred_at")[:50]


def grant_of(person, grant_pk: int) -> RoleGrant | None:
    return (
        RoleGrant.objects.select_related("la", "establishment", "group", "user")
        .filter(user=person, pk=grant_pk)
        .first()
    )


def schools_of_las(las, *, search: str = "") -> QuerySet[Establishment]:
    schools = Establishment.objects.filter(la__in=las)
    for word in search.split():
        schools = schools.filter(name__icontains=word)
    return schools.order_by("name", "urn")


def boards_of_las(las) -> QuerySet[SchoolGroup]:
    return SchoolGroup.objects.filter(la__in=las).order_by("name")
