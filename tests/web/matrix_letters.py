"""Permission-matrix rows of this area's pages (see test_permission_matrix.py): letter
templates, letters of a case, their PDFs and sending, a head's or chair's own school's
letters, and the letters API. A headteacher reads only their own school's SENT letters."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from uplift.casework.letters.services import ensure_default_letter_templates
from uplift.casework.models import ConcernCase, Letter, LetterKind, LetterTemplate, SendingMethod

CASEWORK = "in  ok  ok  403 403 403 403 403 403"
OTHER_LA_TEMPLATE = "in  ok  404 403 403 403 403 403 403"
WRITE_LETTER = "in  ok  ok  404 403 404 404 404 404"
ONLY_ADMIN = "in  ok  404 404 404 404 404 404 404"
SENT_LETTER = "in  ok  ok  404 ok  ok  ok  404 404"
UNSENT_LETTER = "in  ok  ok  404 ok  404 404 404 404"
SEND_UNSENT = "in  ok  ok  404 403 404 404 404 404"
SEND_SENT = "in  ok  ok  404 403 403 403 404 404"
HEADS_AND_CHAIRS = "in  404 404 404 404 ok  ok  404 404"
API_CASE = "401 ok  ok  404 ok  404 404 404 404"
API_SENT = "401 ok  ok  404 ok  ok  ok  404 404"
API_UNSENT = "401 ok  ok  404 ok  404 404 404 404"
API_ONLY_ADMIN = "401 ok  404 404 404 404 404 404 404"


def open_case(school) -> ConcernCase:
    """The school's open case (the cases area's rows may have made one), or a new one."""
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


def letter(case, *, sent: bool) -> Letter:
    today = timezone.localdate()
    admin = get_user_model().objects.get(username="admin")
    return Letter.objects.create(
        case=case,
        kind=LetterKind.CONCERN,
        addressed_to="The headteacher\nThe chair of governors",
        subject="Our concerns",
        body="Dear headteacher,\n\nWe are concerned.",
        pdf=b"%PDF-1.7 matrix",
        generated_at=timezone.now(),
        generated_by=admin,
        sent_on=today if sent else None,
        sent_method=SendingMethod.POST if sent else "",
        sent_to="The headteacher" if sent else "",
        sent_by=admin if sent else None,
    )


def rows(w) -> list[tuple[str, str, str]]:
    ensure_default_letter_templates(la=w.in_scope.la)
    ensure_default_letter_templates(la=w.other_la.la)
    template = LetterTemplate.objects.filter(la=w.in_scope.la).first().pk
    other_template = LetterTemplate.objects.filter(la=w.other_la.la).first().pk
    case, other_case = open_case(w.in_scope), open_case(w.other_la)
    sent, unsent = letter(case, sent=True).pk, letter(case, sent=False).pk
    other_sent = letter(other_case, sent=True).pk
    t, lt = "casework/letter-templates/", "casework/letters/<int:pk>/"
    api_case, api_letter = "api/v1/cases/<int:case_id>/letters", "api/v1/letters/<int:letter_id>"
    return [
        (t, f"/{t}", CASEWORK),
        (f"{t}<int:pk>/edit/", f"/{t}{template}/edit/", CASEWORK),
        (f"{t}<int:pk>/edit/", f"/{t}{other_template}/edit/", OTHER_LA_TEMPLATE),
        (
            "casework/cases/<int:case_pk>/letters/new/",
            f"/casework/cases/{case.pk}/letters/new/",
            WRITE_LETTER,
        ),
        (
            "casework/cases/<int:case_pk>/letters/new/",
            f"/casework/cases/{other_case.pk}/letters/new/",
            ONLY_ADMIN,
        ),
        (lt, f"/casework/letters/{sent}/", SENT_LETTER),
        (lt, f"/casework/letters/{unsent}/", UNSENT_LETTER),
        (lt, f"/casework/letters/{other_sent}/", ONLY_ADMIN),
        (f"{lt}pdf/", f"/casework/letters/{sent}/pdf/", SENT_LETTER),
        (f"{lt}pdf/", f"/casework/letters/{unsent}/pdf/", UNSENT_LETTER),
        (f"{lt}pdf/", f"/casework/letters/{other_sent}/pdf/", ONLY_ADMIN),
        (f"{lt}send/", f"/casework/letters/{unsent}/send/", SEND_UNSENT),
        (f"{lt}send/", f"/casework/letters/{sent}/send/", SEND_SENT),
        (f"{lt}send/", f"/casework/letters/{other_sent}/send/", ONLY_ADMIN),
        ("casework/my-school/letters/", "/casework/my-school/letters/", HEADS_AND_CHAIRS),
        (api_case, f"/api/v1/cases/{case.pk}/letters", API_CASE),
        (api_case, f"/api/v1/cases/{other_case.pk}/letters", API_ONLY_ADMIN),
        (api_letter, f"/api/v1/letters/{sent}", API_SENT),
        (api_letter, f"/api/v1/letters/{unsent}", API_UNSENT),
        (api_letter, f"/api/v1/letters/{other_sent}", API_ONLY_ADMIN),
        (f"{api_letter}/pdf", f"/api/v1/letters/{sent}/pdf", API_SENT),
        (f"{api_letter}/pdf", f"/api/v1/letters/{unsent}/pdf", API_UNSENT),
        (f"{api_letter}/pdf", f"/api/v1/letters/{other_sent}/pdf", API_ONLY_ADMIN),
        (
            f"{api_letter}/sending",
            f"/api/v1/letters/{unsent}/sending",
            "405 405 405 405 405 405 405 405 405",
        ),
    ]
