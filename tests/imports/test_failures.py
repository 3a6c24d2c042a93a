"""Whatever goes wrong in an import, a fault in an importer included, the file is rejected:
a history entry with the reason, status 1 and one line on the command line, the upload
page's rejection page (never a 500), and the traceback in the server log only."""

import logging

import pytest
from django.db import DataError
from django.urls import reverse

from tests.imports.conftest import import_cli
from uplift.imports import registry
from uplift.imports.base import Importer
from uplift.imports.errors import FileRejected
from uplift.imports.models import ImportRun, RunStatus
from uplift.imports.services import run_import
from uplift.schools.models import LocalAuthority


class FaultyImporter(Importer):
    """Writes an LA, then fails as a buggy importer (or the database) would."""

    name = "test-faulty"
    label = "Test faulty importer"
    required_columns = ("code", "fault")

    def parse_row(self, cells):
        if cells.raw("fault") == "parse":
            return 1 / 0
        return (cells.la_code("code", required=True), cells.raw("fault"))

    def write(self, parsed, tally):
        LocalAuthority.objects.create(code=parsed[0][1][0], name="Written before the fault")
        if any(fault == "database" for _, (_, fault) in parsed):
            raise DataError("integer out of range")
        if any(fault == "write" for _, (_, fault) in parsed):
            raise KeyError("a bug")
        return "done"


@pytest.fixture(autouse=True)
def faulty_importer():
    registry.register(FaultyImporter)
    yield
    registry._IMPORTERS.pop(FaultyImporter.name, None)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fault", "kind"),
    [("parse", "ZeroDivisionError"), ("write", "KeyError"), ("database", "DataError")],
)
def test_a_fault_is_a_recorded_rejection(fault, kind, tmp_path, db_snapshot, caplog):
    path = tmp_path / "faulty.csv"
    path.write_text(f"code,fault\n919,\n874,{fault}\n")
    before = db_snapshot()
    with caplog.at_level(logging.ERROR, logger="uplift.imports.services"):
        with pytest.raises(FileRejected) as caught:
            run_import(importer_name="test-faulty", path=path)
    assert db_snapshot() == before  # the LA written before the fault is rolled back
    run = caught.value.run
    assert ImportRun.objects.get() == run and run.status == RunStatus.REJECTED
    (error,) = run.errors
    assert error["reason"] == (
        f"an unexpected error in Uplift ({kind}) stopped the import; nothing was written, "
        "and the details are in the server log"
    )
    (logged,) = [r for r in caplog.records if r.name == "uplift.imports.services"]
    assert logged.exc_info and logged.exc_info[0].__name__ == kind


@pytest.mark.django_db
def test_a_fault_on_the_command_line_is_one_line_and_status_1(tmp_path):
    path = tmp_path / "faulty.csv"
    path.write_text("code,fault\n919,write\n")
    status, stderr = import_cli(path, "test-faulty", {})
    assert status == 1
    assert "Traceback" not in stderr
    reasons = [line.strip() for line in stderr.splitlines()[1:]]
    assert reasons == [
        "faulty.csv: an unexpected error in Uplift (KeyError) stopped the import; nothing was "
        "written, and the details are in the server log"
    ]


@pytest.mark.django_db
def test_a_fault_on_the_upload_page_shows_the_rejection(officer_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("faulty.csv", b"code,fault\n919,parse\n")
    response = officer_client.post(
        f"{reverse('imports:upload')}?importer=test-faulty",
        {"importer": "test-faulty", "file": upload},
    )
    assert response.status_code == 302
    html = officer_client.get(response["Location"]).content.decode()
    assert "The file was rejected and nothing was saved" in html
    assert "an unexpected error in Uplift (ZeroDivisionError) stopped the import" in html
    assert "Traceback" not in html and "1 / 0" not in html
