"""`uplift import neighbours`: the real DfE workbook, a small CSV edition and broken files."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from uplift.imports.errors import FileRejected
from uplift.imports.services import run_import
from uplift.schools.models import LocalAuthority, StatisticalNeighbour

SMALL = Path(__file__).parent / "files_neighbours" / "neighbours_small.csv"
REAL = "lait_statistical_neighbours_may2025.xlsx"
HEADER = "LA num,LA Name,LA number,GOInd,GOReg," + ",".join(
    f"SN{rank},SNP" for rank in range(1, 11)
)


def import_neighbours(path, *args):
    call_command("import", "neighbours", str(path), "--no-progress", *args)


def neighbours_of(code, edition):
    return list(
        StatisticalNeighbour.objects.filter(la__code=code, edition=edition)
        .order_by("rank")
        .values_list("rank", "neighbour__code", "closeness")
    )


def read_real(path):
    """LA rows of the workbook, read with openpyxl independently of the importer."""
    from openpyxl import load_workbook

    sheet = load_workbook(path, read_only=True)["LA SN Groups"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2][:2] == ("LA num", "LA Name")
    return {row[0]: row for row in rows[3:] if isinstance(row[0], int)}


@pytest.mark.real_data
@pytest.mark.django_db
def test_real_workbook(raw_file, db_snapshot):
    path = raw_file(REAL)
    rows = read_real(path)

    run = run_import(importer_name="neighbours", path=path)

    edition = "lait_statistical_neighbours_may2025"
    assert run.rows_read == len(rows) == 158  # 153 LAs, then 5 under "Old SNs:"
    assert StatisticalNeighbour.objects.filter(edition=edition).count() == len(rows) * 10
    herts = rows[919]
    expected = [(rank, f"{herts[3 + 2 * rank]:03d}", herts[4 + 2 * rank]) for rank in range(1, 11)]
    assert neighbours_of("919", edition) == expected
    assert expected[0] == (1, "931", "Very close")
    cumbria = neighbours_of("909", edition)  # under "Old SNs:"; 'Very Close' spelt so there
    assert cumbria[0] == (1, "925", "Extremely close") and len(cumbria) == 10
    assert LocalAuthority.objects.count() == len(rows)
    assert LocalAuthority.objects.get(code="301").region == "London (Outer)"

    before = db_snapshot()
    again = run_import(importer_name="neighbours", path=path)
    assert (again.rows_added, again.rows_updated, again.rows_unchanged) == (0, 0, len(rows))
    assert db_snapshot() == before


@pytest.mark.django_db
def test_small_csv_edition_with_header_on_row_3(db_snapshot):
    LocalAuthority.objects.create(code="931", name="Oxon (as entered)", region="")

    run = run_import(importer_name="neighbours", path=SMALL, options={"edition": "test"})

    assert run.rows_read == 3
    herts = neighbours_of("919", "test")
    assert [code for _, code, _ in herts] == "931 825 873 867 938 305 850 358 916 869".split()
    assert {closeness for _, _, closeness in herts} == {"Very close"}
    assert neighbours_of("874", "test") == [
        (1, "821", "Close"),
        (2, "883", "Close"),
        (3, "882", "Somewhat close"),
    ]
    assert len(neighbours_of("928", "test")) == 2
    oxon = LocalAuthority.objects.get(code="931")
    assert (oxon.name, oxon.region) == ("Oxon (as entered)", "")  # no row of its own
    assert LocalAuthority.objects.get(code="919").region == "East of England"
    assert LocalAuthority.objects.get(code="825").name == "Buckinghamshire"  # code list

    before = db_snapshot()
    again = run_import(importer_name="neighbours", path=SMALL, options={"edition": "test"})
    assert (again.rows_added, again.rows_updated, again.rows_unchanged) == (0, 0, 3)
    assert db_snapshot() == before


@pytest.mark.django_db
def test_header_on_row_1_and_edition_from_file_name(write_file):
    text = SMALL.read_text().splitlines()
    path = write_file("sn_2024.csv", "\n".join(text[2:]) + "\n")

    import_neighbours(path)

    assert len(neighbours_of("919", "sn_2024")) == 10


@pytest.mark.django_db
def test_reimporting_an_edition_replaces_changed_ranks(write_file):
    run_import(importer_name="neighbours", path=SMALL, options={"edition": "test"})
    changed = SMALL.read_text().replace(
        "874,Peterborough,874,2,East of England,821,Close,883,Close,882,Somewhat close",
        "874,Peterborough,874,2,East of England,883,Very close,821,Close",
    )
    path = write_file("changed.csv", changed)

    run = run_import(importer_name="neighbours", path=path, options={"edition": "test"})

    assert neighbours_of("874", "test") == [(1, "883", "Very close"), (2, "821", "Close")]
    assert (run.rows_updated, run.rows_unchanged) == (1, 2)
    assert "Removed 1 ranks" in run.summary
    assert len(neighbours_of("919", "test")) == 10


@pytest.mark.django_db
def test_a_dropped_rank_alone_counts_as_an_update(write_file):
    run_import(importer_name="neighbours", path=SMALL, options={"edition": "test"})
    path = write_file("shorter.csv", SMALL.read_text().replace(",882,Somewhat close", ""))

    run = run_import(importer_name="neighbours", path=path, options={"edition": "test"})

    assert neighbours_of("874", "test") == [(1, "821", "Close"), (2, "883", "Close")]
    assert (run.rows_added, run.rows_updated, run.rows_unchanged) == (0, 1, 2)


@pytest.mark.django_db
def test_editions_are_kept_apart():
    import_neighbours(SMALL, "--edition", "may2024")
    import_neighbours(SMALL, "--edition", "may2025")

    assert len(neighbours_of("919", "may2024")) == len(neighbours_of("919", "may2025")) == 10


def row(**changes):
    """A ragged row: Hertfordshire with one neighbour, changed as the test needs."""
    cells = {"LA num": "919", "LA Name": "Hertfordshire", "LA number": "919", "GOInd": "2"}
    cells.update({"GOReg": "East of England", "SN1": "931", "SNP": "Close", **changes})
    return ",".join(cells[name] for name in HEADER.split(",")[:7])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.csv", "LA num,LA Name,GOReg\n919,Hertfordshire,EoE\n", "missing column"),
        ("la.csv", f"{HEADER}\n{row(**{'LA num': 'Herts'})}\n", "not a DfE LA code"),
        ("sn.csv", f"{HEADER}\n{row(SN1='Oxon')}\n", "not a DfE LA code"),
        ("self.csv", f"{HEADER}\n{row(SN1='919')}\n", "its own neighbour"),
        ("orphan.csv", f"{HEADER}\n{row(SN1='')}\n", "without a neighbour"),
        ("none.csv", f"{HEADER}\n{row(SN1='', SNP='')}\n", "no neighbours given"),
        ("twice.csv", f"{HEADER}\n{row()}\n{row()}\n", "already on row 2"),
        ("empty.csv", "", "the file is empty"),
        ("header.csv", f"{HEADER}\n", "no data rows"),
        ("lait.csv", "Short Desc,Data item,Years,LA and Regions,Values,LA Number\n", "missing"),
    ],
)
def test_broken_files_are_rejected_and_change_nothing(
    name, content, message, write_file, db_snapshot
):
    run_import(importer_name="neighbours", path=SMALL, options={"edition": "test"})
    before = db_snapshot()
    path = write_file(name, content)

    with pytest.raises(FileRejected) as rejected:
        run_import(importer_name="neighbours", path=path, options={"edition": "test"})
    assert message in " ".join(str(error) for error in rejected.value.errors)
    with pytest.raises(CommandError) as failed:
        import_neighbours(path, "--edition", "test")
    assert failed.value.returncode == 1
    assert db_snapshot() == before


@pytest.mark.django_db
def test_utf16_file_is_rejected(write_file, db_snapshot):
    before = db_snapshot()
    path = write_file("sn.csv", SMALL.read_text(), encoding="utf-16")

    with pytest.raises(CommandError) as failed:
        import_neighbours(path)
    assert failed.value.returncode == 1
    assert db_snapshot() == before


@pytest.mark.real_data
@pytest.mark.django_db
def test_the_lait_parquet_is_refused(raw_file, db_snapshot):
    before = db_snapshot()
    with pytest.raises(CommandError):
        import_neighbours(raw_file("lait_bds_long_la_indicators.parquet"))
    assert db_snapshot() == before
