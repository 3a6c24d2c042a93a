"""Permission-matrix rows of the early-warning pages and API (see test_permission_matrix.py).
Risk is for the LA's officers and system administrators only: no other role reads it (404 for
the LA on pages, 403 on the API); an officer of another LA gets 404."""

OFFICERS = "in  ok  ok  404 404 404 404 404 404"
OTHER_LA = "in  ok  404 404 404 404 404 404 404"
NOT_THIS_LA = "in  404 404 404 404 404 404 404 404"  # a flag of another LA's school
API_OFFICERS = "401 ok  ok  403 403 403 403 403 403"
API_OTHER_LA = "401 ok  404 403 403 403 403 403 403"
API_NO_GET = "405 405 405 405 405 405 405 405 405"


def rows(w) -> list[tuple[str, str, str]]:
    from tests.earlywarning.factories import make_assessment, make_run

    ours = make_assessment(make_run(la=w.in_scope.la), w.in_scope)
    theirs = make_assessment(make_run(la=w.other_la.la), w.other_la)
    ew, api = "early-warning/", "api/v1/"
    return [
        (ew, "/early-warning/", "in  ok  >/early-warning/919/ 404 404 404 404 404 404"),
        (f"{ew}<str:code>/", "/early-warning/919/", OFFICERS),
        (f"{ew}<str:code>/", "/early-warning/881/", OTHER_LA),
        (f"{ew}<str:code>/flags/<int:pk>/", f"/early-warning/919/flags/{ours.pk}/", OFFICERS),
        (f"{ew}<str:code>/flags/<int:pk>/", f"/early-warning/919/flags/{theirs.pk}/", NOT_THIS_LA),
        (f"{ew}<str:code>/flags/<int:pk>/", f"/early-warning/881/flags/{theirs.pk}/", OTHER_LA),
        (f"{ew}<str:code>/inspections-next-term/", f"/{ew}919/inspections-next-term/", OFFICERS),
        (
            f"{ew}<str:code>/inspections-next-term.csv",
            f"/{ew}919/inspections-next-term.csv",
            OFFICERS,
        ),
        (f"{api}schools/<int:urn>/risk", f"/api/v1/schools/{w.in_scope.urn}/risk", API_OFFICERS),
        (f"{api}schools/<int:urn>/risk", f"/api/v1/schools/{w.other_la.urn}/risk", API_OTHER_LA),
        (f"{api}early-warning/<la>/flags", "/api/v1/early-warning/919/flags", API_OFFICERS),
        (f"{api}early-warning/<la>/flags", "/api/v1/early-warning/881/flags", API_OTHER_LA),
        (
            f"{api}early-warning/flags/<int:id>/review",
            f"/api/v1/early-warning/flags/{ours.pk}/review",
            API_NO_GET,
        ),
    ]
