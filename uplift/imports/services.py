"""Running an import: read, check every row, then write all of it in one transaction or nothing."""

import gc
import hashlib
import sys
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from uplift.audit.models import Via
from uplift.audit.services import record_event
from uplift.imports import registry
from uplift.imports.cells import Cells
from uplift.imports.errors import FileRejected, RowError
from uplift.imports.models import ImportRun, RunStatus
from uplift.imports.reading import read_table
from uplift.imports.sync import ADDED, UNCHANGED, UPDATED, Tally

MAX_ERRORS_KEPT = 200


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
    rejected run saved) when any row is invalid, in which case nothing else is written."""
    importer_class = registry.get(importer_name)
    path = Path(path)
    options = dict(options or {})
    run = ImportRun(
        importer=importer_name,
        file_name=display_name or path.name,
        sha256=sha256_of(path),
        options=options,
        user=user if user is not None and user.is_authenticated else None,
        actor=actor or (user.get_username() if user is not None else "cli"),
        via=via,
        started_at=timezone.now(),
    )
    try:
        table = read_table(
            path,
            display_name=run.file_name,
            header_hint=importer_class.required_columns,
        )
        importer = importer_class(table=table, options=options, run=run)
        parsed = _parse_all(importer, progress=progress)
        run.rows_read = len(parsed)
    except FileRejected as rejected:
        _save_rejected(run, rejected.errors)
        rejected.run = run
        raise

    tally = Tally()
    try:
        with transaction.atomic():
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
    except _DryRunRollback:
        run.pk = None
        run.status = RunStatus.DRY_RUN
        run.save()
    return run


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
        elif record is not None:
            parsed.append((number, record))
    errors.extend(importer.check_file(parsed))
    if errors:
        raise FileRejected(errors)
    return parsed


def _save_rejected(run: ImportRun, errors: list[RowError]) -> None:
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
