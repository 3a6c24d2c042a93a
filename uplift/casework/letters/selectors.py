"""Reading letters and letter templates, through the app's access module. Lists never load the
PDFs (they can be large): only the PDF page and the API's download read them."""

from django.db.models import QuerySet

from uplift.casework import access
from uplift.casework.models import Ground, Letter, LetterTemplate

LIST_DEFER = ("pdf", "body")


def visible_letter_set(*, user) -> QuerySet[Letter]:
    """The letters this user may read, with their case, school and LA, without the PDF."""
    return (
        access.visible_letters(user)
        .select_related("case__establishment__la", "generated_by", "sent_by", "template")
        .defer(*LIST_DEFER)
    )


def letter_for(*, user, pk: int, with_pdf: bool = False) -> Letter | None:
    """One letter the user may read (with its body, and its PDF when asked), or None."""
    letters = access.visible_letters(user).select_related(
        "case__establishment__la", "generated_by", "sent_by", "template"
    )
    if not with_pdf:
        letters = letters.defer("pdf")
    return letters.filter(pk=pk).first()


def case_letters(*, user, case) -> list[Letter]:
    """The case's letters the user may read, oldest first (the case page lists them)."""
    return list(visible_letter_set(user=user).filter(case=case).order_by("generated_at", "id"))


def school_sent_letters(*, user, establishment) -> list[Letter]:
    """A school's letters as its headteacher or chair sees them: the sent ones, newest first."""
    return list(
        visible_letter_set(user=user)
        .filter(case__establishment=establishment, sent_on__isnull=False)
        .order_by("-sent_on", "-id")
    )


def school_warning_notices(*, user, establishment) -> list:
    """A school's warning notices (each with `grounds_labels`), newest first."""
    notices = list(
        access.visible_warning_notices(user)
        .filter(case__establishment=establishment)
        .select_related("letter", "case")
        .defer("letter__pdf", "letter__body")
        .order_by("-issued_on", "-id")
    )
    labels = dict(Ground.choices)
    for notice in notices:
        notice.grounds_labels = [labels.get(code, code) for code in notice.grounds or ()]
    return notices


def letter_templates(*, las) -> QuerySet[LetterTemplate]:
    return LetterTemplate.objects.filter(la__in=las).select_related("la", "updated_by")


def templates_for_case(*, user, case) -> QuerySet[LetterTemplate]:
    """The templates a letter of the case may be generated from: its school's LA's, when
    the user runs that LA's casework."""
    return letter_templates(las=access.casework_las(user)).filter(la_id=case.establishment.la_id)
