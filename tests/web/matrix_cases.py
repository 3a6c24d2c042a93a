"""Permission-matrix rows of the case pages and API (see test_permission_matrix.py).

Cases are for LA staff: LA officers (their LA's) and system administrators read and change
them; an adviser reads their assigned schools' cases but takes no step (403); a case out of
the user's scope, or for a role that reads none, is not found (404); the list is refused to
roles that read no cases (403)."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from uplift.casework.models import ConcernCase, PowerUse, WarningNotice

LIST = "in  ok  ok  403 ok  403 403 403 403"
OPENERS = "in  ok  ok  403 403 403 403 403 403"
READ_IN_SCOPE = "in  ok  ok  404 ok  404 404 404 404"
READ_SAME_LA = "in  ok  ok  404 404 404 404 404 404"
STEP_IN_SCOPE = "in  ok  ok  404 403 404 404 404 404"
OTHER_LA = "in  ok  404 404 404 404 404 404 404"
API_LIST = "401 ok  ok  403 ok  403 403 403 403"
API_IN_SCOPE = "401 ok  ok  404 ok  404 404 404 404"
API_OTHER_LA = "401 ok  404 404 404 404 404 404 404"
POST_ONLY = "405 405 405 405 405 405 405 405 405"


def the_open_case(school) -> ConcernCase:
    """The school's open case (another area's rows may have made one), or a new one."""
    case = ConcernCase.objects.filter(establishment=school).exclude(stage="closed").first()
    if case is not None:
        return case
    today = timezone.localdate()
    return ConcernCase.objects.create(
        establishment=school,
        opened_on=today,
        opened_by="officer",
        opening_reason="Permission matrix",
        stage="concern_raised",
        stage_changed_on=today,
        recorded_at=timezone.now(),
    )


def _notice_and_power(case):
    today = timezone.localdate()
    admin = get_user_model().objects.get(username="admin")
    notice = WarningNotice.objects.create(
        case=case,
        grounds=["standards"],
        issued_on=today,
        compliance_working_days=15,
        compliance_deadline=today,
        powers_window_ends=today,
        issued_by=admin,
        recorded_at=timezone.now(),
    )
    power = PowerUse.objects.create(
        case=case, power="s66", used_on=today, details="Matrix", recorded_at=timezone.now()
    )
    return notice, power


def rows(w) -> list[tuple[str, str, str]]:
    ours, same_la, theirs = (the_open_case(s) for s in (w.in_scope, w.same_la, w.other_la))
    notice, power = _notice_and_power(ours)
    other_notice, other_power = _notice_and_power(theirs)
    table = [
        ("casework/cases/", "/casework/cases/", LIST),
        ("casework/cases/new/", "/casework/cases/new/", OPENERS),
        ("casework/cases/<int:pk>/", f"/casework/cases/{ours.pk}/", READ_IN_SCOPE),
        ("casework/cases/<int:pk>/", f"/casework/cases/{same_la.pk}/", READ_SAME_LA),
        ("casework/cases/<int:pk>/", f"/casework/cases/{theirs.pk}/", OTHER_LA),
    ]
    for step in (
        "move/",
        "warning-notices/new/",
        "notice-of-intention/",
        "powers/new/",
        "structural/new/",
        "close/",
    ):
        route = f"casework/cases/<int:pk>/{step}"
        table += [
            (route, f"/casework/cases/{ours.pk}/{step}", STEP_IN_SCOPE),
            (route, f"/casework/cases/{same_la.pk}/{step}", READ_SAME_LA),
            (route, f"/casework/cases/{theirs.pk}/{step}", OTHER_LA),
        ]
    for step in ("dfe-copy/", "compliance/"):
        route = f"casework/warning-notices/<int:pk>/{step}"
        table += [
            (route, f"/casework/warning-notices/{notice.pk}/{step}", STEP_IN_SCOPE),
            (route, f"/casework/warning-notices/{other_notice.pk}/{step}", OTHER_LA),
        ]
    route = "casework/powers/<int:pk>/dfe-notification/"
    table += [
        (route, f"/casework/powers/{power.pk}/dfe-notification/", STEP_IN_SCOPE),
        (route, f"/casework/powers/{other_power.pk}/dfe-notification/", OTHER_LA),
        # The API (here with the browser session; tokens carry the same scope)
        ("api/v1/cases", "/api/v1/cases", API_LIST),
        ("api/v1/cases/<int:case_id>", f"/api/v1/cases/{ours.pk}", API_IN_SCOPE),
        ("api/v1/cases/<int:case_id>", f"/api/v1/cases/{theirs.pk}", API_OTHER_LA),
    ]
    for step in (
        "moves",
        "warning-notices",
        "notice-of-intention",
        "powers",
        "structural-solutions",
        "close",
    ):
        route = f"api/v1/cases/<int:case_id>/{step}"
        table.append((route, f"/api/v1/cases/{ours.pk}/{step}", POST_ONLY))
    table += [
        (
            "api/v1/warning-notices/<int:notice_id>/dfe-copy",
            f"/api/v1/warning-notices/{notice.pk}/dfe-copy",
            POST_ONLY,
        ),
        (
            "api/v1/warning-notices/<int:notice_id>/compliance",
            f"/api/v1/warning-notices/{notice.pk}/compliance",
            POST_ONLY,
        ),
        (
            "api/v1/powers/<int:power_id>/dfe-notification",
            f"/api/v1/powers/{power.pk}/dfe-notification",
            POST_ONLY,
        ),
    ]
    return table
