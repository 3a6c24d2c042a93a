"""Slices of the real files, and a check that an import was refused as it should be."""

import io

import pyarrow.parquet as pq
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.imports.slices import Slice, cut, rewrite
from uplift.accounts.models import Profile, Role
from uplift.imports.models import ImportRun, RunStatus
from uplift.imports.reading import cell_text
from uplift.schools.models import LocalAuthority

GIAS = "gias_establishments_extract_20220420_hampshire_surrey.csv"
LINKS = "gias_links_edubasealldata20250422.csv"
OFSTED = "ofsted_mi_state_funded_latest_2026-05_report_card_examples.csv"
ABSENCE = "dfe_performance_tables_2023-24_absence_hertfordshire_919.csv"
CENSUS = "dfe_performance_tables_2023-24_census_hertfordshire_919.csv"
KS2 = "dfe_performance_tables_2023-24_ks2final_hertfordshire_919.csv"
KS4 = "dfe_performance_tables_2023-24_ks4final_hertfordshire_919.csv"
LAIT = "lait_bds_long_la_indicators.parquet"
NEIGHBOURS = "lait_statistical_neighbours_may2025.xlsx"


def first(count: int):
    return lambda rows: list(range(count))


class Slices(dict):
    """Slices of the real files by name, each cut the first time it is asked for."""

    def __init__(self, raw_dir):
        super().__init__()
        self.raw_dir = raw_dir

    def __missing__(self, name: str) -> Slice:
        self[name] = MAKERS[name](self.raw_dir)
        return self[name]


def _performance(name: str, dataset: str, rows) -> callable:
    options = {"dataset": dataset, "year": "2023-24"}
    return lambda raw_dir: cut(raw_dir, name, rows=rows, importer="performance", options=options)


def _school_rows(rows):  # KS2 and KS4: mainstream schools (RECTYPE 1)
    return [i for i, row in enumerate(rows) if row[0] == "1"][:3]


MAKERS = {
    "gias": lambda raw_dir: cut(raw_dir, GIAS, rows=first(4), importer="gias"),
    "gias-links": lambda raw_dir: cut(raw_dir, LINKS, rows=first(4), importer="gias-links"),
    "ofsted": lambda raw_dir: cut(raw_dir, OFSTED, rows=first(4), importer="ofsted"),
    # three schools and the LA's primary summary row
    "absence": _performance(ABSENCE, "absence", lambda rows: [0, 1, 2, len(rows) - 6]),
    "census": _performance(CENSUS, "census", lambda rows: [1, 2, 3, 4]),
    "ks2": _performance(KS2, "ks2", _school_rows),
    "ks4": _performance(KS4, "ks4", _school_rows),
    "lait": lambda raw_dir: lait_slice(raw_dir, rows=4),
    "neighbours": lambda raw_dir: neighbours_slice(raw_dir, rows=4),
}


@pytest.fixture(scope="session")
def slices(raw_dir) -> Slices:
    """Slices of the real files: a header and a few rows each, byte for byte."""
    return Slices(raw_dir)


def lait_slice(raw_dir, *, rows: int) -> Slice:
    """The LAIT parquet's first rows as its CSV edition (what LAIT's own export writes)."""
    table = next(pq.ParquetFile(raw_dir / LAIT).iter_batches(batch_size=rows))
    header = rewrite("\n", list(table.schema.names))
    records = [
        rewrite("\n", [cell_text(value) for value in row.values()]) for row in table.to_pylist()
    ]
    return Slice("lait_bds_long_la_indicators.csv", "utf-8", header, records, "lait")


def option_arguments(options: dict) -> list[str]:
    return [part for name, value in options.items() for part in (f"--{name}", value)]


def import_cli(path, importer: str, options: dict) -> tuple[int, str]:
    """Run `uplift import` in-process: its exit status and what it wrote to stderr."""
    err = io.StringIO()
    try:
        call_command(
            "import",
            importer,
            str(path),
            *option_arguments(options),
            "--no-progress",
            stdout=io.StringIO(),
            stderr=err,
        )
    except CommandError as exc:
        return exc.returncode, err.getvalue()
    return 0, err.getvalue()


@pytest.fixture
def refused(tmp_path, db_snapshot):
    """Import `text` as the slice's file and check that it is refused as it should be: exit
    status 1, a one-line reason naming the file, row, column and value, nothing changed,
    and the rejection in the import history."""

    def check(piece: Slice, text: str, *, row, column, value, why) -> ImportRun:
        before = db_snapshot()
        path = tmp_path / piece.name
        path.write_bytes(piece.encode(text))
        status, stderr = import_cli(path, piece.importer, piece.options)
        assert status == 1, stderr
        assert "Traceback" not in stderr
        where = f"{piece.name}, row {row}, column {column!r}, value {value!r}: "
        reasons = [line.strip() for line in stderr.splitlines() if line.strip().startswith(where)]
        assert reasons, f"no line starts with {where!r} in:\n{stderr}"
        assert any(why in reason for reason in reasons), reasons
        assert db_snapshot() == before
        run = ImportRun.objects.latest("id")
        assert (run.status, run.file_name) == (RunStatus.REJECTED, piece.name)
        assert any(
            (e["row"], e["column"]) == (row, column) and why in e["reason"] for e in run.errors
        )
        return run

    return check


@pytest.fixture
def imported(tmp_path):
    """Import a slice as it is (the good data a damaged file must not overwrite)."""

    def load(piece: Slice, text: str | None = None) -> None:
        path = tmp_path / f"good-{piece.name}"
        path.write_bytes(piece.encode(piece.text() if text is None else text))
        status, stderr = import_cli(path, piece.importer, piece.options)
        assert status == 0, stderr

    return load


@pytest.fixture
def officer_client(client, db):
    """Signed in as a data officer of Hertfordshire."""
    la = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    user = get_user_model().objects.create_user("data.officer", password="pw-for-tests")
    Profile.objects.create(user=user, role=Role.DATA_OFFICER, la=la)
    client.force_login(user)
    return client


def neighbours_slice(raw_dir, *, rows: int) -> Slice:
    """The statistical neighbours workbook's header and first LAs, as its CSV edition."""
    from uplift.imports.reading import read_table

    table = read_table(raw_dir / NEIGHBOURS, header_hint=("LA num", "SN1"))
    header = rewrite("\n", table.header)
    records = [rewrite("\n", row) for row in table.rows[:rows]]
    return Slice("lait_statistical_neighbours_may2025.csv", "utf-8", header, records, "neighbours")
