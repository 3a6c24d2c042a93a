import csv

import pytest

from uplift.performance.catalogue import CATALOGUE, IDENTIFYING_COLUMNS, measures_of, sync_measures
from uplift.performance.models import Measure, Polarity

HERTS_FILES = {
    "ks2": "dfe_performance_tables_2023-24_ks2final_hertfordshire_919.csv",
    "ks4": "dfe_performance_tables_2023-24_ks4final_hertfordshire_919.csv",
    "census": "dfe_performance_tables_2023-24_census_hertfordshire_919.csv",
    "absence": "dfe_performance_tables_2023-24_absence_hertfordshire_919.csv",
}
NOT_POPULATED = "[not populated in 2025]"


def header_of(path) -> set[str]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return set(next(csv.reader(handle)))


def test_codes_are_unique_even_for_a_column_in_two_datasets():
    codes = [spec.code for spec in CATALOGUE]
    assert len(codes) == len(set(codes))
    assert "ks2.PTFSM6CLA1A" in codes and "ks4.PTFSM6CLA1A" in codes


def test_absence_measures_are_lower_is_better():
    assert {s.polarity for s in measures_of("absence")} == {Polarity.LOWER_IS_BETTER}
    assert measures_of("ks2")[0].key_stage == "KS2"
    assert measures_of("census")[0].key_stage == ""


def test_ks2_labels_are_dfe_metadata_labels(raw_file):
    path = raw_file("dfe_performance_tables_2024-25_ks2_meta.csv")
    with open(path, newline="", encoding="utf-8") as handle:
        labels = {
            row["Field Name"]: row["Label/Description"].replace(NOT_POPULATED, "").strip()
            for row in csv.DictReader(handle)
        }
    for spec in measures_of("ks2"):
        assert spec.label == " ".join(labels[spec.source_column].split()), spec.code


@pytest.mark.parametrize("dataset", sorted(HERTS_FILES))
def test_every_catalogue_column_is_in_the_published_file(raw_file, dataset):
    header = header_of(raw_file(HERTS_FILES[dataset]))
    missing = [s.source_column for s in measures_of(dataset) if s.source_column not in header]
    assert missing == []


@pytest.mark.parametrize("dataset", sorted(HERTS_FILES))
def test_identifying_columns_tell_the_datasets_apart(raw_file, dataset):
    header = header_of(raw_file(HERTS_FILES[dataset]))
    for other, columns in IDENTIFYING_COLUMNS.items():
        present = header & set(columns)
        assert bool(present) == (other == dataset), (other, present)


@pytest.mark.django_db
def test_sync_measures_creates_then_repairs_without_duplicates():
    sync_measures()
    assert Measure.objects.count() == len(CATALOGUE)
    Measure.objects.filter(code="ks4.P8MEA").update(label="edited", decimal_places=0)
    by_code = sync_measures()
    assert Measure.objects.count() == len(CATALOGUE)
    p8 = Measure.objects.get(code="ks4.P8MEA")
    assert (p8.label, p8.decimal_places, p8.source_column) == ("Progress 8 measure", 2, "P8MEA")
    assert by_code["ks4.P8MEA"].pk == p8.pk
