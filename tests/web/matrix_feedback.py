"""Permission-matrix rows of the feedback pages (see test_permission_matrix.py).

Role order: anonymous admin la.officer data.officer adviser headteacher chair board.member
dfe.viewer. LA officers read their LA's surveys and roll-ups, system administrators every
LA's; the headteacher answers their own school's surveys. The emailed link needs no sign-in:
it opens for anyone who holds it, until it is used or expires."""

from datetime import date

from uplift.audit.models import Via
from uplift.feedback.models import Survey
from uplift.feedback.services import Subject, request_feedback
from uplift.people.services import token_hash

READERS = "in  ok  ok  403 403 ok  403 403 403"
OFFICERS = "in  ok  ok  403 403 403 403 403 403"
OTHER_LA = "in  ok  404 403 403 404 403 403 403"
LINK = "ok  ok  ok  ok  ok  ok  ok  ok  ok"
USED_LINK = "410 410 410 410 410 410 410 410 410"
TOKEN, USED = "matrix-feedback-link", "matrix-feedback-used"


def _survey(school, subject_id: int, token: str) -> Survey:
    survey = request_feedback(
        actor=None,
        via=Via.CLI,
        subject=Subject(
            "visit", subject_id, "the adviser visit", "Ada", "Adviser visits", date(2026, 10, 5)
        ),
        establishment=school,
    )
    Survey.objects.filter(pk=survey.pk).update(token_hash=token_hash(token))
    return survey


def rows(w) -> list[tuple[str, str, str]]:
    ours = _survey(w.in_scope, 1, TOKEN)
    theirs = _survey(w.other_la, 2, "matrix-feedback-essex")
    used = _survey(w.same_la, 3, USED)
    Survey.objects.filter(pk=used.pk).update(answered_at=used.sent_at)
    return [
        ("feedback/", "/feedback/", READERS),
        ("feedback/rollup.csv", "/feedback/rollup.csv", OFFICERS),
        ("feedback/surveys/<int:pk>/", f"/feedback/surveys/{ours.pk}/", READERS),
        ("feedback/surveys/<int:pk>/", f"/feedback/surveys/{theirs.pk}/", OTHER_LA),
        ("feedback/answer/<str:token>/", f"/feedback/answer/{TOKEN}/", LINK),
        ("feedback/answer/<str:token>/", f"/feedback/answer/{USED}/", USED_LINK),
    ]
