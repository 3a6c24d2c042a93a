"""Single sign-on against a real OpenID Connect provider: django-oauth-toolkit's OIDC
server, started by the test in a second process on loopback (tests/people/oidc_provider).
A real HTTP client follows every redirect: Uplift -> the provider's sign-in page -> the
provider's authorisation -> Uplift's callback, which exchanges the code over HTTP, checks
the RS256-signed ID token against the provider's keys and asks for the user's claims."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from django.contrib.auth import get_user_model

from uplift.accounts.models import Profile, Role

PROVIDER = Path(__file__).resolve().parent / "oidc_provider" / "serve.py"
CLIENT_ID, SECRET = "uplift-test-client", "uplift-test-secret-0123456789"
ACCOUNTS = ["asha.khan@example.org", "stranger@example.org", "gone.away@example.org"]


@pytest.fixture
def provider(live_server, tmp_path, settings):
    callback = f"{live_server.url}/people/sign-in/organisation/callback/"
    process = subprocess.Popen(
        [sys.executable, str(PROVIDER), str(tmp_path), callback, CLIENT_ID, SECRET, *ACCOUNTS],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        assert line.startswith("READY "), f"the OIDC provider did not start: {line!r}"
        op = f"http://127.0.0.1:{line.split()[1]}"
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = SECRET
        settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{op}/o/authorize/"
        settings.OIDC_OP_TOKEN_ENDPOINT = f"{op}/o/token/"
        settings.OIDC_OP_USER_ENDPOINT = f"{op}/o/userinfo/"
        settings.OIDC_OP_JWKS_ENDPOINT = f"{op}/o/.well-known/jwks.json"
        yield op
    finally:
        process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def sign_in_through_provider(live_server, username: str) -> requests.Response:
    browser = requests.Session()
    page = browser.get(f"{live_server.url}/accounts/sign-in/", timeout=30)
    button = re.search(r'href="([^"]+)"[^>]*>Sign in with your organisation', page.text)
    assert button, "the sign-in page has no single sign-on button"
    login = browser.get(live_server.url + button.group(1).replace("&amp;", "&"), timeout=30)
    assert "Test identity provider" in login.text, login.url
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    next_url = re.search(r'name="next" value="([^"]*)"', login.text).group(1)
    answer = browser.post(
        login.url.split("?")[0],
        data={
            "csrfmiddlewaretoken": token,
            "username": username,
            "password": "provider-pw",
            "next": next_url.replace("&amp;", "&"),
        },
        headers={"Referer": login.url},
        timeout=60,
    )
    answer.browser = browser
    return answer


def _person(email, role=None, **scope):
    first, last = email.split("@")[0].split(".")
    user = get_user_model().objects.create_user(
        username=email, email=email, first_name=first.title(), last_name=last.title()
    )
    if role:
        Profile.objects.create(user=user, role=role, **scope)
    return user


@pytest.mark.django_db(transaction=True)
def test_an_invited_adviser_signs_in_with_their_organisations_account(provider, live_server, world):
    adviser = _person("ASHA.KHAN@example.org", Role.ADVISER, la=world.herts)
    adviser.profile.assigned_establishments.set(world.schools[:10])
    assert not adviser.has_usable_password()  # invited: no Uplift password needed

    answer = sign_in_through_provider(live_server, "asha.khan")
    assert answer.status_code == 200
    assert answer.url == f"{live_server.url}/", answer.url  # their home page
    browser = answer.browser
    inside = browser.get(f"{live_server.url}/support/schools/{world.schools[0].urn}/visits/")
    assert inside.status_code == 200
    outside = browser.get(f"{live_server.url}/support/schools/{world.schools[11].urn}/visits/")
    assert outside.status_code in (403, 404)
    assert browser.get(f"{live_server.url}/people/").status_code == 403  # signed in, no admin


@pytest.mark.django_db(transaction=True)
def test_strangers_and_switched_off_accounts_are_refused(provider, live_server, world):
    gone = _person("gone.away@example.org", Role.LA_OFFICER, la=world.herts)
    gone.is_active = False
    gone.save()
    users_before = get_user_model().objects.count()
    for username in ("stranger", "gone.away"):
        answer = sign_in_through_provider(live_server, username)
        assert answer.status_code == 403
        assert answer.url == f"{live_server.url}/people/sign-in/organisation/refused/"
        assert "Ask your LA administrator to invite you" in answer.text
        assert answer.browser.get(f"{live_server.url}/schools/").url.startswith(
            f"{live_server.url}/accounts/sign-in/"
        )
    assert get_user_model().objects.count() == users_before  # nobody was created


def test_without_settings_there_is_no_single_sign_on(client, db):
    page = client.get("/accounts/sign-in/").content.decode()
    assert "organisation" not in page
    assert client.get("/people/sign-in/organisation/").status_code == 404
