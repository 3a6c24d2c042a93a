"""A small two-LA world for the audit, group and history tests: schools, groups and one
user of every role (plus a superuser and a user without a profile)."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model

from uplift.accounts.models import Profile, Role
from uplift.schools.models import (
    Establishment,
    GroupKind,
    GroupMembership,
    LocalAuthority,
    SchoolGroup,
)

JOINED = date(2024, 9, 1)


@dataclass
class World:
    herts: LocalAuthority
    essex: LocalAuthority
    schools: dict[str, Establishment]
    herts_partnership: SchoolGroup  # Herts' group, with one Essex member
    herts_cluster: SchoolGroup  # Herts' group with Herts members only
    essex_consortium: SchoolGroup  # Essex's group with Essex members only
    users: dict[str, object]


def school(urn: int, la, name: str) -> Establishment:
    return Establishment.objects.create(
        urn=urn, la=la, name=name, laestab=f"{la.code}{urn % 10000:04d}", status="Open"
    )


def user(username: str, role: str | None = None, *, superuser: bool = False, **scope):
    account = get_user_model().objects.create_user(
        username=username,
        is_superuser=superuser,  # no password: tests sign in with force_login
    )
    if role:
        Profile.objects.create(user=account, role=role, **scope)
    return account


def build_world() -> World:
    herts = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    essex = LocalAuthority.objects.create(code="881", name="Essex")
    schools = {
        "herts_a": school(117001, herts, "Abbots Langley Primary"),
        "herts_b": school(117002, herts, "Bishop's Stortford High"),
        "herts_c": school(117003, herts, "Cheshunt Nursery"),
        "essex_a": school(881001, essex, "Colchester Primary"),
        "essex_b": school(881002, essex, "Dedham Primary"),
    }
    partnership = SchoolGroup.objects.create(
        kind=GroupKind.PARTNERSHIP, name="North Herts Partnership", la=herts
    )
    cluster = SchoolGroup.objects.create(kind=GroupKind.CLUSTER, name="Dacorum Cluster", la=herts)
    consortium = SchoolGroup.objects.create(
        kind=GroupKind.CONSORTIUM, name="Tendring Consortium", la=essex
    )
    for group, key in [
        (partnership, "herts_a"),
        (partnership, "essex_a"),
        (cluster, "herts_b"),
        (consortium, "essex_b"),
    ]:
        GroupMembership.objects.create(group=group, establishment=schools[key], joined_on=JOINED)
    users = {
        "superuser": user("root", superuser=True),
        "admin": user("admin", Role.SYSTEM_ADMIN),
        "herts_officer": user("herts.officer", Role.LA_OFFICER, la=herts),
        "essex_officer": user("essex.officer", Role.LA_OFFICER, la=essex),
        "data_officer": user("data.officer", Role.DATA_OFFICER, la=herts),
        "adviser": user("adviser", Role.ADVISER, la=herts),
        "headteacher": user("head", Role.HEADTEACHER, establishment=schools["herts_a"]),
        "chair": user("chair", Role.CHAIR_OF_GOVERNORS, establishment=schools["herts_a"]),
        "board_member": user("board", Role.BOARD_MEMBER, group=partnership),
        "viewer": user("viewer", Role.REGIONAL_VIEWER),
        "no_profile": user("nobody"),
    }
    users["adviser"].profile.assigned_establishments.add(schools["herts_c"])
    return World(herts, essex, schools, partnership, cluster, consortium, users)
