"""Permission-matrix rows of this area's pages (see test_permission_matrix.py): "My work"
and a school's case and support timeline (a school outside the user's scope: 404)."""

SIGNED_IN = "in  ok  ok  ok  ok  ok  ok  ok  ok"
API_SIGNED_IN = "401 ok  ok  ok  ok  ok  ok  ok  ok"


def rows(w) -> list[tuple[str, str, str]]:
    page, api = "schools/<int:urn>/timeline/", "api/v1/schools/<int:urn>/timeline"
    return [
        ("my-work/", "/my-work/", SIGNED_IN),
        (page, f"/schools/{w.in_scope.urn}/timeline/", SIGNED_IN),
        (page, f"/schools/{w.same_la.urn}/timeline/", "in  ok  ok  ok  ok  404 404 404 ok"),
        (page, f"/schools/{w.other_la.urn}/timeline/", "in  ok  404 404 404 404 404 404 ok"),
        (page, "/schools/999999/timeline/", "in  404 404 404 404 404 404 404 404"),
        ("api/v1/me/work", "/api/v1/me/work", API_SIGNED_IN),
        (api, f"/api/v1/schools/{w.in_scope.urn}/timeline", API_SIGNED_IN),
        (api, f"/api/v1/schools/{w.same_la.urn}/timeline", "401 ok  ok  ok  ok  404 404 404 ok"),
        (api, f"/api/v1/schools/{w.other_la.urn}/timeline", "401 ok  404 404 404 404 404 404 ok"),
    ]
