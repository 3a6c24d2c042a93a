"""What a file may cost: its size, rows, columns and cells, and what a workbook expands to.
Decompression bombs are refused before the spreadsheet parser opens them, from the command
line and from the upload page, and every refusal is in the import history."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.imports.conftest import import_cli
from tests.imports.slices import ods_cell, ods_of, xlsx_bomb, xlsx_of
from uplift.imports.errors import FileRejected
from uplift.imports.models import ImportRun, RunStatus
from uplift.imports.reading import read_table

GIAS_HEADER = "URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName\n"
GIAS_ROW = "117083,919,Hertfordshire,2001,Abbots Langley School\n"


@pytest.fixture
def never_opened(monkeypatch):
    """Fail the test if the spreadsheet parser is asked to open a file."""
    import python_calamine

    def refuse(*args, **kwargs):
        raise AssertionError("the spreadsheet parser opened a file it should have refused")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", refuse)


def refusal(path: Path) -> str:
    with pytest.raises(FileRejected) as caught:
        read_table(path)
    (error,) = caught.value.errors
    return error.reason


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, settings, db_snapshot):
    settings.UPLIFT_MAX_UPLOAD_BYTES = 1000
    path = tmp_path / "gias.csv"
    path.write_text(GIAS_HEADER + GIAS_ROW * 50)
    before = db_snapshot()
    status, stderr = import_cli(path, "gias", {})
    assert status == 1
    assert "gias.csv: the file is 2,662 bytes, more than the 1,000 bytes an import may be" in stderr
    assert db_snapshot() == before
    run = ImportRun.objects.get()
    assert (run.status, run.sha256) == (RunStatus.REJECTED, "")


@pytest.mark.parametrize(
    ("setting", "value", "text", "why"),
    [
        ("UPLIFT_MAX_ROWS", 3, GIAS_HEADER + GIAS_ROW * 4, "more than 3 rows"),
        ("UPLIFT_MAX_COLUMNS", 4, GIAS_HEADER + GIAS_ROW, "5 columns, more than the 4"),
        ("UPLIFT_MAX_CELLS", 12, GIAS_HEADER + GIAS_ROW * 2, "more than 12 cells"),
    ],
)
def test_csv_rows_columns_and_cells_are_capped(tmp_path, settings, setting, value, text, why):
    setattr(settings, setting, value)
    path = tmp_path / "gias.csv"
    path.write_text(text)
    assert why in refusal(path)


def test_parquet_rows_are_capped_before_reading(tmp_path, settings):
    settings.UPLIFT_MAX_ROWS = 5
    path = tmp_path / "lait.parquet"
    pq.write_table(pa.table({"Short Desc": ["RTA"] * 6, "Values": ["1"] * 6}), path)
    assert "more than 5 rows" in refusal(path)


def test_old_excel_files_are_refused(tmp_path):
    path = tmp_path / "gias.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert "save the file as XLSX or CSV" in refusal(path)


def test_xlsx_bomb_is_refused_before_it_is_opened(tmp_path, never_opened):
    path = xlsx_bomb(tmp_path / "gias.xlsx", rows=300_000, columns=10)
    assert path.stat().st_size < 1_000_000  # about 60 MB of XML inside
    assert "a sheet spans more than 2,500,000 cells" in refusal(path)


def test_xlsx_whose_parts_expand_too_far_is_refused(tmp_path, settings, never_opened):
    settings.UPLIFT_MAX_UNCOMPRESSED_BYTES = 1024 * 1024
    path = xlsx_bomb(tmp_path / "gias.xlsx", rows=20_000, columns=5)
    assert "expands to more than 1 MB when opened" in refusal(path)


def test_xlsx_reaching_a_far_cell_is_refused(tmp_path, never_opened):
    """Two cells, A1 and ZZ999999: the parser would hold every cell between them."""
    sheet = b'<row r="1"><c r="A1"><v>1</v></c></row>'
    sheet += b'<row r="999999"><c s="3" r="ZZ999999"><v>1</v></c></row>'
    path = xlsx_of(tmp_path / "gias.xlsx", sheet)
    assert "spans more than 2,500,000 cells" in refusal(path)


def test_xlsx_rows_are_capped(tmp_path, settings, never_opened):
    settings.UPLIFT_MAX_ROWS = 100
    path = xlsx_bomb(tmp_path / "gias.xlsx", rows=1000, columns=2)
    assert "a sheet has more than 100 rows" in refusal(path)


def test_a_formatted_empty_cell_far_away_is_not_a_bomb(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["URN", "Name"])
    sheet.append([117083, "Abbots Langley School"])
    sheet["XFD900000"].font = openpyxl.styles.Font(bold=True)  # styled, no value
    path = tmp_path / "gias.xlsx"
    workbook.save(path)
    assert read_table(path).rows == [["117083", "Abbots Langley School"]]


def test_ods_bomb_of_repeated_rows_is_refused(tmp_path, never_opened):
    rows = '<table:table-row table:number-rows-repeated="1000000">'
    rows += '<table:table-cell table:number-columns-repeated="100" office:value-type="string">'
    rows += "<text:p>x</text:p></table:table-cell></table:table-row>"
    path = ods_of(tmp_path / "gias.ods", rows)
    assert "a sheet spans more than 2,500,000 cells" in refusal(path)


def test_ods_with_the_usual_empty_rows_at_the_end_reads(tmp_path):
    rows = f"<table:table-row>{ods_cell('URN')}{ods_cell('Name')}</table:table-row>"
    rows += f"<table:table-row>{ods_cell('117083')}{ods_cell('Abbots')}</table:table-row>"
    rows += '<table:table-row table:number-rows-repeated="1048574">'
    rows += '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    table = read_table(ods_of(tmp_path / "gias.ods", rows))
    assert (table.header, table.rows) == (["URN", "Name"], [["117083", "Abbots"]])


@pytest.mark.django_db
def test_xlsx_bomb_from_the_command_line(tmp_path, never_opened, db_snapshot):
    path = xlsx_bomb(tmp_path / "gias.xlsx", rows=300_000, columns=10)
    before = db_snapshot()
    status, stderr = import_cli(path, "gias", {})
    assert status == 1
    assert "gias.xlsx: a sheet spans more than 2,500,000 cells" in stderr
    assert db_snapshot() == before
    assert ImportRun.objects.get().status == RunStatus.REJECTED


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_xlsx_bomb_memory_stays_bounded(tmp_path):
    """In a process of its own, so that its peak memory (VmHWM: getrusage would count the
    parent's, inherited through fork) is the reader's alone."""
    path = xlsx_bomb(tmp_path / "gias.xlsx", rows=300_000, columns=10)
    script = (
        "import json, re, sys, django\n"
        "django.setup()\n"
        "from uplift.imports.errors import FileRejected\n"
        "from uplift.imports.reading import read_table\n"
        "try:\n"
        "    read_table(sys.argv[1]); reason = ''\n"
        "except FileRejected as exc:\n"
        "    reason = exc.errors[0].reason\n"
        "status = open('/proc/self/status').read()\n"
        "peak = int(re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1)) // 1024\n"
        "print(json.dumps({'reason': reason, 'peak_mb': peak}))\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "uplift.settings"}
    env["UPLIFT_VAR_DIR"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, env=env
    )
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert "spans more than" in outcome["reason"]
    assert outcome["peak_mb"] < 500, outcome


@pytest.mark.django_db
def test_xlsx_bomb_uploaded(officer_client, tmp_path, never_opened, db_snapshot):
    client = officer_client
    bomb = xlsx_bomb(tmp_path / "gias.xlsx", rows=300_000, columns=10).read_bytes()
    before = db_snapshot()
    response = client.post(
        f"{reverse('imports:upload')}?importer=gias",
        {"importer": "gias", "file": SimpleUploadedFile("gias.xlsx", bomb)},
    )
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert run.status == RunStatus.REJECTED and run.via == "web"
    html = client.get(response["Location"]).content.decode()
    assert "The file was rejected and nothing was saved" in html
    assert "a sheet spans more than 2,500,000 cells" in html
    assert db_snapshot() == before


@pytest.mark.django_db
def test_an_upload_over_the_size_limit_is_dropped(officer_client, settings):
    client = officer_client
    settings.UPLIFT_MAX_UPLOAD_BYTES = 1000
    content = (GIAS_HEADER + GIAS_ROW * 100).encode()
    response = client.post(
        f"{reverse('imports:upload')}?importer=gias",
        {"importer": "gias", "file": SimpleUploadedFile("edubase.csv", content)},
    )
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert (run.status, run.file_name, run.via) == (RunStatus.REJECTED, "edubase.csv", "web")
    assert "larger than the 1,000 bytes an import may be" in run.errors[0]["reason"]
    html = client.get(response["Location"]).content.decode()
    assert "The file was rejected and nothing was saved" in html


def test_a_control_character_in_parquet_is_named(tmp_path):
    path = tmp_path / "lait.parquet"
    values = ["12.13", "10.79", "24\x0094"]
    pq.write_table(pa.table({"Short Desc": ["RTA"] * 3, "Values": values}), path)
    with pytest.raises(FileRejected) as caught:
        read_table(path)
    (error,) = caught.value.errors
    assert (error.row, error.column, error.value) == (4, "Values", "24\x0094")
    assert "control character (U+0000)" in error.reason
