"""Deterministic demo personas, one per role, with full names and email addresses (on
example.org, which reaches no one). The demo command and the tests both use them."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from uplift.accounts.models import Profile, Role

DEMO_PASSWORD = "uplift-demo-2026"


@dataclass(frozen=True)
class Persona:
    username: str
    full_name: str
    role: str
    scope: str  # which of la / establishment / group the role is tied to, if any
    title: str = ""  # used where a letter addresses the person

    @property
    def email(self) -> str:
        return self.full_name.lower().replace(" ", ".") + "@example.org"


PERSONAS: tuple[Persona, ...] = (
    Persona("admin", "Sam Whitfield", Role.SYSTEM_ADMIN, ""),
    Persona("la.officer", "Priya Shah", Role.LA_OFFICER, "la"),
    Persona("data.officer", "Daniel Hughes", Role.DATA_OFFICER, "la"),
    Persona("adviser", "Tom Brennan", Role.ADVISER, "la"),
    Persona("headteacher", "Meera Patel", Role.HEADTEACHER, "establishment", "Mrs"),
    Persona("chair", "Gareth Jones", Role.CHAIR_OF_GOVERNORS, "establishment", "Mr"),
    Persona("board.member", "Bola Adebayo", Role.BOARD_MEMBER, "group"),
    Persona("dfe.viewer", "Rhys Morgan", Role.REGIONAL_VIEWER, ""),
    Persona("la.admin", "Grace Adeyemi", Role.LA_ADMIN, "la"),
)


@transaction.atomic
def ensure_personas(*, la, establishment, group, adviser_schools=(), password=DEMO_PASSWORD):
    """Create or refresh every persona, tied to the given LA, school and group."""
    users = {}
    for persona in PERSONAS:
        first, last = persona.full_name.split(" ", 1)
        user, _ = get_user_model().objects.update_or_create(
            username=persona.username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": persona.email,
                "is_staff": persona.role == Role.SYSTEM_ADMIN,
                "is_superuser": False,
            },
        )
        user.set_password(password)
        user.save(update_fields=["password"])
        scope = {
            "la": la if persona.scope == "la" else None,
            "establishment": establishment if persona.scope == "establishment" else None,
            "group": group if persona.scope == "group" else None,
        }
        profile, _ = Profile.objects.update_or_create(
            user=user, defaults={"role": persona.role, **scope}
        )
        if persona.role == Role.ADVISER:
            profile.assigned_establishments.set(adviser_schools)
        users[persona.username] = user
    return users
