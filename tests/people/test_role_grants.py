"""A person may hold several roles; the access primitives reach the union of them, and
removing the main role promotes the next one."""

from django.db.models import Q

from uplift.accounts import access
from uplift.accounts.models import Role, RoleGrant
from uplift.audit.models import AuditEvent, Via
from uplift.people import services
from uplift.schools.models import Establishment


def _schools(scope):
    return set(Establishment.objects.filter(scope)) if scope is not None else set()


def test_an_adviser_who_is_also_a_chair_reaches_both(world):
    adviser = world.users["adviser"]
    adviser.profile.assigned_establishments.set(world.schools[:2])
    services.grant_role(
        actor=world.admin,
        via=Via.WEB,
        user=adviser,
        role=Role.CHAIR_OF_GOVERNORS,
        establishment=world.schools[5],
        reason="Chair of a school outside their patch",
    )
    assert RoleGrant.objects.filter(user=adviser).count() == 2
    assert _schools(access.staff_school_scope(adviser)) == set(world.schools[:2])
    assert access.own_school_id(adviser) == world.schools[5].pk
    assert world.schools[5] in _schools(access.school_scope(adviser))


def test_removing_the_main_role_promotes_the_next(world):
    head = world.users["head"]
    services.grant_role(
        actor=world.admin,
        via=Via.CLI,
        user=head,
        role=Role.ADVISER,
        la=world.herts,
        schools=world.schools[3:5],
        reason="Seconded as an adviser",
    )
    primary = RoleGrant.objects.get(user=head, primary=True)
    services.revoke_role(actor=world.admin, via=Via.WEB, grant=primary, reason="Stepped down")
    head.refresh_from_db()
    assert head.profile.role == Role.ADVISER and head.profile.la == world.herts
    remaining = RoleGrant.objects.get(user=head)
    assert remaining.primary and set(remaining.schools.all()) == set(world.schools[3:5])
    assert access.own_school_id(head) is None
    assert _schools(access.staff_school_scope(head)) == set(world.schools[3:5])
    event = AuditEvent.objects.get(action="person.role_removed")
    assert event.changes == {"roles": ["Headteacher of Ash Primary School", None]}


def test_an_la_administrator_cannot_reach_another_las_schools(world):
    import pytest

    from uplift.core.errors import NotAllowed, Refused

    with pytest.raises(NotAllowed):
        services.grant_role(
            actor=world.admin,
            via=Via.WEB,
            user=world.users["officer"],
            role=Role.HEADTEACHER,
            establishment=world.essex_school,
            reason="x",
        )
    with pytest.raises(Refused, match="not in the LA"):
        services.grant_role(
            actor=world.admin,
            via=Via.WEB,
            user=world.users["none"],
            role=Role.ADVISER,
            la=world.herts,
            schools=[world.essex_school],
            reason="x",
        )
    assert not RoleGrant.objects.filter(user=world.users["none"]).exists()


def test_existing_profiles_are_grants(world):
    """Profiles written directly (older services, the demo) are mirrored as grants."""
    officer = world.users["officer"]
    grant = RoleGrant.objects.get(user=officer)
    assert grant.primary and grant.role == Role.LA_OFFICER and grant.la == world.herts
    assert access.officer_la_scope(officer) == Q(pk__in=[world.herts.pk])
    officer.profile.delete()
    assert not RoleGrant.objects.filter(user=officer).exists()
    assert access.school_scope(officer) is None
