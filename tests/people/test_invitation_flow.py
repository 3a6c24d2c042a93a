"""End to end through the pages: an LA administrator invites an adviser and assigns ten
schools in one step; the adviser follows the emailed link, sets a password, signs in with
the real form and reaches exactly those ten schools' confidential records."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from uplift.accounts.access import staff_school_scope
from uplift.accounts.models import Invitation, RoleGrant
from uplift.audit.models import AuditEvent
from uplift.schools.models import Establishment

NEW_PASSWORD = "a-long-and-unusual-password"


def _invite(client, world, captured, email="asha.khan@example.org"):
    with captured(execute=True):
        response = client.post(
            "/people/invite/",
            {
                "first_name": "Asha",
                "last_name": "Khan",
                "email": email,
                "la": world.herts.pk,
            },
        )
    assert response.status_code == 302, response.content.decode()
    return get_user_model().objects.get(email=email)


def _link(message) -> str:
    found = re.search(r"http://testserver(/people/invitation/[^/\s]+/)", message.body)
    assert found, message.body
    return found.group(1)


def test_invite_assign_ten_schools_set_password_sign_in(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.admin)
    adviser = _invite(client, world, django_capture_on_commit_callbacks)
    assert not adviser.has_usable_password()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["asha.khan@example.org"]
    assert "Hertfordshire has invited you" in mail.outbox[0].body
    link = _link(mail.outbox[0])

    given = client.post(
        f"/people/{adviser.pk}/roles/new/",
        {"role": "adviser", "la": world.herts.pk, "reason": "Joins the primary team"},
    )
    grant = RoleGrant.objects.get(user=adviser)
    assert given["Location"] == f"/people/{adviser.pk}/roles/{grant.pk}/schools/"
    schools_page = client.get(given["Location"] + "?q=primary").content.decode()
    assert "Oak Primary School" in schools_page and "Colchester" not in schools_page
    ten = world.schools[:10]
    saved = client.post(
        given["Location"],
        {
            "add": [s.pk for s in ten],
            "caseload": "12",
            "reason": "Autumn term allocation",
        },
    )
    assert saved.status_code == 302
    assert set(grant.schools.all()) == set(ten)
    event = AuditEvent.objects.get(action="person.schools_assigned")
    assert event.actor == world.admin and event.reason == "Autumn term allocation"
    assert len(event.changes["schools"][1]) == 10 and event.changes["caseload"] == [None, 12]
    person_page = client.get(f"/people/{adviser.pk}/").content.decode()
    assert "10 schools assigned, caseload 12" in person_page
    assert "Assigned 10 schools" in person_page and "Ann Admin" in person_page

    visitor = Client()
    form = visitor.get(link)
    assert form.status_code == 200 and "Welcome to Uplift, Asha" in form.content.decode()
    mismatch = visitor.post(link, {"password": NEW_PASSWORD, "confirm": "something else"})
    assert "The passwords do not match" in mismatch.content.decode()
    done = visitor.post(link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done["Location"] == "/accounts/sign-in/"
    assert visitor.get(link).status_code == 410  # a one-time link
    assert Invitation.objects.get(user=adviser).used_at is not None

    signed = visitor.post(
        "/accounts/sign-in/",
        {"username": "asha.khan@example.org", "password": NEW_PASSWORD},
        REMOTE_ADDR="127.0.0.1",
    )
    assert signed.status_code == 302, signed.content.decode()
    user = get_user_model().objects.get(pk=visitor.session["_auth_user_id"])
    reached = Establishment.objects.filter(staff_school_scope(user))
    assert set(reached) == set(ten)
    assert visitor.get(f"/support/schools/{ten[0].urn}/visits/").status_code == 200
    outside = visitor.get(f"/support/schools/{world.schools[11].urn}/visits/")
    assert outside.status_code in (403, 404)
    assert visitor.get("/people/").status_code == 403


def test_an_expired_or_unknown_link_cannot_be_used(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.admin)
    invited = _invite(client, world, django_capture_on_commit_callbacks)
    link = _link(mail.outbox[0])
    Invitation.objects.filter(user=invited).update(expires_at="2020-01-01T00:00Z")
    expired = Client().post(link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert expired.status_code == 410 and "expired" in expired.content.decode()
    assert Client().get("/people/invitation/guessed-token/").status_code == 410
    invited.refresh_from_db()
    assert not invited.has_usable_password()


def test_a_new_invitation_replaces_the_old_link(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.admin)
    invited = _invite(client, world, django_capture_on_commit_callbacks)
    first = _link(mail.outbox[0])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/people/{invited.pk}/invitation/", {"reason": "Lost the email"})
    second = _link(mail.outbox[1])
    assert first != second
    assert Client().get(first).status_code == 410
    assert Client().get(second).status_code == 200


def test_inviting_an_existing_address_is_refused_and_changes_nothing(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.admin)
    before = get_user_model().objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/people/invite/",
            {
                "first_name": "Olu",
                "last_name": "Again",
                "email": "OLU.OFFICER@example.org",
                "la": world.herts.pk,
            },
        )
    assert response.status_code == 200
    assert "already has an account" in response.content.decode()
    assert get_user_model().objects.count() == before and not mail.outbox


def test_switching_an_account_off_ends_its_sign_in(world, client):
    officer = world.users["officer"]
    theirs = Client()
    theirs.force_login(officer)
    assert theirs.get("/people/").status_code == 403  # signed in (403, not a redirect)
    client.force_login(world.admin)
    client.post(f"/people/{officer.pk}/account/", {"reason": "Left the LA"})
    officer.refresh_from_db()
    assert not officer.is_active
    assert theirs.get("/people/").status_code == 302  # signed out
    event = AuditEvent.objects.get(action="person.deactivated")
    assert event.reason == "Left the LA" and event.changes == {"active": [True, False]}
