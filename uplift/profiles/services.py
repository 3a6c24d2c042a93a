"""Making profiles: one school's PDF, a round's batch of them, and logging each download."""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from uplift.categorisation.models import Round
from uplift.profiles.models import (
    BatchStatus,
    Format,
    ProfileBatch,
    ProfileDocument,
    ProfileDownload,
)
from uplift.profiles.render import profile_pdf
from uplift.profiles.selectors import build_profile
from uplift.schools.models import Establishment


def pdf_name(establishment: Establishment) -> str:
    """URN_name.pdf, e.g. 117154_walkern-primary-school.pdf."""
    return f"{establishment.urn}_{slugify(establishment.name) or 'school'}.pdf"


def generate_document(*, round_: Round, establishment: Establishment) -> ProfileDocument:
    """Render the school's profile for the round to PDF and store it (replacing any older
    one): the one generation service the batch, the PDF page and the CLI all call."""
    content = profile_pdf(build_profile(round_=round_, establishment=establishment))
    with transaction.atomic():
        document = (
            ProfileDocument.objects.select_for_update()
            .filter(round=round_, establishment=establishment)
            .first()
        ) or ProfileDocument(round=round_, establishment=establishment)
        old_file = document.file.name if document.pk else ""
        document.sha256 = hashlib.sha256(content).hexdigest()
        document.generated_at = timezone.now()
        document.file.save(pdf_name(establishment), ContentFile(content), save=False)
        document.save()
    if old_file and old_file != document.file.name:
        document.file.storage.delete(old_file)
    return document


def stored_document(*, round_: Round, establishment: Establishment) -> ProfileDocument:
    """The school's stored PDF for the round, generated when there is none or when its file is
    missing from disk (a database restored without its media folder, a file cleaned away)."""
    document = ProfileDocument.objects.filter(round=round_, establishment=establishment).first()
    if document is None or not has_file(document):
        return generate_document(round_=round_, establishment=establishment)
    return document


def has_file(document: ProfileDocument) -> bool:
    return bool(document.file.name) and document.file.storage.exists(document.file.name)


def round_establishments(round_: Round):
    return Establishment.objects.filter(categorisations__round=round_).order_by("name", "urn")


def run_batch(*, batch_id: int) -> ProfileBatch:
    """Generate each school's profile, counting successes and failures as it goes."""
    batch = ProfileBatch.objects.select_related("round__la").get(pk=batch_id)
    ProfileBatch.objects.filter(pk=batch_id).update(
        status=BatchStatus.RUNNING, started_at=timezone.now()
    )
    failures = []
    for establishment in round_establishments(batch.round):
        try:
            generate_document(round_=batch.round, establishment=establishment)
        except Exception as error:  # one bad school must not stop the others
            failures.append({"urn": establishment.urn, "error": f"{type(error).__name__}: {error}"})
            ProfileBatch.objects.filter(pk=batch_id).update(failed=F("failed") + 1)
        else:
            ProfileBatch.objects.filter(pk=batch_id).update(done=F("done") + 1)
    ProfileBatch.objects.filter(pk=batch_id).update(
        status=BatchStatus.FAILED if failures else BatchStatus.FINISHED,
        failures=failures,
        finished_at=timezone.now(),
    )
    batch.refresh_from_db()
    return batch


def log_download(
    *, user, round_: Round, establishment: Establishment, format: str, document=None
) -> ProfileDownload:
    if format not in Format.values:
        raise ValueError(f"unknown format {format!r}")
    return ProfileDownload.objects.create(
        round=round_,
        establishment=establishment,
        document=document,
        format=format,
        user=user if user.is_authenticated else None,
        username=user.get_username() if user.is_authenticated else "",
        downloaded_at=timezone.now(),
    )
