"""Permission-matrix rows of the people pages (see test_permission_matrix.py): only LA
administrators (and system administrators) manage people; everyone else gets 403. The LA
administrator persona's own answers are in tests/people/test_people_permissions.py."""

from django.contrib.auth import get_user_model

from uplift.accounts.models import RoleGrant

MANAGERS = "in  ok  403 403 403 403 403 403 403"
NOBODY = "404 404 404 404 404 404 404 404 404"  # SSO pages while SSO is not configured


def rows(w) -> list[tuple[str, str, str]]:
    adviser = get_user_model().objects.get(username="adviser")
    grant = RoleGrant.objects.get(user=adviser, primary=True)
    person = f"/people/{adviser.pk}/"
    return [
        ("people/", "/people/", MANAGERS),
        ("people/invite/", "/people/invite/", MANAGERS),
        ("people/<int:pk>/", person, MANAGERS),
        ("people/<int:pk>/roles/new/", f"{person}roles/new/", MANAGERS),
        (
            "people/<int:pk>/roles/<int:grant_pk>/schools/",
            f"{person}roles/{grant.pk}/schools/",
            MANAGERS,
        ),
        (
            "people/<int:pk>/roles/<int:grant_pk>/remove/",
            f"{person}roles/{grant.pk}/remove/",
            MANAGERS,
        ),
        ("people/<int:pk>/account/", f"{person}account/", MANAGERS),
        ("people/<int:pk>/invitation/", f"{person}invitation/", MANAGERS),
        ("people/<int:pk>/", "/people/999999/", "in  404 403 403 403 403 403 403 403"),
        (
            "people/invitation/<str:token>/",
            "/people/invitation/not-a-real-token/",
            "410 410 410 410 410 410 410 410 410",
        ),
        ("people/sign-in/organisation/", "/people/sign-in/organisation/", NOBODY),
        (
            "people/sign-in/organisation/callback/",
            "/people/sign-in/organisation/callback/",
            NOBODY,
        ),
        (
            "schools/<int:urn>/contacts/",
            f"/schools/{w.in_scope.urn}/contacts/",
            "in  ok  ok  403 403 ok  403 403 403",
        ),
        (
            "schools/<int:urn>/contacts/",
            f"/schools/{w.other_la.urn}/contacts/",
            "in  ok  404 404 404 404 404 404 403",
        ),
        (
            "people/sign-in/organisation/refused/",
            "/people/sign-in/organisation/refused/",
            "403 403 403 403 403 403 403 403 403",
        ),
    ]
