"""`uplift import gias`: the GIAS establishment download, real and broken."""

import csv
import io
import subprocess
import sys
from collections import Counter
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from uplift.imports.models import ImportRun
from uplift.inspections.models import Inspection
from uplift.schools.models import (
    Establishment,
    GroupKind,
    GroupMembership,
    LocalAuthority,
    PhaseGroup,
    SchoolGroup,
)

REAL_FILE = "gias_establishments_extract_20220420_hampshire_surrey.csv"
HEADER = [
    "URN",
    "LA (code)",
    "LA (name)",
    "EstablishmentNumber",
    "EstablishmentName",
    "TypeOfEstablishment (name)",
    "EstablishmentTypeGroup (name)",
    "EstablishmentStatus (name)",
    "OpenDate",
    "CloseDate",
    "PhaseOfEducation (name)",
    "StatutoryLowAge",
    "StatutoryHighAge",
    "ReligiousCharacter (name)",
    "NumberOfPupils",
    "PercentageFSM",
    "Trusts (code)",
    "Trusts (name)",
    "Town",
    "Postcode",
    "OfstedRating (name)",
    "Linked establishments",
]
SCHOOLS = [
    [
        "117083", "919", "Hertfordshire", "2001", "Abbots Langley School",
        "Community school", "Local authority maintained schools", "Open", "", "",
        "Primary", "4", "11", "Does not apply", "412", "12.3", "", "", "Abbots Langley",
        "WD5 0BQ", "Good", "",
    ],
    [
        "137123", "919", "Hertfordshire", "5402", "Beaumont School",
        "Academy converter", "Academies", "Open", "01-08-2011", "",
        "Secondary", "11", "18", "None", "1226", "6.8", "TR00123", "ALBAN ACADEMIES TRUST",
        "St Albans", "AL4 0XB", "Outstanding", "117537 Predecessor",
    ],
    [
        "117596", "919", "Hertfordshire", "7001", "Breakspeare School",
        "Community special school", "Special schools", "Closed", "", "31-08-2020",
        "Not applicable", "2", "19", "Does not apply", "", "", "", "", "Abbots Langley",
        "WD5 0BU", "", "",
    ],
]  # fmt: skip


def gias_text(rows, header=HEADER) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def with_changes(row_index: int, changes: dict[str, str]) -> list[list[str]]:
    """SCHOOLS with some cells of one row changed, by column name."""
    rows = [list(row) for row in SCHOOLS]
    for column, value in changes.items():
        rows[row_index][HEADER.index(column)] = value
    return rows


def import_gias(path, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("import", "gias", str(path), "--no-progress", stdout=out, stderr=err, **options)
    return out.getvalue()


def rejected(path) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import", "gias", str(path), "--no-progress", stdout=io.StringIO(), stderr=err)
    assert caught.value.returncode == 1
    return err.getvalue()


def school_values() -> dict[int, dict]:
    return {
        values["urn"]: values
        for values in Establishment.objects.values(
            "urn", "la__code", "establishment_number", "laestab", "name", "type_name",
            "type_group", "phase", "phase_group", "status", "open_date", "close_date",
            "statutory_low_age", "statutory_high_age", "pupils", "percent_fsm", "trust__name",
            "postcode", "town", "religious_character", "register_source",
        )
    }  # fmt: skip


@pytest.mark.real_data
@pytest.mark.django_db
def test_real_file_imports_every_row_and_again_changes_nothing(raw_file, db_snapshot):
    output = import_gias(raw_file(REAL_FILE))
    assert "1096 rows read, 1096 added" in output
    assert Establishment.objects.count() == 1096
    las = {la.code: la.name for la in LocalAuthority.objects.all()}
    assert las == {"850": "Hampshire", "936": "Surrey"}
    by_la = Counter(Establishment.objects.values_list("la__code", flat=True))
    assert by_la == {"936": 576, "850": 520}
    statuses = Counter(Establishment.objects.values_list("status", flat=True))
    assert statuses == {"Open": 726, "Closed": 368, "Open, but proposed to close": 2}
    phases = Counter(Establishment.objects.values_list("phase", flat=True))
    assert phases == {"Primary": 1061, "Middle deemed primary": 31, "All-through": 4}
    groups = Counter(Establishment.objects.values_list("phase_group", flat=True))
    assert groups == {PhaseGroup.PRIMARY: 1092, PhaseGroup.ALL_THROUGH: 4}

    alton = Establishment.objects.get(urn=115850)
    assert (alton.name, alton.laestab, alton.la.code) == ("Alton Infant School", "8502000", "850")
    assert (alton.pupils, alton.percent_fsm) == (138, Decimal("21.70"))
    assert (alton.statutory_low_age, alton.statutory_high_age) == (4, 7)
    assert (alton.postcode, alton.town, alton.register_source) == ("GU34 1DH", "Alton", "gias")
    assert alton.trust is None
    # A closed school whose opening date GIAS gives as 01-01-1900 (unknown).
    closed = Establishment.objects.get(urn=115993)
    assert (closed.status, closed.open_date, closed.close_date) == (
        "Closed",
        None,
        date(2019, 3, 31),
    )
    # Ragged rows: extra `Linked establishments` fields spill past the header.
    ragged = Establishment.objects.get(urn=116018)
    assert ragged.laestab.startswith("850") and ragged.status

    trusts = SchoolGroup.objects.filter(kind=GroupKind.TRUST)
    assert trusts.count() == 50
    assert Establishment.objects.filter(trust__isnull=False).count() == 176
    assert trusts.get(name="GLF SCHOOLS").trust_establishments.count() == 20
    assert GroupMembership.objects.filter(group__kind=GroupKind.TRUST).count() == 176
    assert Inspection.objects.count() == 0  # GIAS's Ofsted columns are not inspections

    before = db_snapshot()
    assert "0 added, 0 updated, 1096 unchanged" in import_gias(raw_file(REAL_FILE))
    assert db_snapshot() == before
    assert ImportRun.objects.latest("id").rows_unchanged == 1096


@pytest.mark.django_db
def test_small_file_fields_and_laestab(write_file):
    import_gias(write_file("gias.csv", gias_text(SCHOOLS), "cp1252"))
    values = school_values()
    assert values[117083] == {
        "urn": 117083,
        "la__code": "919",
        "establishment_number": "2001",
        "laestab": "9192001",
        "name": "Abbots Langley School",
        "type_name": "Community school",
        "type_group": "Local authority maintained schools",
        "phase": "Primary",
        "phase_group": PhaseGroup.PRIMARY,
        "status": "Open",
        "open_date": None,
        "close_date": None,
        "statutory_low_age": 4,
        "statutory_high_age": 11,
        "pupils": 412,
        "percent_fsm": Decimal("12.30"),
        "trust__name": None,
        "postcode": "WD5 0BQ",
        "town": "Abbots Langley",
        "religious_character": "Does not apply",
        "register_source": "gias",
    }
    assert values[117596]["phase_group"] == PhaseGroup.SPECIAL
    assert values[117596]["close_date"] == date(2020, 8, 31)
    assert values[117596]["pupils"] is None
    trust = SchoolGroup.objects.get(kind=GroupKind.TRUST)
    assert (trust.name, trust.reference) == ("ALBAN ACADEMIES TRUST", "TR00123")
    assert values[137123]["trust__name"] == "ALBAN ACADEMIES TRUST"
    assert values[137123]["open_date"] == date(2011, 8, 1)


@pytest.mark.django_db
def test_gias_overwrites_what_it_gives_and_keeps_what_it_does_not(write_file):
    import_gias(write_file("gias.csv", gias_text(SCHOOLS)))
    changed = with_changes(0, {"EstablishmentName": "Abbots Langley Primary", "NumberOfPupils": ""})
    output = import_gias(write_file("gias2.csv", gias_text(changed)))
    assert "0 added, 1 updated, 2 unchanged" in output
    school = Establishment.objects.get(urn=117083)
    assert (school.name, school.pupils) == ("Abbots Langley Primary", None)
    # An edition without most columns changes only the fields it has.
    minimal = "URN,LA (code),EstablishmentName\r\n117083,919,Abbots Langley School\r\n"
    output = import_gias(write_file("minimal.csv", minimal))
    assert "0 added, 1 updated, 0 unchanged" in output
    school.refresh_from_db()
    assert (school.name, school.type_name, school.postcode) == (
        "Abbots Langley School",
        "Community school",
        "WD5 0BQ",
    )
    assert school.phase_group == PhaseGroup.PRIMARY


@pytest.mark.django_db
def test_a_school_that_changes_trust_leaves_the_old_one(write_file):
    import_gias(write_file("gias.csv", gias_text(SCHOOLS)))
    moved = with_changes(1, {"Trusts (code)": "TR00999", "Trusts (name)": "HERTS LEARNING TRUST"})
    import_gias(write_file("moved.csv", gias_text(moved)))
    school = Establishment.objects.get(urn=137123)
    assert school.trust.name == "HERTS LEARNING TRUST"
    memberships = {
        m.group.name: m.left_on for m in GroupMembership.objects.filter(establishment=school)
    }
    assert memberships == {
        "ALBAN ACADEMIES TRUST": timezone.localdate(),
        "HERTS LEARNING TRUST": None,
    }
    again = import_gias(write_file("moved.csv", gias_text(moved)))
    assert "3 unchanged" in again
    assert GroupMembership.objects.count() == 2


@pytest.mark.django_db
def test_a_renamed_trust_is_found_by_its_code(write_file):
    import_gias(write_file("gias.csv", gias_text(SCHOOLS)))
    trust = SchoolGroup.objects.get(kind=GroupKind.TRUST)
    renamed = with_changes(1, {"Trusts (name)": "ALBAN ACADEMIES TRUST LTD"})
    import_gias(write_file("renamed.csv", gias_text(renamed)))
    trust.refresh_from_db()
    assert (trust.name, trust.reference) == ("ALBAN ACADEMIES TRUST LTD", "TR00123")
    assert SchoolGroup.objects.count() == 1
    assert GroupMembership.objects.get().left_on is None


@pytest.mark.django_db
def test_establishment_outside_any_la(write_file):
    row = with_changes(
        0, {"LA (code)": "000", "LA (name)": "Does not apply", "EstablishmentNumber": ""}
    )[0]
    import_gias(write_file("gias.csv", gias_text([row])))
    school = Establishment.objects.get(urn=117083)
    assert (school.la, school.laestab, school.establishment_number) == (None, "", "")
    assert not LocalAuthority.objects.exists()


@pytest.mark.django_db
def test_windows_1252_accents_are_kept(write_file):
    rows = with_changes(0, {"EstablishmentName": "École Sainte\u2013Thérèse"})
    import_gias(write_file("gias.csv", gias_text(rows), "cp1252"))
    assert Establishment.objects.get(urn=117083).name == "École Sainte\u2013Thérèse"


@pytest.mark.django_db
def test_xlsx_edition_imports_the_same_as_csv(write_file, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    import_gias(write_file("gias.csv", gias_text(SCHOOLS)))
    from_csv = school_values()
    Establishment.objects.all().delete()

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    numeric = {"URN", "LA (code)", "EstablishmentNumber", "StatutoryLowAge", "StatutoryHighAge"}
    numeric |= {"NumberOfPupils"}
    for row in SCHOOLS:
        cells = []
        for column, value in zip(HEADER, row, strict=True):
            if value and column in numeric:
                value = int(value)
            elif value and column == "PercentageFSM":
                value = float(value)
            elif value and column in ("OpenDate", "CloseDate"):
                value = datetime.strptime(value, "%d-%m-%Y")
            cells.append(value or None)
        sheet.append(cells)
    path = tmp_path / "gias.xlsx"
    workbook.save(path)

    assert "3 added" in import_gias(path)
    assert school_values() == from_csv


BROKEN = {
    "utf16": (HEADER, SCHOOLS, "utf-16", "UTF-16"),
    "missing_column": (
        [c for c in HEADER if c != "EstablishmentName"],
        [r[:4] + r[5:] for r in SCHOOLS],
        "utf-8",
        "column 'EstablishmentName': missing column(s)",
    ),
    "duplicated_urn": (
        HEADER,
        [*SCHOOLS, with_changes(0, {"EstablishmentName": "Again"})[0]],
        "utf-8",
        "row 5, column 'URN', value '117083': URN 117083 is on row 2 and row 5",
    ),
    "bad_date": (
        HEADER,
        with_changes(1, {"OpenDate": "31-02-2011"}),
        "utf-8",
        "row 3, column 'OpenDate', value '31-02-2011': not a date",
    ),
    "text_in_number": (
        HEADER,
        with_changes(0, {"NumberOfPupils": "lots"}),
        "utf-8",
        "row 2, column 'NumberOfPupils', value 'lots': not a whole number",
    ),
    "bad_percentage": (
        HEADER,
        with_changes(0, {"PercentageFSM": "112.5"}),
        "utf-8",
        "row 2, column 'PercentageFSM', value '112.5': a percentage must be between 0 and 100",
    ),
    "bad_la_code": (
        HEADER,
        with_changes(2, {"LA (code)": "Herts"}),
        "utf-8",
        "row 4, column 'LA (code)', value 'Herts': not a DfE LA code",
    ),
    "missing_name": (
        HEADER,
        with_changes(2, {"EstablishmentName": ""}),
        "utf-8",
        "row 4, column 'EstablishmentName': a value is required",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_files_are_rejected_and_change_nothing(case, write_file, db_snapshot):
    import_gias(write_file("good.csv", gias_text(SCHOOLS[:1])))
    before = db_snapshot()
    header, rows, encoding, message = BROKEN[case]
    messages = rejected(write_file(f"{case}.csv", gias_text(rows, header), encoding))
    assert message in messages
    assert db_snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content,message",
    [
        ("", "the file is empty"),
        (gias_text([]), "the file has a header but no data rows"),
        (
            "URN,LinkURN,LinkName,LinkType,LinkEstablishedDate\r\n"
            "100006,134643,CCfL Key Stage 3 PRU,Predecessor - merged,01-01-2022\r\n",
            "missing column(s) that a GIAS establishments file has",
        ),
    ],
    ids=["empty", "header_only", "links_file"],
)
def test_empty_and_other_files_are_rejected(content, message, write_file, db_snapshot):
    before = db_snapshot()
    assert message in rejected(write_file("other.csv", content))
    assert db_snapshot() == before


@pytest.mark.parametrize(
    "args",
    [["/nonexistent"], [], ["gias.csv", "--no-such-option"]],
    ids=["no_such_file", "no_file", "bad_option"],
)
def test_usage_errors_exit_2(args, write_file):
    args = [str(write_file("gias.csv", gias_text(SCHOOLS))) if a == "gias.csv" else a for a in args]
    result = subprocess.run(
        [sys.executable, "-m", "uplift.cli", "import", "gias", *args],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2, result.stderr
