"""Choosing, from the loaded demo data, the school, partnership and LA the personas work in."""

from dataclasses import dataclass

from django.db import transaction

from uplift.demo.data_files import DEMO_LA_CODE
from uplift.demo.personas import DEMO_PASSWORD, PERSONAS, ensure_personas
from uplift.schools.models import (
    ContactKind,
    Establishment,
    GroupKind,
    GroupMembership,
    LocalAuthority,
    PhaseGroup,
    SchoolContact,
    SchoolGroup,
)

PARTNERSHIP_NAME = "Stevenage Schools Partnership"
PARTNERSHIP_TOWN = "Stevenage"
PARTNERSHIP_SINCE = "2024-09-01"


@dataclass
class Logins:
    password: str
    lines: list[str]


@transaction.atomic
def seed_personas() -> Logins:
    la = LocalAuthority.objects.get(code=DEMO_LA_CODE)
    primaries = Establishment.objects.filter(la=la, phase_group=PhaseGroup.PRIMARY).order_by("urn")
    town_schools = list(primaries.filter(town__iexact=PARTNERSHIP_TOWN)[:12]) or list(
        primaries[:12]
    )
    school = _school_with_inspection(town_schools) or town_schools[0]
    group, _ = SchoolGroup.objects.get_or_create(
        kind=GroupKind.PARTNERSHIP, name=PARTNERSHIP_NAME, defaults={"la": la}
    )
    for member in town_schools:
        GroupMembership.objects.get_or_create(
            group=group, establishment=member, joined_on=PARTNERSHIP_SINCE
        )
    ensure_personas(la=la, establishment=school, group=group, adviser_schools=town_schools[:6])
    _record_contacts(school)
    scope_text = {
        "la": f"{la.name} ({la.code})",
        "establishment": f"{school.name} (URN {school.urn})",
        "group": f"{group.name} ({len(town_schools)} schools)",
        "": "all LAs",
    }
    lines = [
        f"{p.username:<14} {p.full_name:<15} {p.email:<28} {p.role.label:<28} {scope_text[p.scope]}"
        for p in PERSONAS
    ]
    return Logins(DEMO_PASSWORD, lines)


def _record_contacts(school) -> None:
    """The persona school's head and chair as its recorded contacts (letters greet them)."""
    for persona, kind in (("headteacher", ContactKind.HEAD), ("chair", ContactKind.CHAIR)):
        found = next(p for p in PERSONAS if p.username == persona)
        first, last = found.full_name.split(" ", 1)
        SchoolContact.objects.update_or_create(
            establishment=school,
            kind=kind,
            defaults={
                "title": found.title,
                "first_name": first,
                "last_name": last,
                "email": found.email,
            },
        )


def _school_with_inspection(schools):
    with_inspections = {
        e.pk
        for e in Establishment.objects.filter(
            pk__in=[s.pk for s in schools], inspections__isnull=False
        )
    }
    return next((s for s in schools if s.pk in with_inspections), None)
