"""Permission-matrix rows of the governor services pages and API (see
test_permission_matrix.py). The in-scope school's body is read by its LA's staff, the
regional viewer and its head and chair, and kept by its LA's officers and its head and chair;
Essex's is the administrator's and the viewer's only."""

from datetime import date

from django.utils import timezone

from uplift.governors.models import BodyKind, GoverningBody, Governor

LIST = "in  ok  ok  ok  ok  ok  ok  403 ok"
READERS = "in  ok  ok  ok  ok  ok  ok  404 ok"
SAME_LA = "in  ok  ok  ok  ok  404 404 404 ok"
OTHER_LA = "in  ok  404 404 404 404 404 404 ok"
KEEPERS = "in  ok  ok  403 403 ok  ok  404 403"
OTHER_LA_KEEPERS = "in  ok  404 404 404 404 404 404 403"
API_READERS = "401 ok  ok  ok  ok  ok  ok  404 ok"
API_OTHER_LA = "401 ok  404 404 404 404 404 404 ok"
API_SIGNED_IN = "401 ok  ok  ok  ok  ok  ok  ok  ok"
API_NO_GET = "405 405 405 405 405 405 405 405 405"


def body(school):
    made = GoverningBody.objects.create(
        establishment=school, kind=BodyKind.GOVERNING_BODY, created_at=timezone.now()
    )
    made.places.create(category="parent", number=2)
    governor = Governor.objects.create(
        body=made,
        name="Pat Parent",
        category="parent",
        appointed_by="The parents",
        starts_on=date(2024, 9, 1),
        term_ends_on=date(2028, 8, 31),
        recorded_at=timezone.now(),
    )
    return made, governor


def rows(w) -> list[tuple[str, str, str]]:
    _, ours = body(w.in_scope)
    body(w.other_la)
    table = [
        ("governors/", "/governors/", LIST),
        ("governors/<int:urn>/", f"/governors/{w.same_la.urn}/", SAME_LA),
        ("api/v1/governors", "/api/v1/governors", API_SIGNED_IN),
        ("api/v1/governor-vacancies", "/api/v1/governor-vacancies", API_SIGNED_IN),
        (
            "governors/governors/<int:pk>/leave/",
            f"/governors/governors/{ours.pk}/leave/",
            KEEPERS,
        ),
    ]
    for school, reader, keeper, api in (
        (w.in_scope, READERS, KEEPERS, API_READERS),
        (w.other_la, OTHER_LA, OTHER_LA_KEEPERS, API_OTHER_LA),
    ):
        g = f"/governors/{school.urn}"
        table += [
            ("governors/<int:urn>/", f"{g}/", reader),
            ("governors/<int:urn>/edit/", f"{g}/edit/", keeper),
            ("governors/<int:urn>/governors/new/", f"{g}/governors/new/", keeper),
            ("governors/<int:urn>/training/new/", f"{g}/training/new/", keeper),
            ("governors/<int:urn>/reviews/new/", f"{g}/reviews/new/", keeper),
            (
                "api/v1/governing-bodies/<int:urn>",
                f"/api/v1/governing-bodies/{school.urn}",
                api,
            ),
            (
                "api/v1/governing-bodies/<int:urn>/governors",
                f"/api/v1/governing-bodies/{school.urn}/governors",
                API_NO_GET,
            ),
        ]
    return table
