"""Security settings: sign-in throttling, cookie flags, the Content Security Policy and a clean
`uplift check --deploy` under the production settings."""

import logging
import os
import re
import secrets
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse

from uplift.accounts.models import Role

SIGN_IN = reverse("accounts:login")
UPLIFT = Path(sys.executable).with_name("uplift")  # the console script `uv run uplift` runs


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(SIGN_IN, {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def officer(make_user, herts):
    return make_user("la.officer", Role.LA_OFFICER, la=herts)


@pytest.mark.django_db
def test_five_wrong_passwords_lock_that_username_out_from_that_address(client, officer):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "la.officer", "wrong").status_code == 200
    locked = sign_in(client, "la.officer", "wrong")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "<title>Too many attempts to sign in – Uplift</title>" in html
    assert "You cannot sign in as la.officer from this device for 15 minutes." in html
    assert "govuk-footer" in html

    assert sign_in(client, "la.officer", "pw-for-tests").status_code == 429  # right, but locked
    assert "_auth_user_id" not in client.session
    # The same username from another address signs in: one attacker cannot lock a user out
    # everywhere.
    elsewhere = sign_in(client, "la.officer", "pw-for-tests", address="10.0.0.2")
    assert elsewhere.status_code == 302
    assert client.session["_auth_user_id"] == str(officer.pk)


@pytest.mark.django_db
def test_one_address_trying_many_accounts_is_locked_out(client, officer):
    limit = settings.UPLIFT_SIGN_IN_LIMIT_PER_ADDRESS
    for number in range(limit - 1):  # never twice the same account: no account's limit
        assert sign_in(client, f"guess{number}", "wrong").status_code == 200
    assert sign_in(client, "guess-last", "wrong").status_code == 429
    assert sign_in(client, "la.officer", "pw-for-tests").status_code == 429  # locked here
    assert "_auth_user_id" not in client.session
    elsewhere = sign_in(client, "la.officer", "pw-for-tests", address="10.0.0.2")
    assert elsewhere.status_code == 302  # another address is not affected


@pytest.mark.django_db
def test_the_lockout_ends_after_the_cool_off(client, officer):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "la.officer", "wrong")
    assert sign_in(client, "la.officer", "pw-for-tests").status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(seconds=1)
    )
    assert sign_in(client, "la.officer", "pw-for-tests").status_code == 302


@pytest.mark.django_db
def test_a_successful_sign_in_resets_the_count(client, officer):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "la.officer", "wrong")
    assert sign_in(client, "la.officer", "pw-for-tests").status_code == 302
    client.logout()
    assert sign_in(client, "la.officer", "wrong").status_code == 200  # not locked yet


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_http_only_and_same_site_lax(client, officer):
    form = client.get(SIGN_IN)
    csrf = form.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["httponly"] and csrf["samesite"] == "Lax"
    response = sign_in(client, "la.officer", "pw-for-tests")
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["httponly"] and session["samesite"] == "Lax"
    assert not session["secure"]  # plain HTTP in development; production sets DJANGO_SECURE


@pytest.mark.django_db
def test_pages_send_a_strict_content_security_policy(officer_client):
    response = officer_client.get(reverse("schools:list"))
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
@pytest.mark.parametrize("url", [SIGN_IN, reverse("accessibility"), reverse("cookies")])
def test_pages_carry_no_inline_script(client, url):
    """A policy without 'unsafe-inline' would block an inline script: every script is a file."""
    html = client.get(url).content.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts, "base.html loads GOV.UK Frontend's start-up script"
    assert [tag for tag in scripts if " src=" not in tag] == []
    assert not re.search(r"\son[a-z]+=", html), "no inline event handlers"


def _production_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "uplift.settings_production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "uplift.example.org",
    }
    return env | extra


def _uplift(*args, env):
    return subprocess.run(
        [str(UPLIFT), *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_under_production_settings():
    result = _uplift("check", "--deploy", "--fail-level", "WARNING", env=_production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_settings_serve_https_only():
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS, s.DEBUG)"
    )
    result = _uplift("shell", "-c", code, env=_production_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-5:] == ["True", "True", "True", "31536000", "False"]


def test_production_settings_refuse_to_start_without_a_real_secret_key():
    env = _production_env()
    del env["DJANGO_SECRET_KEY"]
    result = _uplift("check", env=env)
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_a_403_is_logged_as_one_line_without_a_traceback(client, make_user, caplog):
    client.force_login(make_user("head", Role.HEADTEACHER))
    with caplog.at_level("WARNING", logger="django.request"):
        response = client.get("/history/")
    assert response.status_code == 403
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info is None and record.exc_text is None
    line = logging.getLogger().handlers[0].format(record) if logging.getLogger().handlers else ""
    assert "Traceback" not in line and "\n" not in record.getMessage()
    assert "/history/" in record.getMessage()
