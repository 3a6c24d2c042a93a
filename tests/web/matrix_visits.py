"""Permission-matrix rows of the visit pages and API (see test_permission_matrix.py).

Role order: anonymous admin la.officer data.officer adviser headteacher chair board.member
dfe.viewer. Visits are read by LA staff (an adviser: their assigned schools and their own
visits) and by the school's headteacher and chair (the note once shared); data officers,
board members and regional viewers read none (403 for a school they see, else 404)."""

from datetime import timedelta
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.utils import timezone

from uplift.accounts.models import Profile, Role
from uplift.audit.models import Via
from uplift.support.visits import services

# A visit of the in-scope school, made by the adviser persona
VISIT = "in  ok  ok  404 ok  ok  ok  404 404"
NOT_FOUND = "in  404 404 404 404 404 404 404 404"
ONLY_ADMIN = "in  ok  404 404 404 404 404 404 404"
WRITER = "in  ok  403 404 ok  403 403 404 404"  # the visit's adviser (and a system admin)
PLANNERS = "in  ok  ok  403 ok  403 403 403 403"
TEMPLATE_KEEPERS = "in  ok  ok  403 403 403 403 403 403"
API_NO_GET = "405 405 405 405 405 405 405 405 405"


def _visits(w):
    """Visits of the in-scope school (scheduled, shared, finalised), of the same-LA school by
    another adviser, and of the Essex school."""
    users = get_user_model().objects
    officer, adviser, head = (
        users.get(username=n) for n in ("la.officer", "adviser", "headteacher")
    )
    other_adviser = users.create_user(username="other.adviser", first_name="Omar")
    Profile.objects.create(user=other_adviser, role=Role.ADVISER, la=w.in_scope.la)
    essex_adviser = users.create_user(username="essex.adviser", first_name="Esme")
    Profile.objects.create(user=essex_adviser, role=Role.ADVISER, la=w.other_la.la)
    day = timezone.localdate() - timedelta(days=7)

    def schedule(school, by, actor=officer, via=Via.WEB):
        return services.schedule_visit(
            actor=actor,
            via=via,
            establishment=school,
            adviser=by,
            scheduled_for=day,
            purpose="Focus visit",
        )

    def written_and_shared(visit):
        visit = services.save_note(
            actor=adviser,
            via=Via.WEB,
            visit=visit,
            sections=[{"heading": h, "text": "Seen"} for h in services.note_headings(visit)],
            version=visit.version,
        )
        return services.share_note(actor=adviser, via=Via.WEB, visit=visit, version=visit.version)

    scheduled = schedule(w.in_scope, adviser)
    shared = written_and_shared(schedule(w.in_scope, adviser))
    final = written_and_shared(schedule(w.in_scope, adviser))
    final = services.comment_on_note(
        actor=head, via=Via.WEB, visit=final, comment="Agreed", version=final.version
    )
    final = services.finalise_note(actor=adviser, via=Via.WEB, visit=final, version=final.version)
    same_la = schedule(w.same_la, other_adviser)
    other_la = schedule(w.other_la, essex_adviser, actor=None, via=Via.CLI)
    return scheduled.pk, shared.pk, final.pk, same_la.pk, other_la.pk


def _signed_out(url: str) -> str:
    return f">/accounts/sign-in/?next={quote(url, safe='/')}"


def query_rows(w) -> list[tuple[str, str, str]]:
    """Addresses with a query string (the main table resolves addresses without one)."""
    year = "/support/schools/117001/visits/?year=2025-26"
    new = "support/visits/new/"

    def new_with(urn, cells):
        url = f"/support/visits/new/?urn={urn}"
        return (new, url, f"{_signed_out(url)} {cells}")

    return [
        (
            "support/schools/<int:urn>/visits/",
            year,
            f"{_signed_out(year)} ok ok 403 ok ok ok 404 403",
        ),
        new_with(117001, "ok  ok  403 ok  403 403 403 403"),
        new_with(117002, "ok  ok  403 403 403 403 403 403"),
        new_with(881001, "ok  404 403 404 403 403 403 403"),
        new_with("x", "ok  ok  403 ok  403 403 403 403"),
    ]


def rows(w) -> list[tuple[str, str, str]]:
    scheduled, shared, final, same_la, other_la = _visits(w)
    herts_template = services.ensure_default_note_template(la=w.in_scope.la).pk
    essex_template = services.ensure_default_note_template(la=w.other_la.la).pk
    school = "support/schools/<int:urn>/visits/"
    new = "support/visits/new/"

    visit = "support/visits/<int:pk>/"
    api_school = "api/v1/schools/<int:urn>/"
    api_visit = "api/v1/visits/<int:visit_id>"
    return [
        # A school's visits and entitlement
        (school, "/support/schools/117001/visits/", "in  ok  ok  403 ok  ok  ok  404 403"),
        (school, "/support/schools/117002/visits/", "in  ok  ok  403 404 404 404 404 403"),
        (school, "/support/schools/881001/visits/", "in  ok  404 404 404 404 404 404 403"),
        (school, "/support/schools/999999/visits/", NOT_FOUND),
        # Scheduling: those who plan the school's support
        (new, "/support/visits/new/", PLANNERS),
        # A visit, and its note once shared for the head and chair
        (visit, f"/support/visits/{scheduled}/", VISIT),
        (visit, f"/support/visits/{final}/", VISIT),
        (visit, f"/support/visits/{same_la}/", "in  ok  ok  404 404 404 404 404 404"),
        (visit, f"/support/visits/{other_la}/", ONLY_ADMIN),
        (f"{visit}note/", f"/support/visits/{scheduled}/note/", WRITER),
        (f"{visit}note/", f"/support/visits/{other_la}/note/", ONLY_ADMIN),
        (f"{visit}share/", f"/support/visits/{scheduled}/share/", WRITER),
        (
            f"{visit}share/",
            f"/support/visits/{same_la}/share/",
            "in  ok  403 404 404 404 404 404 404",
        ),
        (
            f"{visit}comment/",
            f"/support/visits/{shared}/comment/",
            "in  403 403 404 403 ok  403 404 404",
        ),
        (
            f"{visit}comment/",
            f"/support/visits/{other_la}/comment/",
            "in  403 404 404 404 404 404 404 404",
        ),
        (f"{visit}finalise/", f"/support/visits/{shared}/finalise/", WRITER),
        (
            f"{visit}cancel/",
            f"/support/visits/{scheduled}/cancel/",
            "in  ok  ok  404 ok  403 403 404 404",
        ),
        (f"{visit}cancel/", f"/support/visits/{other_la}/cancel/", ONLY_ADMIN),
        (f"{visit}pdf/", f"/support/visits/{final}/pdf/", VISIT),
        (f"{visit}pdf/", f"/support/visits/{scheduled}/pdf/", NOT_FOUND),
        # The LA's note-of-visit templates: its officers
        ("support/note-templates/", "/support/note-templates/", TEMPLATE_KEEPERS),
        (
            "support/note-templates/<int:pk>/edit/",
            f"/support/note-templates/{herts_template}/edit/",
            TEMPLATE_KEEPERS,
        ),
        (
            "support/note-templates/<int:pk>/edit/",
            f"/support/note-templates/{essex_template}/edit/",
            "in  ok  404 403 403 403 403 403 403",
        ),
        # The API (here with the browser session)
        (
            f"{api_school}visits",
            "/api/v1/schools/117001/visits",
            "401 ok  ok  403 ok  ok  ok  404 403",
        ),
        (
            f"{api_school}visits",
            "/api/v1/schools/881001/visits",
            "401 ok  404 404 404 404 404 404 403",
        ),
        (
            f"{api_school}entitlement",
            "/api/v1/schools/117001/entitlement",
            "401 ok  ok  403 ok  ok  ok  404 403",
        ),
        (
            f"{api_school}entitlement",
            "/api/v1/schools/117002/entitlement",
            "401 ok  ok  403 404 404 404 404 403",
        ),
        ("api/v1/visits", "/api/v1/visits", API_NO_GET),
        (api_visit, f"/api/v1/visits/{scheduled}", "401 ok  ok  404 ok  ok  ok  404 404"),
        (api_visit, f"/api/v1/visits/{other_la}", "401 ok  404 404 404 404 404 404 404"),
        (f"{api_visit}/note", f"/api/v1/visits/{scheduled}/note", API_NO_GET),
        (f"{api_visit}/share", f"/api/v1/visits/{scheduled}/share", API_NO_GET),
        (f"{api_visit}/comment", f"/api/v1/visits/{shared}/comment", API_NO_GET),
        (f"{api_visit}/finalise", f"/api/v1/visits/{shared}/finalise", API_NO_GET),
        (f"{api_visit}/cancel", f"/api/v1/visits/{scheduled}/cancel", API_NO_GET),
    ]
