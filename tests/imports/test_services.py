"""The import service: atomic, idempotent, dry-run, and recorded in the history."""

import pytest

from uplift.imports import registry
from uplift.imports.base import Importer
from uplift.imports.errors import FileRejected
from uplift.imports.models import ImportRun, RunStatus
from uplift.imports.services import run_import
from uplift.imports.sync import Record, sync_records
from uplift.schools.models import LocalAuthority


class LaNamesImporter(Importer):
    """A minimal importer of LA codes and names, to test the service on its own."""

    name = "test-la-names"
    label = "Test LA names"
    required_columns = ("code", "name")

    def parse_row(self, cells):
        code = cells.integer("code", required=True)
        name = cells.text("name", required=True)
        return (str(code).zfill(3), name) if code is not None else None

    def check_file(self, parsed):
        return []

    def write(self, parsed, tally):
        existing = {(la.code,): la for la in LocalAuthority.objects.all()}
        records = [
            Record(row, (code,), {"code": code, "name": name}) for row, (code, name) in parsed
        ]
        sync_records(LocalAuthority, records, existing=existing, tally=tally)
        return f"{len(records)} LAs"


@pytest.fixture(autouse=True)
def test_importer():
    registry.register(LaNamesImporter)
    yield
    registry._IMPORTERS.pop(LaNamesImporter.name, None)


def run(path, **kwargs):
    return run_import(importer_name="test-la-names", path=path, **kwargs)


@pytest.mark.django_db
def test_import_adds_then_is_idempotent_then_updates(write_file):
    path = write_file("las.csv", "code,name\n919,Hertfordshire\n874,Peterborough\n")
    first = run(path)
    assert (first.rows_read, first.rows_added, first.rows_unchanged) == (2, 2, 0)
    second = run(path)
    assert (second.rows_added, second.rows_updated, second.rows_unchanged) == (0, 0, 2)
    assert second.sha256 == first.sha256 and len(second.sha256) == 64
    changed = write_file("las2.csv", "code,name\n919,Herts\n874,Peterborough\n")
    third = run(changed)
    assert (third.rows_added, third.rows_updated, third.rows_unchanged) == (0, 1, 1)
    assert LocalAuthority.objects.get(code="919").name == "Herts"


@pytest.mark.django_db
def test_one_bad_row_writes_nothing_and_is_recorded(write_file, db_snapshot):
    run(write_file("ok.csv", "code,name\n919,Hertfordshire\n"))
    before = db_snapshot()
    bad = write_file("bad.csv", "code,name\n874,Peterborough\nx12,Nowhere\n212,\n")
    with pytest.raises(FileRejected) as caught:
        run(bad)
    assert db_snapshot() == before
    messages = [str(e) for e in caught.value.errors]
    assert messages == [
        "bad.csv, row 3, column 'code', value 'x12': not a whole number",
        "bad.csv, row 4, column 'name': a value is required",
    ]
    rejected = ImportRun.objects.get(file_name="bad.csv")
    assert rejected.status == RunStatus.REJECTED
    assert rejected.rows_rejected == 2
    assert rejected.errors[0]["column"] == "code"


@pytest.mark.django_db
def test_dry_run_counts_but_writes_nothing(write_file, db_snapshot):
    before = db_snapshot()
    run_ = run(write_file("las.csv", "code,name\n919,Hertfordshire\n"), dry_run=True)
    assert run_.status == RunStatus.DRY_RUN and run_.rows_added == 1
    assert db_snapshot() == before


@pytest.mark.django_db
def test_wrong_dataset_and_header_only_are_refused(write_file):
    with pytest.raises(FileRejected, match="missing column"):
        run(write_file("other.csv", "URN,LinkURN\n1,2\n"))
    with pytest.raises(FileRejected, match="no data rows"):
        run(write_file("header.csv", "code,name\n"))
    assert ImportRun.objects.filter(status=RunStatus.REJECTED).count() == 2


@pytest.mark.django_db
def test_history_records_who(write_file, django_user_model):
    user = django_user_model.objects.create_user("dana")
    run_ = run(write_file("las.csv", "code,name\n919,Hertfordshire\n"), user=user, via="web")
    assert (run_.user, run_.actor, run_.via) == (user, "dana", "web")
