"""Only LA administrators (their LA's people) and system administrators manage people;
every other role is refused (403) on every people page, for reading and for changing."""

import pytest

from uplift.accounts.models import RoleGrant
from uplift.audit.models import AuditEvent


def _pages(person, grant) -> list[str]:
    base = f"/people/{person.pk}/"
    return [
        "/people/",
        "/people/invite/",
        base,
        f"{base}roles/new/",
        f"{base}roles/{grant.pk}/schools/",
        f"{base}roles/{grant.pk}/remove/",
        f"{base}account/",
        f"{base}invitation/",
    ]


@pytest.mark.parametrize(
    "who, expected",
    [
        ("admin", 200),
        ("sysadmin", 200),
        ("officer", 403),
        ("data", 403),
        ("adviser", 403),
        ("head", 403),
        ("chair", 403),
        ("board", 403),
        ("viewer", 403),
        ("none", 403),
    ],
)
def test_people_pages_by_role(world, client, who, expected):
    adviser = world.users["adviser"]
    grant = RoleGrant.objects.get(user=adviser)
    user = world.admin if who == "admin" else world.users[who]
    client.force_login(user)
    for url in _pages(adviser, grant):
        assert client.get(url).status_code == expected, url
    before = AuditEvent.objects.count()
    posted = client.post(f"/people/{adviser.pk}/account/", {"reason": "Left the LA"})
    if expected == 403:
        assert posted.status_code == 403
        assert AuditEvent.objects.count() == before
        adviser.refresh_from_db()
        assert adviser.is_active


def test_anonymous_visitors_are_sent_to_sign_in(world, client):
    response = client.get("/people/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/sign-in/")


def test_an_la_administrator_manages_only_their_own_las_people(world, client):
    essex_person = world.essex_admin
    client.force_login(world.admin)
    assert client.get(f"/people/{essex_person.pk}/").status_code == 404
    listing = client.get("/people/").content.decode()
    assert "Ada Adviser" in listing and "Eve Essex" not in listing
    response = client.post(
        f"/people/{essex_person.pk}/account/", {"reason": "Not ours"}, follow=False
    )
    assert response.status_code == 404
    essex_person.refresh_from_db()
    assert essex_person.is_active


def test_an_la_administrator_cannot_give_national_roles(world, client):
    client.force_login(world.admin)
    page = client.get(f"/people/{world.users['officer'].pk}/roles/new/").content.decode()
    assert "LA officer" in page and "DfE or regional viewer" not in page
    assert "System administrator" not in page
