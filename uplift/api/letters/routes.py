"""Letters of concern cases: a case's letters, generating one from a template, one letter,
its PDF, and recording its sending. The same services as the pages (via "api"). A case or
letter the caller may not read answers 404; an action their role may not take, 403; a
change a rule refuses, 409 with the rule's message."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.responses import Status

from uplift.api.calls import call
from uplift.api.errors import CHANGE_RESPONSES, ERROR_RESPONSES, error_response
from uplift.api.letters.schemas import (
    LetterOut,
    NewLetterIn,
    SendingIn,
)
from uplift.api.pagination import Page, PageParams, paginate
from uplift.audit.models import Via
from uplift.casework import access as casework_access
from uplift.casework.letters import selectors, services

router = Router(tags=["letters"])


def _username(user) -> str | None:
    return user.get_username() if user is not None else None


def letter_out(letter, *, with_body: bool = True) -> dict:
    school = letter.case.establishment
    return {
        "id": letter.pk,
        "case_id": letter.case_id,
        "school": {"urn": school.urn, "name": school.name},
        "kind": letter.kind,
        "kind_label": letter.get_kind_display(),
        "subject": letter.subject,
        "body": letter.body if with_body else None,
        "addressed_to": letter.addressed_to,
        "template_id": letter.template_id,
        "template_version": letter.template_version,
        "generated_at": letter.generated_at,
        "generated_by": _username(letter.generated_by),
        "sent": letter.is_sent,
        "sent_on": letter.sent_on,
        "sent_method": letter.sent_method,
        "sent_to": letter.sent_to,
        "sent_by": _username(letter.sent_by),
        "pdf": f"/api/v1/letters/{letter.pk}/pdf",
    }


def _letter(request, pk: int):
    letter = selectors.letter_for(user=request.auth, pk=pk)
    if letter is None:
        raise Http404
    return letter


@router.get(
    "/cases/{int:case_id}/letters",
    response={200: Page[LetterOut], **ERROR_RESPONSES},
    summary="A case's letters",
)
def case_letters(request, case_id: int, page: Query[PageParams]):
    case = get_object_or_404(casework_access.visible_cases(request.auth), pk=case_id)
    letters = selectors.visible_letter_set(user=request.auth).filter(case=case)
    letters = letters.order_by("generated_at", "id")
    return paginate(
        request,
        letters,
        page,
        present=lambda found: [letter_out(letter, with_body=False) for letter in found],
    )


@router.post(
    "/cases/{int:case_id}/letters",
    response={201: LetterOut, **CHANGE_RESPONSES},
    summary="Generate a letter for a case from a template",
)
def generate_letter(request, case_id: int, payload: NewLetterIn):
    case = get_object_or_404(
        casework_access.visible_cases(request.auth).select_related("establishment__la"), pk=case_id
    )
    if not casework_access.can_run_casework(request.auth, case.establishment):
        raise HttpError(403, "You cannot write letters for this school's case")
    template = selectors.templates_for_case(user=request.auth, case=case).filter(
        pk=payload.template_id
    )
    template = template.first()
    if template is None:
        return error_response(
            422,
            details=[
                {
                    "location": "body.payload.template_id",
                    "message": "Not a letter template of the school's local authority",
                    "type": "value_error",
                }
            ],
        )
    letter = call(
        services.generate_letter,
        request,
        case=case,
        template=template,
        note=payload.note,
    )
    return Status(201, letter_out(_letter(request, letter.pk)))


@router.get(
    "/letters/{int:letter_id}",
    response={200: LetterOut, **ERROR_RESPONSES},
    summary="One letter",
)
def letter_detail(request, letter_id: int):
    return letter_out(_letter(request, letter_id))


@router.get(
    "/letters/{int:letter_id}/pdf",
    response={200: bytes, **ERROR_RESPONSES},
    summary="A letter's PDF (each reading is recorded)",
)
def letter_pdf(request, letter_id: int):
    letter = selectors.letter_for(user=request.auth, pk=letter_id, with_pdf=True)
    if letter is None:
        raise Http404
    services.log_letter_viewed(actor=request.auth, via=Via.API, letter=letter)
    response = HttpResponse(services.letter_pdf_content(letter), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{services.letter_filename(letter)}"'
    return response


@router.post(
    "/letters/{int:letter_id}/sending",
    response={200: LetterOut, **CHANGE_RESPONSES},
    summary="Record a letter's sending (with the method email, Uplift emails it)",
)
def record_sending(request, letter_id: int, payload: SendingIn):
    letter = _letter(request, letter_id)
    call(
        services.record_letter_sent,
        request,
        letter=letter,
        sent_on=payload.sent_on,
        method=payload.method.value,
        sent_to=payload.sent_to,
        email=payload.email,
    )
    return letter_out(_letter(request, letter_id))
