"""What the benchmarks share: a fresh PostgreSQL database for each run."""


def recreate_postgres(url: str) -> None:
    """Drop and create the database that `url` names (on a server with trust auth)."""
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def use_fresh_database(database: str, *, var_dir: str, postgres_url: str) -> None:
    """Point Uplift's settings at an empty database for this run: a new SQLite file in
    `var_dir`, or the PostgreSQL database of `postgres_url`, dropped and created again."""
    import os
    from pathlib import Path

    os.environ["UPLIFT_VAR_DIR"] = var_dir
    if database == "postgres":
        recreate_postgres(postgres_url)
        os.environ["DATABASE_URL"] = postgres_url
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(var_dir) / 'bench.sqlite3'}"
