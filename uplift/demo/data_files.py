"""The demo: Hertfordshire's real public data, loaded in order, and the demo personas."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from uplift.imports.services import run_import


@dataclass(frozen=True)
class DemoFile:
    importer: str
    file_name: str
    options: tuple[tuple[str, str], ...] = ()

    @property
    def path(self) -> Path:
        return Path(settings.UPLIFT_DEMO_DATA) / self.file_name


def _perf(dataset: str, year: str, file_name: str) -> DemoFile:
    return DemoFile("performance", file_name, (("dataset", dataset), ("year", year)))


# Registers first (LAs, establishments), then data about them; Ofsted after them so that its
# minimal records only cover schools no other file knows. The 2017-18 school information
# comes last: older than every other file, it only fills the gaps they leave (names, status,
# ages, phase) and adds no school (those it alone knows have mostly closed since).
DEMO_FILES: tuple[DemoFile, ...] = (
    DemoFile("neighbours", "lait_statistical_neighbours_may2025.xlsx"),
    DemoFile("lait", "lait_bds_long_la_indicators.parquet"),
    DemoFile("gias", "gias_establishments_extract_20220420_hampshire_surrey.csv"),
    DemoFile("gias-links", "gias_links_edubasealldata20250422.csv"),
    _perf("census", "2023-24", "dfe_performance_tables_2023-24_census_hertfordshire_919.csv"),
    _perf("absence", "2023-24", "dfe_performance_tables_2023-24_absence_hertfordshire_919.csv"),
    _perf("ks2", "2023-24", "dfe_performance_tables_2023-24_ks2final_hertfordshire_919.csv"),
    _perf("ks4", "2023-24", "dfe_performance_tables_2023-24_ks4final_hertfordshire_919.csv"),
    _perf("census", "2018-19", "dfe_performance_tables_2018-19_census_hertfordshire_919.csv"),
    _perf("absence", "2018-19", "dfe_performance_tables_2018-19_absence_hertfordshire_919.csv"),
    _perf(
        "ks2",
        "2018-19",
        "dfe_performance_tables_2018-19_ks2_subset_with_ofsted_scrape_hertfordshire_919.csv",
    ),
    _perf(
        "ks4",
        "2018-19",
        "dfe_performance_tables_2018-19_ks4_subset_with_ofsted_scrape_hertfordshire_919.csv",
    ),
    DemoFile("ofsted", "ofsted_mi_state_funded_latest_2026-05_report_card_examples.csv"),
    DemoFile(
        "school-information",
        "dfe_performance_tables_2017-18_england_spine_school_information_hertfordshire_919.csv",
        (("new-schools", "skip"),),
    ),
)
DEMO_LA_CODE = "919"


def load_demo_files(*, progress: bool = False, say=print) -> list:
    """Import every demo file (idempotent: a second load reports every row unchanged)."""
    runs = []
    for demo_file in DEMO_FILES:
        run = run_import(
            importer_name=demo_file.importer,
            path=demo_file.path,
            options=dict(demo_file.options),
            actor="demo",
            via="demo",
            progress=progress,
        )
        say(
            f"  {demo_file.file_name}: {run.rows_read} rows, {run.rows_added} added, "
            f"{run.rows_updated} updated, {run.rows_unchanged} unchanged"
        )
        runs.append(run)
    return runs
