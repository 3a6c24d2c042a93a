"""Running an import: read, check every row, then write all of it in one transaction or nothing."""

import gc
import hashlib
import logging
import sys
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from uplift.audit.models import Via
from uplift.audit.services import record_event
from uplift.imports import registry
from uplift.imports.cells import Cells
from uplift.imports.errors import FileRejected, RowError, printable
from uplift.imports.limits import FileLimits, megabytes
from uplift.imports.models import ImportRun, RunStatus
from uplift.imports.reading import read_table
from uplift.imports.sync import ADDED, UNCHANGED, UPDATED, Tally

logger = logging.getLogger(__name__)

MAX_ERRORS_KEPT = 200
MAX_ERRORS_COLLECTED = 1000  # reading stops there: the file is refused either way
FILE_NAME_LENGTH = ImportRun._meta.get_field("file_name").max_length


class _DryRunRollback(Exception):
    pass


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def run_import(
    *,
    importer_name: str,
    path: Path,
    options: dict[str, Any] | None = None,
    user=None,
    actor: str = "",
    via: str = "cli",
    dry_run: bool = False,
    progress: bool = False,
    display_name: str | None = None,
) -> ImportRun:
    """Import one file. Returns the saved ImportRun; raises FileRejected (with the
    rejected run saved) when the file is refused for any reason, in which case nothing
    else is written. Whatever goes wrong, a fault in an importer included, ends as a
    rejected run with its reason: the traceback goes to the server log only."""
    importer_class = registry.get(importer_name)
    path = Path(path)
    options = dict(options or {})
    run = ImportRun(
        importer=importer_name,
        file_name=printable(display_name or path.name)[:FILE_NAME_LENGTH],
        options=options,
        user=user if user is not None and user.is_authenticated else None,
        actor=actor or (user.get_username() if user is not None else "cli"),
        via=via,
        started_at=timezone.now(),
    )
    try:
        run.sha256 = _sha256_within_limit(path)
        with transaction.atomic():
            table = read_table(
                path,
                display_name=run.file_name,
                header_hint=importer_class.required_columns,
            )
            importer = importer_class(table=table, options=options, run=run)
            parsed = _parse_all(importer, progress=progress)
            run.rows_read = len(parsed)
            _write(run, importer, parsed, dry_run=dry_run)
    except _DryRunRollback:
        run.pk = None
        run._state.adding = True
        run.status = RunStatus.DRY_RUN
        run.save()
    except FileRejected as rejected:
        _save_rejected(run, rejected.errors)
        rejected.run = run
        raise
    except Exception as exc:
        logger.exception("import %s of %r failed", importer_name, run.file_name)
        error = RowError(
            run.file_name,
            None,
            "",
            "",
            f"an unexpected error in Uplift ({type(exc).__name__}) stopped the import; "
            "nothing was written, and the details are in the server log",
        )
        _save_rejected(run, [error])
        raise FileRejected([error], run=run) from exc
    return run


def refuse_oversized_upload(*, importer_name: str, file_name: str, user) -> ImportRun:
    """The history entry of an upload dropped as it arrived for passing the size limit."""
    limit = FileLimits.current().upload_bytes
    run = ImportRun(
        importer=importer_name,
        file_name=printable(file_name)[:FILE_NAME_LENGTH],
        user=user if user is not None and user.is_authenticated else None,
        actor=user.get_username() if user is not None else "",
        via="web",
        started_at=timezone.now(),
    )
    reason = f"the file is larger than the {megabytes(limit)} an import may be; it was not kept"
    _save_rejected(run, [RowError(run.file_name, None, "", "", reason)])
    return run


def _write(run: ImportRun, importer, parsed, *, dry_run: bool) -> None:
    """Inside the import's transaction: the run, then everything the file gives."""
    tally = Tally()
    run.status = RunStatus.APPLIED
    run.finished_at = timezone.now()
    run.save()
    run.summary = importer.write(parsed, tally)
    _count(run, tally)
    run.finished_at = timezone.now()
    run.save()
    _record_run(run)
    if dry_run:
        raise _DryRunRollback


def _sha256_within_limit(path: Path) -> str:
    """The file's SHA-256; an oversized file is refused (by the reader) without being read."""
    if path.stat().st_size > FileLimits.current().upload_bytes:
        return ""
    return sha256_of(path)


def _parse_all(importer, *, progress: bool) -> list[tuple[int, Any]]:
    # Parsing makes many small objects that all live until the write; the cyclic garbage
    # collector would scan them again and again for nothing.
    gc.disable()
    try:
        return _parse_rows(importer, progress=progress)
    finally:
        gc.enable()


def _parse_rows(importer, *, progress: bool) -> list[tuple[int, Any]]:
    table = importer.table
    errors: list[RowError] = list(importer.check_header())
    if errors:
        raise FileRejected(errors)
    if not len(table):
        raise FileRejected(
            [RowError(table.file_name, None, "", "", "the file has a header but no data rows")]
        )
    parsed: list[tuple[int, Any]] = []
    rows = table.numbered_rows()
    if progress:
        from tqdm import tqdm

        rows = tqdm(rows, total=len(table), unit="row", desc=table.file_name, file=sys.stderr)
    for number, row in rows:
        cells = Cells(table, number, row)
        if importer.skip_row(cells):
            continue
        record = importer.parse_row(cells)
        if cells.errors:
            errors.extend(cells.errors)
            if len(errors) >= MAX_ERRORS_COLLECTED:
                errors.append(_stopped_reading(table.file_name, number))
                raise FileRejected(errors)
        elif record is not None:
            parsed.append((number, record))
    errors.extend(importer.check_file(parsed))
    if errors:
        raise FileRejected(errors)
    return parsed


def _stopped_reading(file_name: str, row: int) -> RowError:
    return RowError(
        file_name,
        row,
        "",
        "",
        f"reading stopped here after {MAX_ERRORS_COLLECTED:,} problems; the rest of the file "
        "was not checked",
    )


def _save_rejected(run: ImportRun, errors: list[RowError]) -> None:
    """A fresh history entry (a run saved inside the rolled-back transaction is gone)."""
    run.pk = None
    run._state.adding = True
    run.rows_read = run.rows_added = run.rows_updated = run.rows_unchanged = 0
    run.status = RunStatus.REJECTED
    run.rows_rejected = len({(e.row) for e in errors if e.row is not None}) or 0
    run.errors = [e.as_dict() for e in errors[:MAX_ERRORS_KEPT]]
    run.summary = f"{len(errors)} problem(s) found; nothing was written."
    run.finished_at = timezone.now()
    with transaction.atomic():
        run.save()
        _record_run(run)


def _record_run(run: ImportRun) -> None:
    """The audit event of a run: "import.applied" or "import.rejected" (dry runs leave none)."""
    record_event(
        actor=run.user,
        actor_label=run.actor,
        via=run.via if run.via in Via.values else Via.SYSTEM,
        action=f"import.{run.status}",
        obj=run,
        changes={
            name: [None, getattr(run, name)]
            for name in ("rows_added", "rows_updated", "rows_rejected")
            if getattr(run, name)
        },
        reason=run.summary,
    )


def _count(run: ImportRun, tally: Tally) -> None:
    run.rows_added = tally.count(ADDED)
    run.rows_updated = tally.count(UPDATED)
    run.rows_unchanged = tally.count(UNCHANGED)
