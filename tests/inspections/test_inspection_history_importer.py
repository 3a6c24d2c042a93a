"""`uplift import inspection-history`: Ofsted's graded-inspection timelines, real and broken."""

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from uplift.imports.models import ImportRun, RunStatus
from uplift.imports.services import run_import
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource
from uplift.schools.models import Establishment

REAL = "ofsted_inspection_history_scraped_2005-09_to_2017-08.csv"
SLICE_ROWS = 400
EIF_2021 = Path(__file__).parent / "files" / "ofsted_mi_eif_2021-08_full_and_section8.csv"


def run(path) -> str:
    out = io.StringIO()
    call_command(
        "import", "inspection-history", str(path), "--no-progress", stdout=out,
        stderr=io.StringIO(),
    )  # fmt: skip
    return out.getvalue()


def rejected(path) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command(
            "import", "inspection-history", str(path), "--no-progress", stdout=io.StringIO(),
            stderr=err,
        )  # fmt: skip
    assert caught.value.returncode == 1
    return err.getvalue()


def day(text: str) -> date:
    return date(int(text[:4]), int(text[4:6]), int(text[6:]))


def register(*urns: int) -> None:
    Establishment.objects.bulk_create(Establishment(urn=urn, name=f"School {urn}") for urn in urns)


def history_csv(write_file, rows, header=("URN", "Rating", "Inspection Date"), name="h.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return write_file(name, buffer.getvalue())


@pytest.fixture
def real_slice(raw_file, tmp_path):
    """The real file's header and first rows, byte for byte."""
    lines = raw_file(REAL).read_bytes().splitlines(keepends=True)
    path = tmp_path / "ofsted_inspection_history_slice.csv"
    path.write_bytes(b"".join(lines[: SLICE_ROWS + 1]))
    return path


@pytest.mark.django_db
def test_real_slice_imports_with_frameworks_and_again_changes_nothing(real_slice, db_snapshot):
    with open(real_slice, newline="") as handle:
        rows = list(csv.DictReader(handle))
    urns = sorted({int(row["URN"]) for row in rows})
    register(*urns[1:])  # the first school is not in the register
    skipped = sum(1 for row in rows if int(row["URN"]) == urns[0])
    output = run(real_slice)
    assert f"{skipped} rows of 1 schools not in the register skipped" in output
    stored = Inspection.objects.filter(source=InspectionSource.HISTORY)
    assert stored.count() == len(rows) - skipped
    assert set(stored.values_list("kind", flat=True)) == {InspectionKind.GRADED}
    school = Establishment.objects.get(urn=urns[1])
    mine = [r for r in rows if int(r["URN"]) == urns[1]]
    expected = [(day(r["Inspection Date"]), r["Rating"]) for r in mine]
    found = school.inspections.order_by("-start_date").values_list("start_date", "outcome")
    assert list(found) == expected
    by_date = {i.start_date: i for i in stored}
    words = {"Outstanding": 1, "Good": 2, "Satisfactory": 3, "Requires Improvement": 3}
    words["Inadequate"] = 4
    for inspection in by_date.values():
        assert inspection.overall_grade == words[inspection.outcome]
        first_framework = inspection.start_date < date(2009, 9, 1)
        assert (inspection.framework == "2005") == first_framework
    assert inspection.import_run.importer == "inspection-history"

    before = db_snapshot()
    assert "0 added, 0 updated" in run(real_slice)
    assert db_snapshot() == before


@pytest.mark.django_db
def test_column_names_in_any_case_and_grades_as_numbers(write_file):
    register(100000)
    path = history_csv(
        write_file,
        [["100000", "2013-04-18", "1", "10000123"], ["100000", "26/09/2008", "2", ""]],
        header=("urn", "inspection_start_date", "Overall Effectiveness", "Inspection number"),
    )
    run(path)
    found = dict(Inspection.objects.values_list("start_date", "overall_grade"))
    assert found == {date(2013, 4, 18): 1, date(2008, 9, 26): 2}
    assert Inspection.objects.get(start_date=date(2013, 4, 18)).inspection_number == "10000123"
    assert Inspection.objects.get(start_date=date(2013, 4, 18)).framework == "2012"


@pytest.mark.django_db
def test_an_inspection_already_known_is_not_stored_twice(write_file):
    register(100000)
    school = Establishment.objects.get(urn=100000)
    Inspection.objects.create(
        establishment=school, inspection_number="10000123", framework="2012",
        kind=InspectionKind.GRADED, start_date=date(2013, 4, 18), overall_grade=1,
        source=InspectionSource.OFSTED_MI,
    )  # fmt: skip
    Inspection.objects.create(
        establishment=school, framework="2005", kind=InspectionKind.GRADED,
        start_date=date(2008, 9, 26), overall_grade=1,
        source=InspectionSource.PERFORMANCE_TABLES,
    )  # fmt: skip
    rows = [
        ["100000", "Outstanding", "20130418", ""],  # same date as Ofsted MI's
        ["100000", "Outstanding", "20080926", ""],  # same date as the performance tables'
        ["100000", "Good", "20120101", "10000123"],  # Ofsted MI's inspection number
        ["100000", "Good", "20050921", ""],
    ]
    output = run(
        history_csv(write_file, rows, ("URN", "Rating", "Inspection Date", "Inspection ID"))
    )
    assert "1 inspections added" in output and "3 already known" in output
    assert Inspection.objects.count() == 3


@pytest.mark.django_db
def test_ofsted_mi_supersedes_the_same_inspection_from_a_history(write_file):
    register(990101)
    run(history_csv(write_file, [["990101", "Good", "20170314"]]))
    run_import(importer_name="ofsted", path=EIF_2021)
    school = Establishment.objects.get(urn=990101)
    on_the_day = school.inspections.filter(start_date=date(2017, 3, 14))
    assert list(on_the_day.values_list("source", "inspection_number")) == [
        (InspectionSource.OFSTED_MI, "10023456")
    ]
    assert "1 already known" in run(history_csv(write_file, [["990101", "Good", "20170314"]]))
    assert on_the_day.count() == 1


@pytest.mark.django_db
def test_a_changed_grade_updates_the_history_record_and_repeats_are_read_once(write_file):
    register(133646)
    rows = [["133646", "Inadequate", "20141008"], ["133646", "Inadequate", "20141008"]]
    assert "1 repeated rows read once" in run(history_csv(write_file, rows))
    assert "1 updated" in run(history_csv(write_file, [["133646", "4", "20141008"]]))
    assert Inspection.objects.get().outcome == "4"


@pytest.mark.django_db
def test_rows_before_september_2005_are_counted_not_stored(write_file):
    register(100000)
    output = run(history_csv(write_file, [["100000", "Good", "20040301"]]))
    assert "1 before September 2005 not stored" in output
    assert not Inspection.objects.exists()


GOOD = ["100000", "Good", "20130418"]
BROKEN = {
    "missing_grade_column": (
        ("URN", "Inspection Date"), [["100000", "20130418"]], "no column for the grade",
    ),
    "bad_urn": (None, [GOOD, ["10000x", "Good", "20130418"]], "row 3, column 'URN'"),
    "bad_grade": (None, [["100000", "Very good", "20130418"]], "not a grade"),
    "no_grade": (None, [["100000", "", "20130418"]], "a value is required"),
    "ungraded": (None, [["100000", "9", "20130418"]], "a graded inspection needs its grade"),
    "bad_date": (None, [["100000", "Good", "20131318"]], "column 'Inspection Date'"),
    "no_overall_grade_then": (None, [["100000", "Good", "20250301"]], "no overall grade"),
    "two_grades_one_day": (
        None, [GOOD, ["100000", "Outstanding", "20130418"]], "another grade (Good)",
    ),
}  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_files_are_rejected_change_nothing_and_are_recorded(case, write_file, db_snapshot):
    register(100000)
    run(history_csv(write_file, [["100000", "Good", "20080926"]], name="good.csv"))
    before = db_snapshot()
    header, rows, message = BROKEN[case]
    path = history_csv(
        write_file, rows, header or ("URN", "Rating", "Inspection Date"), f"{case}.csv"
    )
    assert message in rejected(path)
    assert db_snapshot() == before
    last = ImportRun.objects.latest("id")
    assert (last.importer, last.status) == ("inspection-history", RunStatus.REJECTED)
