"""Who may call the API: bearer tokens, the browser session, and 401s in the error format."""

import pytest

from tests.api.helpers import V1, assert_error
from uplift.api.services import create_token, revoke_token


@pytest.mark.django_db
def test_a_bearer_token_authenticates(client, personas):
    secret = create_token(user=personas["headteacher"]).secret
    response = client.get(f"{V1}/schools", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    assert [s["urn"] for s in response.json()["results"]] == [117002]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header",
    [None, "Bearer", "Bearer upl_not-a-real-token", "Token abc", "Basic dXNlcjpwYXNz"],
)
def test_missing_or_bad_credentials_are_401(client, personas, header):
    headers = {"Authorization": header} if header else {}
    error = assert_error(client.get(f"{V1}/schools", headers=headers), 401, "not_authenticated")
    assert error["details"] == []


@pytest.mark.django_db
def test_a_revoked_token_is_401(client, personas):
    issued = create_token(user=personas["la.officer"])
    revoke_token(token=issued.token)
    response = client.get(f"{V1}/schools", headers={"Authorization": f"Bearer {issued.secret}"})
    error = assert_error(response, 401, "not_authenticated")
    assert "revoked" in error["message"]
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.django_db
def test_an_inactive_users_token_is_401(client, personas):
    user = personas["la.officer"]
    secret = create_token(user=user).secret
    user.is_active = False
    user.save()
    response = client.get(f"{V1}/schools", headers={"Authorization": f"Bearer {secret}"})
    assert_error(response, 401, "not_authenticated")


@pytest.mark.django_db
def test_a_bad_token_is_401_even_with_a_session(client, personas):
    client.force_login(personas["admin"])
    response = client.get(f"{V1}/schools", headers={"Authorization": "Bearer upl_wrong"})
    assert_error(response, 401, "not_authenticated")


@pytest.mark.django_db
def test_a_signed_in_browser_session_works_with_its_scope(client, personas):
    client.force_login(personas["la.officer"])
    response = client.get(f"{V1}/schools")
    assert response.status_code == 200
    assert {s["urn"] for s in response.json()["results"]} == {117001, 117002, 117003}


@pytest.mark.django_db
def test_a_user_without_a_profile_sees_nothing(client, django_user_model, world):
    user = django_user_model.objects.create_user("nobody")
    secret = create_token(user=user).secret
    response = client.get(f"{V1}/schools", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200 and response.json()["count"] == 0
