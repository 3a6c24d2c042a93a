"""`uplift create-token` and `uplift revoke-token`: a token is printed once and kept hashed."""

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from uplift.api.models import ApiToken
from uplift.api.services import authenticate_token, create_token, revoke_token
from uplift.audit.models import AuditEvent


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_create_token_prints_the_token_once_and_stores_only_its_hash(django_user_model):
    user = django_user_model.objects.create_user("olivia")
    out, err = run("create-token", "olivia", "--name", "nightly export")
    secret = out.strip()
    assert secret.startswith("upl_") and len(secret) > 40
    assert secret not in err  # stdout alone carries it, for scripts
    token = ApiToken.objects.get()
    assert token.user == user and token.name == "nightly export"
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.prefix == secret[:12] and token.prefix in err
    stored = [str(value) for value in ApiToken.objects.values_list().get()]
    assert not any(secret in value for value in stored)
    assert authenticate_token(secret=secret) == user


@pytest.mark.django_db
def test_each_token_is_new(django_user_model):
    django_user_model.objects.create_user("olivia")
    first, _ = run("create-token", "olivia")
    second, _ = run("create-token", "olivia")
    assert first != second and ApiToken.objects.count() == 2


@pytest.mark.django_db
def test_unknown_or_inactive_user_is_an_error(django_user_model):
    django_user_model.objects.create_user("gone", is_active=False)
    with pytest.raises(CommandError, match="no user called 'nobody'"):
        run("create-token", "nobody")
    with pytest.raises(CommandError, match="not active"):
        run("create-token", "gone")
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_revoke_token_by_prefix(django_user_model):
    user = django_user_model.objects.create_user("olivia")
    issued = create_token(user=user)
    with pytest.raises(CommandError, match="reason"):
        run("revoke-token", issued.token.prefix)
    out, _ = run("revoke-token", issued.token.prefix + "…", "--reason", "Left the LA")
    assert "Revoked" in out
    issued.token.refresh_from_db()
    assert issued.token.revoked_at is not None
    assert authenticate_token(secret=issued.secret) is None
    with pytest.raises(CommandError, match="no token"):
        run("revoke-token", "upl_nothere", "--reason", "x")


@pytest.mark.django_db
def test_revoking_twice_keeps_the_first_date_and_one_event(django_user_model):
    token = create_token(user=django_user_model.objects.create_user("olivia")).token
    first = revoke_token(token=token, reason="Leaver").revoked_at
    assert revoke_token(token=token, reason="Leaver").revoked_at == first
    assert AuditEvent.objects.filter(action="api_token.revoked").count() == 1


@pytest.mark.django_db
def test_last_used_is_noted(django_user_model):
    issued = create_token(user=django_user_model.objects.create_user("olivia"))
    assert issued.token.last_used_at is None
    authenticate_token(secret=issued.secret)
    issued.token.refresh_from_db()
    assert issued.token.last_used_at is not None


def test_the_cli_knows_the_command_by_its_hyphenated_name():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "uplift.cli", "create-token", "--help"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and "usage: uplift create-token" in result.stdout


@pytest.mark.django_db
def test_creating_and_revoking_are_audited_without_the_secret(django_user_model):
    django_user_model.objects.create_user("olivia")
    out, _ = run("create-token", "olivia", "--name", "etl", "--reason", "nightly ETL job")
    secret = out.strip()
    token = ApiToken.objects.get()
    run("revoke-token", token.prefix, "--reason", "job retired")
    revoked, created = AuditEvent.objects.order_by("-id")
    assert (created.action, created.via) == ("api_token.created", "cli")
    assert created.reason == "nightly ETL job" and created.actor_label.startswith("command line")
    assert created.changes["user"] == [None, "olivia"]
    assert created.changes["prefix"] == [None, token.prefix]
    assert created.object_id == str(token.pk)
    assert (revoked.action, revoked.reason) == ("api_token.revoked", "job retired")
    recorded = repr(list(AuditEvent.objects.values_list()))
    assert secret not in recorded and token.token_hash not in recorded
