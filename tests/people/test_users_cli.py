"""`uplift users`: list, invite, grant, revoke and deactivate through the same services."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from uplift.accounts.models import Role, RoleGrant
from uplift.audit.models import AuditEvent, Via


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("users", *args, stdout=out)
    return out.getvalue()


def test_invite_grant_ten_schools_revoke_deactivate(world, django_capture_on_commit_callbacks):
    admin = "ann.admin@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        said = run(
            "invite",
            "kim.lee@example.org",
            "--first-name",
            "Kim",
            "--last-name",
            "Lee",
            "--la",
            "919",
            "--as",
            admin,
        )
    assert said.strip() == "Invitation sent to kim.lee@example.org"
    assert mail.outbox[0].to == ["kim.lee@example.org"]
    assert "/people/invitation/" in mail.outbox[0].body
    urns = [str(s.urn) for s in world.schools[:10]]
    said = run(
        "grant",
        "kim.lee@example.org",
        "adviser",
        "--la",
        "919",
        "--schools",
        *urns,
        "--caseload",
        "10",
        "--reason",
        "New adviser",
        "--as",
        admin,
    )
    assert "with 10 schools" in said
    kim = get_user_model().objects.get(email="kim.lee@example.org")
    grant = RoleGrant.objects.get(user=kim)
    assert grant.schools.count() == 10 and grant.caseload == 10
    assert AuditEvent.objects.get(action="person.role_given").via == Via.CLI

    listing = run("list", "--la", "919")
    assert "kim.lee@example.org\tKim Lee\tSchool improvement adviser, Hertfordshire" in listing

    run("revoke", "kim.lee@example.org", "adviser", "--reason", "Moved on", "--as", admin)
    assert not RoleGrant.objects.filter(user=kim).exists()
    run("deactivate", "kim.lee@example.org", "--reason", "Left", "--as", admin)
    kim.refresh_from_db()
    assert not kim.is_active
    assert "[switched off]" in run("list")


def test_refusals_and_unknowns(world):
    with pytest.raises(CommandError) as refused:
        run(
            "grant",
            "olu.officer@example.org",
            Role.REGIONAL_VIEWER,
            "--reason",
            "x",
            "--as",
            "ann.admin@example.org",
        )
    assert refused.value.returncode == 1 and "system administrator" in str(refused.value)
    with pytest.raises(CommandError) as unknown:
        run("deactivate", "nobody@example.org", "--reason", "x", "--as", "ann.admin")
    assert unknown.value.returncode == 2
    with pytest.raises(CommandError) as not_admin:
        run("deactivate", "ada.adviser@example.org", "--reason", "x", "--as", "olu.officer")
    assert not_admin.value.returncode == 1
    assert get_user_model().objects.get(username="ada.adviser").is_active
