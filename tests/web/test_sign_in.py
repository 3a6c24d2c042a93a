"""Signing in and out, and that every page but the public ones needs it."""

import pytest
from django.urls import reverse

PRIVATE_PAGES = [
    reverse("home"),
    reverse("schools:list"),
    reverse("schools:detail", args=[100001]),
    reverse("imports:list"),
    reverse("imports:upload"),
    reverse("imports:detail", args=[1]),
]
PUBLIC_PAGES = [reverse("accounts:login"), reverse("accessibility"), reverse("cookies")]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PRIVATE_PAGES)
def test_private_pages_send_visitors_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_open_without_signing_in(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert b"govuk-footer" in response.content
    assert b"Sign out" not in response.content


@pytest.mark.django_db
def test_sign_in_with_empty_fields_shows_govuk_errors(client):
    response = client.post(reverse("accounts:login"), {"username": "", "password": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Sign in" in html
    assert 'class="govuk-error-summary"' in html
    assert '<a href="#id_username">Enter your username</a>' in html
    assert '<a href="#id_password">Enter your password</a>' in html
    assert "govuk-input--error" in html


@pytest.mark.django_db
def test_wrong_password_is_refused(client, data_officer):
    response = client.post(
        reverse("accounts:login"), {"username": "data.officer", "password": "wrong"}
    )
    assert "Enter a correct username and password" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_sign_in_then_sign_out(client, data_officer):
    response = client.post(
        reverse("accounts:login"),
        {"username": "data.officer", "password": "pw-for-tests", "next": "/imports/"},
    )
    assert response.status_code == 302 and response["Location"] == "/imports/"
    assert client.get(reverse("schools:list")).status_code == 200

    confirm = client.get(reverse("accounts:logout"))
    assert confirm.status_code == 200 and b'method="post"' in confirm.content
    assert "_auth_user_id" in client.session  # asking to confirm signs nobody out

    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    assert client.get(reverse("schools:list")).status_code == 302


@pytest.mark.django_db
def test_sign_in_refuses_to_redirect_off_site(client, data_officer):
    response = client.post(
        reverse("accounts:login"),
        {"username": "data.officer", "password": "pw-for-tests", "next": "https://evil.test/"},
    )
    assert response["Location"] == reverse("home")
