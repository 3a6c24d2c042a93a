"""`uplift import lait`: the real LAIT parquet, small CSV/XLSX editions and broken files."""

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from uplift.imports.errors import FileRejected
from uplift.imports.services import run_import
from uplift.performance.importers.lait import normalise_year
from uplift.performance.models import Level, Measure, Polarity, Result
from uplift.schools.models import LocalAuthority

FILES = Path(__file__).parent / "files_lait"
SMALL = FILES / "lait_small.csv"
REAL = "lait_bds_long_la_indicators.parquet"
HEADER = "Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region"


def import_lait(path, **options):
    call_command("import", "lait", str(path), "--no-progress", **options)


def result(short, year, subject_key):
    return Result.objects.get(
        measure__code=f"lait.{short}", academic_year=year, subject_key=subject_key
    )


@pytest.mark.parametrize(
    "text, year",
    [
        ("2024", "2024"),
        ("2013/14", "2013-14"),
        ("2016-17", "2016-17"),
        ("2016-17 (OT)", "2016-17"),
        ("2018 (Rev)", "2018"),
        ("2025 (prov)", "2025"),
        ("2014-16", "2014-16"),
        ("2013/14-15/16", "2013-16"),
        ("0", None),
        ("2016-16", None),
        ("last year", None),
        ("", None),
    ],
)
def test_years_are_normalised(text, year):
    assert normalise_year(text) == year


def read_real(path):
    """The real file as plain rows, read with pyarrow independently of the importer."""
    import pyarrow.parquet as pq

    columns = pq.read_table(path).to_pydict()
    return [
        dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)
    ]


def is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


@pytest.mark.real_data
@pytest.mark.django_db
def test_real_file_imports_every_row_and_a_second_run_changes_nothing(
    raw_file, django_assert_max_num_queries
):
    path = raw_file(REAL)
    rows = read_real(path)
    placeholders = [r for r in rows if r["Years"] == "0"]
    stored = [r for r in rows if r["Years"] != "0"]
    assert len(rows) == 641_070 and len(placeholders) == 170
    assert {r["Values"] for r in placeholders} == {"-"}

    run = run_import(importer_name="lait", path=path)

    assert (run.rows_read, run.rows_added) == (len(stored), len(stored))
    assert Result.objects.count() == len(stored)
    per_measure = dict(
        Measure.objects.filter(dataset="lait")
        .annotate(n=Count("results"))
        .values_list("source_column", "n")
    )
    assert per_measure == Counter(r["Short Desc"] for r in stored)
    per_area = Counter(int(r["LA Number"]) for r in stored)
    per_la = dict(LocalAuthority.objects.annotate(n=Count("results")).values_list("code", "n"))
    assert per_la == {f"{code:03d}": n for code, n in per_area.items() if code < 970}
    assert sum(1 for r in rows if r["LA Number"] == 919) == 3_771
    assert per_la["919"] == 3_771 - sum(1 for r in placeholders if r["LA Number"] == 919)
    assert Result.objects.filter(level=Level.ENGLAND).count() == per_area[970]
    assert Result.objects.filter(subject_key="region:East of England").count() == per_area[985]
    assert LocalAuthority.objects.get(code="919").name == "Hertfordshire"
    # Every cell that is not a number is kept as its code, never as zero.
    codes = Counter(r["Values"] for r in stored if not is_number(r["Values"]))
    assert codes == {"-": 93_883 - 170}
    suppressed = Result.objects.filter(value__isnull=True).values_list("suppression", flat=True)
    assert Counter(suppressed) == codes
    for code in ("x", "c"):
        assert Result.objects.filter(suppression=code).count() == codes[code]
    herts = next(
        r for r in stored if r["LA Number"] == 919 and r["Short Desc"] == "CINPermExclusion"
    )
    assert result("CINPermExclusion", herts["Years"], "la:919").value == Decimal(herts["Values"])

    with django_assert_max_num_queries(20) as captured:
        again = run_import(importer_name="lait", path=path)
    assert (again.rows_added, again.rows_updated) == (0, 0)
    assert again.rows_unchanged == len(stored)
    data_tables = [model._meta.db_table for model in (Result, Measure, LocalAuthority)]
    writes = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and any(table in q["sql"] for table in data_tables)
    ]
    assert writes == []


@pytest.mark.django_db
def test_small_csv_edition(db_snapshot):
    import_lait(SMALL)

    herts = result("A3A", "2018", "la:919")
    assert (herts.level, herts.value, herts.la.name) == ("la", Decimal("13.5"), "Hertfordshire")
    region = result("A3A", "2018", "region:East of England")
    assert (region.level, region.value, region.suppression) == ("region", None, "x")
    assert region.region == "East of England" and region.la is None
    assert result("A3A", "2018", "england").value == Decimal("12.75")
    confidential = result("A3A", "2025", "la:919")
    assert confidential.suppression == "c"
    assert confidential.suppression_meaning.startswith("Confidential")
    assert result("SWFinance", "2016-17", "la:874").value == Decimal("1234.5679")
    assert result("Hosp_Adm_Alc_<18yrs", "2013-16", "la:874").value == Decimal("31.2")
    assert result("KS1P_all", "2013-14", "la:940").suppression == "-"
    assert result("RTA", "2014-16", "la:919").value == Decimal("0.07")
    # Years '0' with no number is a placeholder, not a result.
    assert not Result.objects.filter(measure__code="lait.CINPermExclusion").exists()
    assert Measure.objects.filter(code="lait.CINPermExclusion").count() == 0
    assert Result.objects.count() == 8

    a3a = Measure.objects.get(code="lait.A3A")
    assert (a3a.dataset, a3a.source_column, a3a.topic) == ("lait", "A3A", "Key Stage 5")
    assert (a3a.polarity, a3a.unit, a3a.decimal_places) == (Polarity.HIGHER_IS_BETTER, "percent", 1)
    hosp = Measure.objects.get(code="lait.Hosp_Adm_Alc_<18yrs")
    assert hosp.label == "Under 18 Hospital Admissions (Alcohol related)"  # from the dictionary
    assert hosp.polarity == Polarity.LOWER_IS_BETTER and hosp.decimal_places == 2
    assert Measure.objects.get(code="lait.KS1P_all").label == "Phonics decoding"  # the file's

    north_northants = LocalAuthority.objects.get(code="940")
    assert (north_northants.name, north_northants.region) == (
        "North Northamptonshire",
        "East Midlands",
    )
    assert Result.objects.filter(import_run__isnull=True).count() == 0

    before = db_snapshot()
    run = run_import(importer_name="lait", path=SMALL)
    assert (run.rows_added, run.rows_updated, run.rows_unchanged) == (0, 0, 8)
    assert db_snapshot() == before


@pytest.mark.django_db
def test_xlsx_edition_gives_the_same_results(tmp_path):
    import csv

    from openpyxl import Workbook

    workbook = Workbook()
    with open(SMALL, newline="") as handle:
        for row in csv.reader(handle):
            workbook.active.append(row)
    path = tmp_path / "lait_small.xlsx"
    workbook.save(path)

    import_lait(path)
    from_xlsx = sorted(Result.objects.values_list("subject_key", "academic_year", "value"))
    Result.objects.all().delete()
    import_lait(SMALL)
    from_csv = sorted(Result.objects.values_list("subject_key", "academic_year", "value"))
    assert from_xlsx == from_csv and len(from_csv) == 8


@pytest.mark.django_db
def test_a_revised_value_updates_only_its_row(write_file):
    first = run_import(importer_name="lait", path=SMALL)
    revised = SMALL.read_text().replace("Hertfordshire,13.5,", "Hertfordshire,14,")
    path = write_file("lait_revised.csv", revised)

    run = run_import(importer_name="lait", path=path)

    assert (run.rows_added, run.rows_updated, run.rows_unchanged) == (0, 1, 7)
    herts = result("A3A", "2018", "la:919")
    assert herts.value == Decimal("14") and herts.import_run == run
    assert result("A3A", "2018", "england").import_run == first


def broken(text: str) -> str:
    return f"{HEADER}\n{text}\n"


GOOD_ROW = "A3A,A levels,2018,Hertfordshire,13.5,919,East of England"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content, message",
    [
        (
            "missing.csv",
            "Short Desc,Data item,Years,LA and Regions,LA Number\nA3A,x,2018,H,919\n",
            "missing column",
        ),
        ("text.csv", broken(GOOD_ROW.replace("13.5", "about 13")), "neither a number nor"),
        ("empty_value.csv", broken(GOOD_ROW.replace("13.5", "")), "a value is required"),
        ("la.csv", broken(GOOD_ROW.replace(",919,", ",9x9,")), "not a DfE LA code"),
        ("la_long.csv", broken(GOOD_ROW.replace(",919,", ",91900,")), "not a DfE LA code"),
        ("year.csv", broken(GOOD_ROW.replace("2018", "last year")), "not a year LAIT uses"),
        ("year0.csv", broken(GOOD_ROW.replace("2018", "0")), "a number without a year"),
        ("twice.csv", broken(f"{GOOD_ROW}\n{GOOD_ROW.replace('13.5', '12')}"), "already on row 2"),
        ("empty.csv", "", "the file is empty"),
        ("header.csv", f"{HEADER}\n", "no data rows"),
        (
            "neighbours.csv",
            "LA num,LA Name,SN1,SNP\n919,Hertfordshire,931,Close\n",
            "missing column",
        ),
    ],
)
def test_broken_files_are_rejected_and_change_nothing(
    name, content, message, write_file, db_snapshot
):
    import_lait(SMALL)
    before = db_snapshot()
    path = write_file(name, content)

    with pytest.raises(FileRejected) as rejected:
        run_import(importer_name="lait", path=path)
    assert message in " ".join(str(error) for error in rejected.value.errors)
    with pytest.raises(CommandError) as failed:
        import_lait(path)
    assert failed.value.returncode == 1
    assert db_snapshot() == before


@pytest.mark.django_db
def test_utf16_file_is_rejected(write_file, db_snapshot):
    before = db_snapshot()
    path = write_file("lait_utf16.csv", broken(GOOD_ROW), encoding="utf-16")

    with pytest.raises(CommandError) as failed:
        import_lait(path)
    assert failed.value.returncode == 1
    assert db_snapshot() == before


@pytest.mark.real_data
@pytest.mark.django_db
def test_the_real_neighbours_workbook_is_refused(raw_file, db_snapshot):
    before = db_snapshot()
    with pytest.raises(CommandError) as failed:
        import_lait(raw_file("lait_statistical_neighbours_may2025.xlsx"))
    assert failed.value.returncode == 1
    assert db_snapshot() == before
