"""Permission-matrix rows of the officers' judgement pages and API (see
test_permission_matrix.py). Those who may change a school record its judgements: system
administrators, its LA's officers and its adviser. Another school answers 404; a role that
changes no school is refused the upload page and the API (403)."""

RECORDERS = "in  ok  ok  404 ok  404 404 404 404"
SAME_LA = "in  ok  ok  404 404 404 404 404 404"  # the adviser is not assigned to it
OTHER_LA = "in  ok  404 404 404 404 404 404 404"
UPLOADERS = "in  ok  ok  403 ok  403 403 403 403"
POLICY_EDITORS = "in  ok  ok  403 403 403 403 403 403"
API_READERS = "401 ok  ok  403 ok  403 403 403 403"


def rows(w) -> list[tuple[str, str, str]]:
    from uplift.categorisation.models import Round

    school, record = "categorisation/schools/<int:urn>/judgements/", "<slug:criterion>/"
    autumn = Round.objects.get(code="2026-autumn")
    return [
        (school, f"/categorisation/schools/{w.in_scope.urn}/judgements/", RECORDERS),
        (school, f"/categorisation/schools/{w.same_la.urn}/judgements/", SAME_LA),
        (school, f"/categorisation/schools/{w.other_la.urn}/judgements/", OTHER_LA),
        (
            school + record,
            f"/categorisation/schools/{w.in_scope.urn}/judgements/capacity/",
            RECORDERS,
        ),
        (
            school + record,
            f"/categorisation/schools/{w.other_la.urn}/judgements/adviser_risk/",
            OTHER_LA,
        ),
        ("categorisation/judgements/upload/", "/categorisation/judgements/upload/", UPLOADERS),
        (
            "categorisation/rounds/<int:pk>/missing-judgements/",
            f"/categorisation/rounds/{autumn.pk}/missing-judgements/",
            POLICY_EDITORS,
        ),
        ("api/v1/judgements", "/api/v1/judgements", API_READERS),
    ]
