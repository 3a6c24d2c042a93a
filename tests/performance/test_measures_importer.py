"""`uplift import measures --mapping`: school-level files mapped onto catalogue measures."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from uplift.imports.models import ImportRun, RunStatus
from uplift.performance.catalogue import BY_CODE
from uplift.performance.mappings import shipped_names
from uplift.performance.models import Result
from uplift.schools.models import Establishment

KS2 = "dfe_performance_tables_ks2_key_measures_england_2015-16_and_2016-17.csv"
KS4 = "dfe_performance_tables_ks4_key_measures_england_2015-16_and_2016-17.csv"
CFR = "dfe_cfr_maintained_schools_income_expenditure_2014_to_2017.csv"
SLICE_ROWS = 150


def run(path, mapping) -> str:
    out = io.StringIO()
    call_command(
        "import", "measures", str(path), "--mapping", str(mapping), "--no-progress",
        stdout=out, stderr=io.StringIO(),
    )  # fmt: skip
    return out.getvalue()


def rejected(path, mapping) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command(
            "import", "measures", str(path), "--mapping", str(mapping), "--no-progress",
            stdout=io.StringIO(), stderr=err,
        )  # fmt: skip
    assert caught.value.returncode == 1
    return err.getvalue()


def real_slice(raw_file, tmp_path, name: str, tail: int = 0):
    """The real file's header, first rows and (optionally) last rows, byte for byte."""
    lines = raw_file(name).read_bytes().splitlines(keepends=True)
    path = tmp_path / name
    path.write_bytes(b"".join(lines[: SLICE_ROWS + 1] + (lines[-tail:] if tail else [])))
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return path, list(csv.DictReader(handle))


def register(urns) -> None:
    Establishment.objects.bulk_create(
        Establishment(urn=urn, name=f"School {urn}") for urn in sorted(set(urns))
    )


def value(urn: int, code: str, year: str):
    result = Result.objects.get(establishment__urn=urn, measure__code=code, academic_year=year)
    return result.value if result.value is not None else result.suppression


def test_shipped_mappings_load():
    from uplift.performance.mappings import load_mapping

    assert shipped_names() == ["cfr-income-expenditure", "ks2-key-measures", "ks4-key-measures"]
    for name in shipped_names():
        assert load_mapping(name).measures


@pytest.mark.django_db
def test_real_ks2_slice_through_its_mapping_and_again_changes_nothing(
    raw_file, tmp_path, db_snapshot
):
    path, rows = real_slice(raw_file, tmp_path, KS2)
    register(int(row["URN"]) for row in rows[1:])
    output = run(path, "ks2-key-measures")
    assert "1 rows of 1 schools not in the register skipped" in output
    second = rows[1]
    urn = int(second["URN"])
    assert second["Academic Year"] == "2016"
    assert value(urn, "ks2.PTREAD_EXP", "2015-16") == Decimal(second["Reading Meet Std"][:-1])
    assert value(urn, "ks2.READPROG", "2015-16") == Decimal(second["Reading Progress"])
    assert value(urn, "ks2.TELIG", "2015-16") == Decimal(second["KS2 Pupils"])
    assert not Result.objects.filter(establishment__urn=int(rows[0]["URN"])).exists()
    before = db_snapshot()
    again = run(path, "ks2-key-measures")
    assert "rows with new results 0, with changed results 0" in again
    assert db_snapshot() == before


@pytest.mark.django_db
def test_real_ks4_slice(raw_file, tmp_path):
    path, rows = real_slice(raw_file, tmp_path, KS4)
    register(int(row["URN"]) for row in rows)
    run(path, "ks4-key-measures")
    row = next(r for r in rows if r["Progress 8"] and r["Eng Maths Grade 5"])
    urn = int(row["URN"])
    assert value(urn, "ks4.P8MEA", "2015-16") == Decimal(row["Progress 8"])
    assert value(urn, "ks4.PTL2BASICS_95", "2015-16") == Decimal(row["Eng Maths Grade 5"][:-1])


@pytest.mark.django_db
def test_real_cfr_slice_with_its_rows_without_a_school(raw_file, tmp_path):
    path, rows = real_slice(raw_file, tmp_path, CFR, tail=3)
    assert [r["URN"] for r in rows[-2:]] == ["nan", "nan"]
    register(int(row["URN"]) for row in rows if row["URN"] != "nan")
    output = run(path, "cfr-income-expenditure")
    assert "2 rows without a school skipped" in output
    first = rows[0]
    urn = int(first["URN"])
    assert value(urn, "cfr.INCOME", "2013-14") == Decimal(first["Income"])
    assert value(urn, "cfr.BALANCE", "2013-14") == Decimal(first["Balance"])
    assert BY_CODE["cfr.INCOME"].unit == "pounds"


HEADER = ["URN", "Year", "Reading", "Pupils"]


def small_file(write_file, rows, header=HEADER, name="mine.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return write_file(name, buffer.getvalue())


MAPPING = """
label = "Our own KS2 figures"
[year]
column = "Year"
means = "starting"
[[measures]]
column = "Reading"
measure = "ks2.PTREAD_EXP"
unit = "percent"
transform = "fraction"
[[measures]]
column = "Pupils"
measure = "ks2.TELIG"
unit = "count"
"""


@pytest.mark.django_db
def test_own_mapping_file_with_transforms_codes_and_years(write_file):
    register([100000, 100001])
    mapping = write_file("ours.toml", MAPPING)
    rows = [["100000", "2016", "0.725", "30"], ["100001", "2016-17", "SUPP", ""]]
    run(small_file(write_file, rows), mapping)
    assert value(100000, "ks2.PTREAD_EXP", "2016-17") == Decimal("72.5")
    assert value(100000, "ks2.TELIG", "2016-17") == 30
    assert value(100001, "ks2.PTREAD_EXP", "2016-17") == "SUPP"
    assert not Result.objects.filter(establishment__urn=100001, measure__code="ks2.TELIG")
    changed = [["100000", "2016", "0.8", "30"]]
    assert "with changed results 1" in run(small_file(write_file, changed), mapping)
    assert value(100000, "ks2.PTREAD_EXP", "2016-17") == 80


BROKEN_MAPPINGS = {
    "not toml": ("label = [", "not valid TOML"),
    "unknown measure": (MAPPING.replace("ks2.TELIG", "ks2.NOPE"), "key 'measures[2].measure'"),
    "wrong unit": (MAPPING.replace('"count"', '"percent"'), "ks2.TELIG is measured in count"),
    "no year": (MAPPING.replace('column = "Year"', ""), "key 'year'"),
    "bad transform": (MAPPING.replace('"fraction"', '"halve"'), "'halve' is not one of"),
    "unknown key": ("colour = 1\n" + MAPPING, "key 'colour'"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(BROKEN_MAPPINGS))
def test_a_broken_mapping_names_the_file_the_key_and_why(case, write_file, db_snapshot):
    register([100000])
    text, message = BROKEN_MAPPINGS[case]
    mapping = write_file("broken.toml", text)
    before = db_snapshot()
    output = rejected(small_file(write_file, [["100000", "2016", "0.7", "3"]]), mapping)
    assert "broken.toml" in output and message in output
    assert db_snapshot() == before
    assert ImportRun.objects.latest("id").status == RunStatus.REJECTED


def test_an_unknown_shipped_name_lists_the_shipped_ones(write_file):
    from uplift.performance.mappings import MappingError, load_mapping

    with pytest.raises(MappingError, match="ks2-key-measures"):
        load_mapping("ks3-key-measures")


BROKEN_FILES = {
    "missing column": (["URN", "Year", "Reading"], [["100000", "2016", "0.7"]], "'Pupils'"),
    "bad percentage": (HEADER, [["100000", "2016", "1.7", "3"]], "between 0 and 100"),
    "bad count": (HEADER, [["100000", "2016", "0.7", "3.5"]], "whole number"),
    "bad year": (HEADER, [["100000", "sixteen", "0.7", "3"]], "not an academic year"),
    "bad urn": (HEADER, [["10000", "2016", "0.7", "3"]], "not a URN"),
    "twice": (
        HEADER, [["100000", "2016", "0.7", "3"], ["100000", "2016-17", "0.7", "3"]],
        "has a row for 2016-17 already (row 2)",
    ),
}  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(BROKEN_FILES))
def test_broken_files_are_rejected_and_change_nothing(case, write_file, db_snapshot):
    register([100000])
    mapping = write_file("ours.toml", MAPPING)
    run(small_file(write_file, [["100000", "2015", "0.7", "3"]], name="good.csv"), mapping)
    before = db_snapshot()
    header, rows, message = BROKEN_FILES[case]
    assert message in rejected(small_file(write_file, rows, header), mapping)
    assert db_snapshot() == before
    last = ImportRun.objects.latest("id")
    assert (last.importer, last.status) == ("measures", RunStatus.REJECTED)
