"""`uplift import performance`: the real DfE downloads, small fixtures and broken files."""

import csv
import io
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from uplift.imports.models import ImportRun, RunStatus
from uplift.inspections.frameworks import framework_on
from uplift.inspections.models import Inspection
from uplift.performance.catalogue import measures_of
from uplift.performance.models import Result
from uplift.schools.models import Establishment, PhaseGroup, RegisterSource

FILES = Path(__file__).parent / "files"
REPO = Path(__file__).resolve().parents[2]
KS2_HERTS = "dfe_performance_tables_2023-24_ks2final_hertfordshire_919.csv"
KS4_HERTS = "dfe_performance_tables_2023-24_ks4final_hertfordshire_919.csv"
CENSUS_HERTS = "dfe_performance_tables_2023-24_census_hertfordshire_919.csv"
ABSENCE_HERTS = "dfe_performance_tables_2023-24_absence_hertfordshire_919.csv"
CENSUS_NATIONAL = "dfe_performance_tables_2018-19_census_national.csv"
ABSENCE_NATIONAL = "dfe_performance_tables_2018-19_absence_national.csv"
KS2_NATIONAL = "dfe_performance_tables_2018-19_ks2_national_subset_with_ofsted_scrape.csv"
KS4_NATIONAL = "dfe_performance_tables_2018-19_ks4_national_subset_with_ofsted_scrape.csv"
PRIOR_SUFFIXES = {"_23": "2022-23", "_22": "2021-22"}
GRADES = {"Outstanding": 1, "Good": 2, "Requires Improvement": 3, "Satisfactory": 3}

pytestmark = pytest.mark.django_db


def run_cli(path, dataset, year="2023-24") -> ImportRun:
    call_command(
        "import",
        "performance",
        str(path),
        "--dataset",
        dataset,
        "--year",
        year,
        "--no-progress",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    return ImportRun.objects.order_by("-id").first()


def rejected_errors(path, dataset, year="2023-24") -> list[dict]:
    with pytest.raises(CommandError) as raised:
        run_cli(path, dataset, year)
    assert raised.value.returncode == 1
    run = ImportRun.objects.order_by("-id").first()
    assert run.status == RunStatus.REJECTED
    return run.errors


# --- reading the real files independently -------------------------------------------------


def read_csv(path) -> tuple[list[str], list[dict]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, [dict(zip(header, row, strict=False)) for row in reader]


def yyyymmdd(text: str) -> date:
    return date(int(text[:4]), int(text[4:6]), int(text[6:]))


def is_summary(dataset: str, row: dict) -> bool:
    if dataset == "ks2":
        return row["RECTYPE"] in {"3", "4", "5"}
    if dataset == "ks4":
        return row["RECTYPE"] in {"4", "5", "7"}
    return row["URN"] in {"", "LA", "NAT"}


def catalogue_columns(header, dataset, year) -> dict[str, tuple[str, str]]:
    """Column -> (catalogue column, academic year), for the columns this file has."""
    columns = {}
    for spec in measures_of(dataset):
        if spec.source_column in header:
            columns[spec.source_column] = (spec.source_column, year)
        for suffix, prior in PRIOR_SUFFIXES.items():
            if spec.source_column + suffix in header:
                columns[spec.source_column + suffix] = (spec.source_column, prior)
    return columns


def filled_cells(rows, columns) -> int:
    return sum(1 for row in rows for column in columns if row.get(column, "").strip())


def check_counts(path, dataset, year, *, school_rows=None):
    """Results stored = filled cells of the catalogue's columns, school and summary rows
    apart; SUPP cells = results with the SUPP code, per column; no code has a number."""
    header, rows = read_csv(path)
    columns = catalogue_columns(header, dataset, year)
    schools = [r for r in rows if not is_summary(dataset, r)]
    if school_rows is not None:
        schools = [r for r in schools if school_rows(r)]
    summaries = [r for r in rows if is_summary(dataset, r)]
    results = Result.objects.filter(measure__dataset=dataset)
    assert results.filter(level="school").count() == filled_cells(schools, columns)
    assert results.exclude(level="school").count() == filled_cells(summaries, columns)
    for column, (source_column, academic_year) in columns.items():
        supp_cells = sum(1 for r in schools if r.get(column, "").strip() == "SUPP")
        supp_results = results.filter(
            level="school",
            measure__source_column=source_column,
            academic_year=academic_year,
            suppression="SUPP",
        )
        assert supp_results.count() == supp_cells, column
    assert not results.exclude(suppression="").exclude(value=None).exists()
    return rows


def result(code, year, subject_key, segment="") -> Result:
    return Result.objects.get(
        measure__code=code, academic_year=year, subject_key=subject_key, segment=segment
    )


def assert_second_run_changes_nothing(path, dataset, year, db_snapshot, *, rows_kept):
    before = db_snapshot()
    again = run_cli(path, dataset, year)
    assert (again.rows_added, again.rows_updated) == (0, 0)
    assert again.rows_unchanged == rows_kept
    assert db_snapshot() == before


# --- the real files -------------------------------------------------------------------------


def test_ks2_herts_schools_comparators_and_prior_years(raw_file, db_snapshot):
    path = raw_file(KS2_HERTS)
    run = run_cli(path, "ks2")
    rows = check_counts(path, "ks2", "2023-24")
    assert run.rows_added == len(rows) == 382

    la = result("ks2.PTRWM_EXP", "2023-24", "la:919", "state-funded")
    assert (la.level, la.value, la.la.code, la.la.name) == ("la", 63, "919", "Hertfordshire")
    assert result("ks2.PTRWM_EXP", "2023-24", "england", "state-funded").value == 61
    assert result("ks2.TELIG", "2023-24", "england", "all schools").value == 665887
    assert result("ks2.TELIG", "2023-24", "england", "state-funded").value == 662983
    assert result("ks2.PTRWM_EXP", "2022-23", "la:919", "state-funded").value == 61
    assert result("ks2.READPROG", "2022-23", "la:919", "state-funded").value == Decimal("0.4")
    assert not Result.objects.filter(measure__code="ks2.READPROG", academic_year="2023-24")

    school = Establishment.objects.get(urn=149741)
    assert (school.la.code, school.laestab, school.establishment_number) == (
        "919",
        "9193391",
        "3391",
    )
    assert (school.type_name, school.phase_group) == ("Academy converter", PhaseGroup.PRIMARY)
    assert school.register_source == RegisterSource.PERFORMANCE
    assert result("ks2.PTRWM_EXP", "2023-24", "urn:149741").establishment == school
    specials = Establishment.objects.filter(type_name="Community special school")
    assert specials.count() == 14
    assert {s.phase_group for s in specials} == {PhaseGroup.SPECIAL}

    assert_second_run_changes_nothing(path, "ks2", "2023-24", db_snapshot, rows_kept=382)


def test_ks4_herts_comparators_and_short_rows(raw_file, db_snapshot):
    path = raw_file(KS4_HERTS)
    run = run_cli(path, "ks4")
    rows = check_counts(path, "ks4", "2023-24")
    assert run.rows_added == len(rows) == 133

    assert result("ks4.ATT8SCR", "2023-24", "la:919", "state-funded").value == Decimal("50.2")
    assert result("ks4.P8MEA", "2023-24", "la:919", "state-funded").value == Decimal("0.19")
    assert result("ks4.ATT8SCR", "2023-24", "england", "state-funded").value == Decimal("45.9")
    assert result("ks4.P8MEA", "2023-24", "england", "state-funded").value == Decimal("-0.03")
    assert result("ks4.ATT8SCR", "2023-24", "england", "all schools").value == Decimal("44.2")
    assert result("ks4.PTL2BASICS_94", "2023-24", "la:919", "state-funded").value == Decimal("72.6")
    # The 24- and 26-field rows: schools with no results yet.
    for urn in (149078, 150656):
        assert Establishment.objects.get(urn=urn).la.code == "919"
        assert not Result.objects.filter(subject_key=f"urn:{urn}").exists()

    assert_second_run_changes_nothing(path, "ks4", "2023-24", db_snapshot, rows_kept=133)


def test_census_herts_shifted_summary_rows_and_na(raw_file, db_snapshot):
    path = raw_file(CENSUS_HERTS)
    run_cli(path, "census")
    rows = check_counts(path, "census", "2023-24")

    assert result("census.NOR", "2023-24", "la:919", "PRI").value == 103253
    assert result("census.NOR", "2023-24", "england", "PRI").value == 4614990
    assert result("census.PNUMFSMEVER", "2023-24", "la:919", "SPE").value == Decimal("44.9")
    assert result("census.PNUMFSMEVER", "2023-24", "england", "SEC").value == Decimal("27.3")
    independent = next(r for r in rows if r["SCHOOLTYPE"] == "Independent school")
    na = result("census.PNUMEAL", "2023-24", f"urn:{independent['URN']}")
    assert (na.value, na.suppression) == (None, "NA")
    school = Establishment.objects.get(urn=int(independent["URN"]))
    assert (school.pupils, school.type_name) == (int(independent["NOR"]), "Independent school")
    assert Establishment.objects.count() == 588

    assert_second_run_changes_nothing(path, "census", "2023-24", db_snapshot, rows_kept=594)


def test_absence_herts(raw_file, db_snapshot):
    path = raw_file(ABSENCE_HERTS)
    run_cli(path, "absence")
    check_counts(path, "absence", "2023-24")
    assert result("absence.PERCTOT", "2023-24", "la:919", "PRI").value == Decimal("5.4")
    assert result("absence.PPERSABS10", "2023-24", "la:919", "PRI").value == Decimal("13.4")
    assert result("absence.PERCTOT", "2023-24", "england", "SEC").value == Decimal("8.9")
    assert_second_run_changes_nothing(path, "absence", "2023-24", db_snapshot, rows_kept=518)


def test_census_national_in_bulk(raw_file):
    path = raw_file(CENSUS_NATIONAL)
    queries = []

    def count(execute, sql, *args):
        queries.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(count):
        run = run_cli(path, "census", "2018-19")
    rows = check_counts(path, "census", "2018-19")
    assert run.rows_read == len(rows) == 23942
    assert len(queries) < len(rows) / 5  # batches, never a query per row
    assert result("census.NOR", "2018-19", "england", "PRI").value == 4727089
    assert Establishment.objects.get(urn=100000).la.code == "201"
    assert Establishment.objects.count() == 23939

    count = Result.objects.count()
    again = run_cli(path, "census", "2018-19")
    assert (again.rows_added, again.rows_updated, again.rows_unchanged) == (0, 0, 23942)
    assert Result.objects.count() == count
    assert not Result.objects.filter(import_run=again).exists()


def test_absence_national_keeps_supp(raw_file):
    path = raw_file(ABSENCE_NATIONAL)
    run = run_cli(path, "absence", "2018-19")
    rows = check_counts(path, "absence", "2018-19")
    assert run.rows_read == len(rows) == 21217
    assert Result.objects.filter(suppression="SUPP").count() == 864
    assert result("absence.PERCTOT", "2018-19", "england", "SPE").value == Decimal("10.1")


@pytest.mark.parametrize(("file_name", "dataset"), [(KS2_NATIONAL, "ks2"), (KS4_NATIONAL, "ks4")])
def test_national_subsets_only_reach_registered_schools(raw_file, file_name, dataset):
    path = raw_file(file_name)
    _, rows = read_csv(path)
    registered = {int(r["URN"]) for i, r in enumerate(rows) if i % 3}
    Establishment.objects.bulk_create(
        [Establishment(urn=urn, name=f"Register name {urn}") for urn in registered]
    )
    run = run_cli(path, dataset, "2018-19")
    check_counts(path, dataset, "2018-19", school_rows=lambda r: int(r["URN"]) in registered)
    skipped = len(rows) - len(registered)
    assert f"{skipped} rows skipped" in run.summary
    assert Establishment.objects.count() == len(registered)

    kept = [r for r in rows if int(r["URN"]) in registered]
    rated = [r for r in kept if r["INSPECTIONDT"] and framework_on(yyyymmdd(r["INSPECTIONDT"]))]
    inspections = Inspection.objects.filter(source="performance_tables")
    assert inspections.count() == len(rated)
    sample = rated[0]
    inspection = inspections.get(urn_at_inspection=int(sample["URN"]))
    assert inspection.overall_grade == GRADES.get(sample["OFSTEDRATING"], 4)
    assert inspection.start_date == yyyymmdd(sample["INSPECTIONDT"])
    assert inspection.framework == framework_on(inspection.start_date).code
    assert (inspection.kind, inspection.inspection_number) == ("graded", "")
    school = Establishment.objects.get(urn=int(sample["URN"]))
    assert (school.name, school.town) == (f"Register name {school.urn}", sample["TOWN"])

    again = run_cli(path, dataset, "2018-19")
    assert (again.rows_added, again.rows_updated, again.rows_unchanged) == (0, 0, len(kept))
    assert inspections.count() == len(rated)


# --- small fixtures -----------------------------------------------------------------------------


def test_small_ks2_file_codes_prior_years_and_empty_cells():
    run = run_cli(FILES / "ks2_mini.csv", "ks2")
    assert run.rows_added == 7
    alpha = Result.objects.filter(subject_key="urn:900001", measure__code="ks2.PTRWM_EXP")
    assert {r.academic_year: r.value for r in alpha} == {
        "2023-24": 51,
        "2022-23": 48,
        "2021-22": 45,
    }
    beta = result("ks2.PTRWM_EXP", "2022-23", "urn:900002")
    assert (beta.value, beta.suppression, beta.suppression_meaning[:8]) == (None, "NE", "No entri")
    assert result("ks2.TELIG", "2023-24", "urn:900004").suppression == "NEW"
    assert result("ks2.READPROG", "2022-23", "urn:900003").suppression == "LOWCOV"
    assert not Result.objects.filter(subject_key="urn:900002", academic_year="2021-22")
    assert result("ks2.READPROG", "2022-23", "england", "state-funded").value == 0
    assert result("ks2.PTRWM_EXP", "2021-22", "la:919", "state-funded").value == 58
    assert Result.objects.filter(import_run=run).count() == Result.objects.count()


def test_existing_establishments_only_get_their_gaps_filled(write_file):
    Establishment.objects.create(urn=900001, name="Alpha (register)", town="Hitchin", pupils=205)
    run_cli(FILES / "census_mini.csv", "census")
    alpha = Establishment.objects.get(urn=900001)
    assert (alpha.name, alpha.pupils, alpha.register_source) == ("Alpha (register)", 205, "gias")
    assert (alpha.la.code, alpha.laestab, alpha.type_name) == (
        "919",
        "9192001",
        "State-funded primary",
    )
    assert alpha.phase_group == PhaseGroup.PRIMARY
    new = Establishment.objects.get(urn=900012)
    assert (new.pupils, new.phase_group, new.name) == (1200, PhaseGroup.SECONDARY, "")


def test_a_key_stage_type_code_refines_a_census_type_but_never_a_register_one():
    Establishment.objects.create(
        urn=900002,
        name="Beta",
        type_name="Foundation school",
        type_group="Local authority maintained schools",
    )
    run_cli(FILES / "census_mini.csv", "census")
    alpha = Establishment.objects.get(urn=900001)
    assert (alpha.type_name, alpha.type_group) == ("State-funded primary", "")
    run_cli(FILES / "ks2_mini.csv", "ks2")
    alpha.refresh_from_db()
    assert (alpha.type_name, alpha.type_group) == (
        "Community school",
        "Local authority maintained schools",
    )
    beta = Establishment.objects.get(urn=900002)  # GIAS named it: the KS2 code (ACC) is not used
    assert (beta.type_name, beta.type_group) == (
        "Foundation school",
        "Local authority maintained schools",
    )


def test_small_ofsted_columns(db_snapshot):
    Establishment.objects.bulk_create(
        [Establishment(urn=urn, name=str(urn)) for urn in (900001, 900002, 900005)]
    )
    run = run_cli(FILES / "ks2_ofsted_mini.csv", "ks2", "2018-19")
    assert "1 rows skipped" in run.summary
    assert "1 Ofsted ratings not kept: dated before the first" in run.summary
    inspection = Inspection.objects.get()
    assert (inspection.establishment.urn, inspection.start_date) == (900001, date(2019, 7, 2))
    assert (inspection.framework, inspection.overall_grade, inspection.outcome) == (
        "cif2015",
        2,
        "Good",
    )
    assert (inspection.import_run, inspection.source) == (run, "performance_tables")
    assert not Establishment.objects.filter(urn=900099).exists()
    before = db_snapshot()
    again = run_cli(FILES / "ks2_ofsted_mini.csv", "ks2", "2018-19")
    assert (again.rows_added, again.rows_updated, again.rows_unchanged) == (0, 0, 3)
    assert db_snapshot() == before


# --- broken files ----------------------------------------------------------------------------

KS2_TEXT = (FILES / "ks2_mini.csv").read_text()
CENSUS_TEXT = (FILES / "census_mini.csv").read_text()
OFSTED_TEXT = (FILES / "ks2_ofsted_mini.csv").read_text()


def without_column(text: str, column: str) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    position = rows[0].index(column)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        [cell for i, cell in enumerate(row) if i != position] for row in rows
    )
    return out.getvalue()


BROKEN = {
    "utf16": (KS2_TEXT.encode("utf-16"), "ks2", "", "UTF-16"),
    "missing_urn_column": (without_column(KS2_TEXT, "URN"), "ks2", "URN", "missing column"),
    "duplicated_urn": (
        KS2_TEXT + "1,919,2009,900001,Alpha Again,Hitchin,SG4 0AA,CY,30,50%\n",
        "ks2",
        "URN",
        "URN 900001 appears twice: rows 2 and 9",
    ),
    "duplicated_summary_row": (
        CENSUS_TEXT + CENSUS_TEXT.splitlines()[-1] + "\n",
        "census",
        "",
        "the England PRI summary row appears twice: rows 6 and 7",
    ),
    "bad_number": (KS2_TEXT.replace("51%", "5.1.2%"), "ks2", "PTRWM_EXP", "not a number"),
    "text_in_numeric_column": (
        KS2_TEXT.replace(",0.5\n", ",about average\n"),
        "ks2",
        "READPROG_23",
        "not a number",
    ),
    "unknown_record_type": (KS2_TEXT.replace("\n5,,", "\n9,,"), "ks2", "RECTYPE", "record type"),
    "empty": ("", "ks2", "", "empty"),
    "header_only": (KS2_TEXT.splitlines()[0] + "\n", "ks2", "", "no data rows"),
    "census_as_ks2": (CENSUS_TEXT, "ks2", "PTRWM_EXP", "right file"),
    "ks2_as_census": (KS2_TEXT, "census", "NOR", "right file"),
    "la_row_without_code": (
        CENSUS_TEXT.replace("PRI,919,", "PRI,,"),
        "census",
        "LA",
        "needs an LA code",
    ),
    "bad_date": (OFSTED_TEXT.replace("20190702", "20191345"), "ks2", "INSPECTIONDT", "date"),
    "rating_without_date": (
        OFSTED_TEXT.replace("Good,20190702", "Good,"),
        "ks2",
        "INSPECTIONDT",
        "required",
    ),
    "date_without_rating": (
        OFSTED_TEXT.replace("Good,20190702", ",20190702"),
        "ks2",
        "OFSTEDRATING",
        "required",
    ),
    "unknown_rating": (
        OFSTED_TEXT.replace("Good,20190702", "Excellent,20190702"),
        "ks2",
        "OFSTEDRATING",
        "not an Ofsted grade",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_file_is_rejected_and_changes_nothing(case, write_file, db_snapshot):
    content, dataset, column, reason = BROKEN[case]
    run_cli(FILES / "ks2_mini.csv", "ks2")  # something in the database to keep
    before = db_snapshot()
    path = write_file(f"{case}.csv", content)
    errors = rejected_errors(path, dataset)
    assert any(column in e["column"] and reason in e["reason"] for e in errors), errors
    assert db_snapshot() == before


def test_year_that_is_not_an_academic_year_is_rejected(db_snapshot):
    before = db_snapshot()
    errors = rejected_errors(FILES / "ks2_mini.csv", "ks2", year="2023-25")
    assert "should look like 2023-24" in errors[0]["reason"]
    assert db_snapshot() == before


@pytest.mark.parametrize(
    "arguments",
    [["--dataset", "ks2", "--year", "2023"], ["--year", "2023-24"]],
    ids=["year_2023", "no_dataset"],
)
def test_cli_refuses_bad_options_with_status_2(arguments, tmp_path):
    uplift = [sys.executable, "-m", "uplift.cli"]
    command = [*uplift, "import", "performance", str(FILES / "ks2_mini.csv")]
    env = {**os.environ, "UPLIFT_VAR_DIR": str(tmp_path)}
    done = subprocess.run(
        command + arguments, cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2, done.stderr
    assert ("2023-24" in done.stderr) or ("--dataset" in done.stderr)
