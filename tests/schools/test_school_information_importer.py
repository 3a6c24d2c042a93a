"""`uplift import school-information`: DfE's 2017-18 school information spine, real and broken."""

import csv
import io
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from uplift.imports.models import ImportRun, RunStatus
from uplift.schools.models import Establishment, LocalAuthority, PhaseGroup, RegisterSource

REAL_FILE = "dfe_performance_tables_2017-18_england_spine_school_information.xlsx"
SLICE_LAS = {201.0, 919.0}  # City of London and Hertfordshire: 600 rows and a few


@pytest.fixture(scope="module")
def real_rows(request):
    """The real workbook's header and the rows of two LAs, as calamine reads them."""
    from django.conf import settings
    from python_calamine import CalamineWorkbook

    path = settings.UPLIFT_SHARED_DATA / REAL_FILE
    if not path.is_file():
        pytest.skip(f"real public file {REAL_FILE} not found")
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return rows[0], [row for row in rows[1:] if row[1] in SLICE_LAS]


@pytest.fixture
def real_slice(raw_file, real_rows, tmp_path):
    """A slice of the real workbook, saved as XLSX with its cells as they were."""
    openpyxl = pytest.importorskip("openpyxl")
    raw_file(REAL_FILE)
    header, rows = real_rows
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "england"
    sheet.append(header)
    for row in rows:
        sheet.append([None if value == "" else value for value in row])
    path = tmp_path / "2017-2018_england_spine.xlsx"
    workbook.save(path)
    return path


def run(path, *args) -> str:
    out = io.StringIO()
    call_command(
        "import", "school-information", str(path), "--no-progress", *args, stdout=out,
        stderr=io.StringIO(),
    )  # fmt: skip
    return out.getvalue()


def rejected(path) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command(
            "import", "school-information", str(path), "--no-progress", stdout=io.StringIO(),
            stderr=err,
        )  # fmt: skip
    assert caught.value.returncode == 1
    return err.getvalue()


HEADER = [
    "URN",
    "LA",
    "ESTAB",
    "LAESTAB",
    "SCHNAME",
    "TOWN",
    "POSTCODE",
    "ICLOSE",
    "OPENDATE",
    "CLOSEDATE",
    "MINORGROUP",
    "NFTYPE",
    "ISPRIMARY",
    "ISSECONDARY",
    "ISPOST16",
    "AGEL",
    "AGEH",
    "RELDENOM",
    "ADMPOL",
]
ROWS = [
    [
        "117083", "919", "2000", "9192000", "Abbots Langley School", "Abbots Langley", "WD5 0BQ",
        "1", "", "", "Maintained School", "Community school", "1", "0", "0", "3", "11",
        "Does not apply", "Not recorded",
    ],
    [
        "117596", "919", "7001", "9197001", "Breakspeare School", "Abbots Langley", "WD5 0BU",
        "2", "", "31/08/2018", "Special School", "Community special school", "1", "1", "1", "2",
        "19", "Does not apply", "",
    ],
]  # fmt: skip


def spine_csv(write_file, rows=ROWS, header=HEADER, name="2017-2018_england_spine.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return write_file(name, buffer.getvalue())


def changed(row: int, **cells) -> list[list[str]]:
    rows = [list(r) for r in ROWS]
    for column, value in cells.items():
        rows[row][HEADER.index(column)] = value
    return rows


@pytest.mark.django_db
def test_real_workbook_slice_imports_and_again_changes_nothing(real_slice, real_rows, db_snapshot):
    output = run(real_slice)
    count = len(real_rows[1])
    assert f"{count} rows read, {count} added" in output
    abbots = Establishment.objects.get(urn=117083)
    assert (abbots.name, abbots.la.code, abbots.laestab, abbots.establishment_number) == (
        "Abbots Langley School", "919", "9192000", "2000",
    )  # fmt: skip
    assert (abbots.type_name, abbots.type_group, abbots.phase, abbots.phase_group) == (
        "Community school", "Maintained School", "Primary", PhaseGroup.PRIMARY,
    )  # fmt: skip
    assert (abbots.statutory_low_age, abbots.statutory_high_age, abbots.status) == (3, 11, "Open")
    assert (abbots.religious_character, abbots.admissions_policy) == (
        "Does not apply", "Not recorded",
    )  # fmt: skip
    assert abbots.register_source == RegisterSource.SCHOOL_INFORMATION
    assert abbots.named_by == "DfE school information 2017/18"
    closed = Establishment.objects.filter(la__code="919", status="Closed")
    assert closed.exists() and not closed.filter(close_date__isnull=True).exists()
    assert LocalAuthority.objects.get(code="201").name == "City of London"
    specials = Establishment.objects.filter(type_name__icontains="special", la__code="919")
    assert specials and {s.phase_group for s in specials} == {PhaseGroup.SPECIAL}
    assert {s.phase for s in specials} == {""}

    before = db_snapshot()
    assert f"0 added, 0 updated, {count} unchanged" in run(real_slice)
    assert db_snapshot() == before


@pytest.mark.django_db
def test_demo_subset_is_the_real_rows_of_hertfordshire(real_rows):
    """The shipped demo file holds the real workbook's LA 919 rows, cell for cell."""
    from uplift.demo.data_files import DEMO_FILES
    from uplift.imports.reading import cell_text, read_table

    demo = next(f for f in DEMO_FILES if f.importer == "school-information")
    table = read_table(demo.path)
    header, rows = real_rows
    herts = [[cell_text(v) for v in row] for row in rows if row[1] == 919.0]
    assert table.header == header
    assert [list(row) for row in table.rows] == herts


@pytest.mark.django_db
def test_it_fills_gaps_and_keeps_what_newer_sources_gave(write_file):
    herts = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    Establishment.objects.create(
        urn=117083, la=herts, name="Abbots Langley School (GIAS)", status="Open",
        register_source=RegisterSource.GIAS, name_source=RegisterSource.GIAS,
    )  # fmt: skip
    Establishment.objects.create(
        urn=117596, la=herts, name="", type_name="State-funded special school",
        register_source=RegisterSource.PERFORMANCE,
    )  # fmt: skip
    output = run(spine_csv(write_file))
    assert "0 added, 2 updated" in output and "1 named by this file" in output
    gias = Establishment.objects.get(urn=117083)
    assert (gias.name, gias.status, gias.named_by) == (
        "Abbots Langley School (GIAS)", "Open", "Get Information About Schools",
    )  # fmt: skip
    assert (gias.statutory_low_age, gias.statutory_high_age, gias.laestab) == (3, 11, "9192000")
    named = Establishment.objects.get(urn=117596)
    assert (named.name, named.type_name, named.status, named.close_date) == (
        "Breakspeare School", "State-funded special school", "Closed", date(2018, 8, 31),
    )  # fmt: skip
    assert named.named_by == "DfE school information 2017/18"
    assert named.register_source == RegisterSource.PERFORMANCE


@pytest.mark.django_db
def test_new_schools_skip_adds_no_school(write_file):
    herts = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    Establishment.objects.create(urn=117083, la=herts, name="", register_source="performance")
    output = run(spine_csv(write_file), "--new-schools", "skip")
    assert "1 not in the register left out" in output
    assert list(Establishment.objects.values_list("urn", "name")) == [
        (117083, "Abbots Langley School")
    ]


@pytest.mark.django_db
def test_a_later_edition_updates_the_schools_it_added(write_file):
    run(spine_csv(write_file))
    renamed = changed(0, SCHNAME="Abbots Langley Primary School")
    output = run(spine_csv(write_file, renamed, name="2018-2019_england_spine.csv"))
    assert "1 updated" in output
    school = Establishment.objects.get(urn=117083)
    assert school.named_by == "DfE school information 2018/19"


@pytest.mark.django_db
def test_phase_from_the_flags():
    from uplift.schools.importers.school_information import phase_words

    assert [phase_words(*flags) for flags in [(1, 0, 0), (0, 1, 1), (1, 1, 0), (0, 0, 1)]] == [
        "Primary", "Secondary", "All-through", "16 plus",
    ]  # fmt: skip


BROKEN = {
    "missing_column": (HEADER[:4] + HEADER[5:], [r[:4] + r[5:] for r in ROWS], "'SCHNAME'"),
    "bad_urn": (HEADER, changed(1, URN="11759"), "row 3, column 'URN', value '11759': not a URN"),
    "bad_la": (HEADER, changed(0, LA="Herts"), "row 2, column 'LA', value 'Herts'"),
    "laestab_of_another_la": (
        HEADER,
        changed(0, LAESTAB="8502000"),
        "does not start with the school's LA code 919",
    ),
    "bad_date": (HEADER, changed(1, CLOSEDATE="31/02/2018"), "column 'CLOSEDATE'"),
    "ages_inverted": (HEADER, changed(0, AGEL="11", AGEH="3"), "the lowest age (11) is above"),
    "bad_close_code": (HEADER, changed(0, ICLOSE="9"), "not a closure code"),
    "no_name": (HEADER, changed(1, SCHNAME=""), "row 3, column 'SCHNAME': a value is required"),
    "duplicate": (HEADER, [ROWS[0], ROWS[0]], "URN 117083 is on row 2 and row 3"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_files_are_rejected_change_nothing_and_are_recorded(case, write_file, db_snapshot):
    run(spine_csv(write_file, ROWS[:1]))
    before = db_snapshot()
    header, rows, message = BROKEN[case]
    assert message in rejected(spine_csv(write_file, rows, header, name=f"{case}.csv"))
    assert db_snapshot() == before
    last = ImportRun.objects.latest("id")
    assert (last.importer, last.status, last.file_name) == (
        "school-information", RunStatus.REJECTED, f"{case}.csv",
    )  # fmt: skip
