"""Import benchmark at national size, on SQLite and PostgreSQL. Prints figures; asserts nothing.

    uv run python bench/import_national.py [--raw ../shared/data/raw] [--databases sqlite,postgres]

For each database it migrates a fresh database, then times each importer on national-size
input in the real formats, and a floor for the same rows: parsing them with the csv module plus
one bulk insert into a bare two-column table. ratio = importer seconds / floor seconds.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench.bench_db import recreate_postgres  # noqa: E402

POSTGRES_URL = os.environ.get(
    "UPLIFT_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/uplift_bench"
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--raw", default=str(ROOT.parent / "shared" / "data" / "raw"))
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(json.loads(args.worker))
    raw = Path(args.raw)
    if not raw.is_dir():
        sys.exit(f"the real public files are not at {raw} (use --raw)")
    from national_inputs import CENSUS, build_gias, build_ofsted

    with tempfile.TemporaryDirectory(prefix="uplift-bench-") as tmp:
        tmp = Path(tmp)
        gias_rows = build_gias(raw, tmp / "edubasealldata_national.csv")
        ofsted_rows = build_ofsted(raw, tmp / "ofsted_mi_national.csv")
        print(f"inputs: {gias_rows:,} GIAS establishments, {ofsted_rows:,} Ofsted MI rows")
        jobs = [
            ("gias", str(tmp / "edubasealldata_national.csv"), {}),
            ("gias-links", str(raw / "gias_links_edubasealldata20250422.csv"), {}),
            ("ofsted", str(tmp / "ofsted_mi_national.csv"), {}),
            ("performance", str(raw / CENSUS), {"dataset": "census", "year": "2018-19"}),
            (
                "performance",
                str(raw / "dfe_performance_tables_2018-19_absence_national.csv"),
                {"dataset": "absence", "year": "2018-19"},
            ),
            ("lait", str(raw / "lait_bds_long_la_indicators.parquet"), {}),
        ]
        for database in args.databases.split(","):
            url = f"sqlite:///{tmp / 'bench.sqlite3'}" if database == "sqlite" else POSTGRES_URL
            env = {**os.environ, "DATABASE_URL": url, "UPLIFT_VAR_DIR": str(tmp)}
            if database == "postgres":
                subprocess.run(["bash", str(ROOT / "scripts" / "postgres.sh")], check=True)
                recreate_postgres(url)
            print(f"\n== {database}")
            print(
                f"{'importer':<12} {'file':<52} {'rows':>8} {'first s':>8} {'rows/s':>9} "
                f"{'again s':>8} {'floor s':>8} {'ratio':>6}"
            )
            subprocess.run(
                [sys.executable, __file__, "--worker", json.dumps({"jobs": jobs})],
                env=env,
                check=True,
            )


def worker(spec: dict) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uplift.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from uplift.imports.services import run_import

    call_command("migrate", verbosity=0)
    for importer, path, options in spec["jobs"]:
        path = Path(path)
        start = time.perf_counter()
        run = run_import(importer_name=importer, path=path, options=options, actor="bench")
        first = time.perf_counter() - start
        start = time.perf_counter()
        run_import(importer_name=importer, path=path, options=options, actor="bench")
        again = time.perf_counter() - start
        floor = floor_seconds(path)
        rate = run.rows_read / first if first else 0
        print(
            f"{importer:<12} {path.name[:52]:<52} {run.rows_read:>8,} {first:>8.2f} {rate:>9,.0f} "
            f"{again:>8.2f} {floor:>8.2f} {first / floor if floor else 0:>6.1f}",
            flush=True,
        )


def floor_seconds(path: Path) -> float:
    """Parse the same rows and bulk-insert them into a bare table, in one transaction."""
    from django.db import connection, transaction

    from uplift.imports.reading import read_table

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_floor")
        cursor.execute("CREATE TABLE bench_floor (row_number integer, payload text)")
    start = time.perf_counter()
    table = read_table(path)
    rows = [(n, "\x1f".join(row)) for n, row in table.numbered_rows()]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany("INSERT INTO bench_floor (row_number, payload) VALUES (%s, %s)", rows)
    elapsed = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_floor")
    return elapsed


if __name__ == "__main__":
    main()
