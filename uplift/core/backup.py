"""Backing up and restoring Uplift: the database and the media folder (stored files such as
profile PDFs) in one archive, a tar file holding

- manifest.json: the database's kind and when the backup was made;
- database.dump (PostgreSQL, pg_dump's custom format) or database.sqlite3 (SQLite, a copy made
  with sqlite3's online backup API, safe while the site runs);
- media/...: the media folder as it was.

Restoring replaces the database's content and puts the media files back. Generated files that
are missing after a restore (a backup made without them) are made again when asked for.
"""

import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.db import connections
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA = "media"


class BackupError(Exception):
    """A backup or restore that cannot be made: the message says why, in one line."""


def backup(path: Path, *, alias: str = "default", media_root: Path) -> dict:
    """Write the archive to `path`; returns its manifest."""
    connection = connections[alias]
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"cannot back up a {vendor} database")
    manifest = {"format": FORMAT, "database": vendor, "made_at": timezone.now().isoformat()}
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        if vendor == "postgresql":
            database = work / POSTGRES_DUMP
            _pg_dump(connection, database)
        else:
            database = work / SQLITE_COPY
            _sqlite_copy(connection, database)
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2))
        path.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(path, "w:gz") as archive:
            archive.add(work / MANIFEST, arcname=MANIFEST)
            archive.add(database, arcname=database.name)
            if Path(media_root).is_dir():
                archive.add(media_root, arcname=MEDIA)
    return manifest


def restore(path: Path, *, alias: str = "default", media_root: Path) -> dict:
    """Replace the database's content and the media files with the archive's; returns its
    manifest. The archive must come from the same kind of database."""
    connection = connections[alias]
    if not Path(path).is_file():
        raise BackupError(f"no backup at {path}")
    with tempfile.TemporaryDirectory() as work, tarfile.open(path, "r:*") as archive:
        work = Path(work)
        archive.extractall(work, filter="data")  # refuses absolute paths and links outside
        try:
            manifest = json.loads((work / MANIFEST).read_text())
        except (OSError, ValueError):
            raise BackupError(f"{path} is not an Uplift backup (no manifest)") from None
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{path} is a backup of another format ({manifest.get('format')})")
        if manifest.get("database") != connection.vendor:
            raise BackupError(
                f"{path} is a backup of a {manifest.get('database')} database; this site runs "
                f"on {connection.vendor}"
            )
        if connection.vendor == "postgresql":
            _pg_restore(connection, work / POSTGRES_DUMP)
        else:
            _sqlite_restore(connection, work / SQLITE_COPY)
        if (work / MEDIA).is_dir():
            shutil.copytree(work / MEDIA, media_root, dirs_exist_ok=True)
    return manifest


def _sqlite_copy(connection, target: Path) -> None:
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)
    copy.close()


def _sqlite_restore(connection, source: Path) -> None:
    connection.ensure_connection()
    original = sqlite3.connect(source)
    try:
        original.backup(connection.connection)
    finally:
        original.close()


def _pg_arguments(connection) -> tuple[list[str], dict]:
    settings = connection.settings_dict
    arguments = ["--dbname", settings["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            arguments += [flag, str(settings[key])]
    environment = {**os.environ}
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = settings["PASSWORD"]
    return arguments, environment


def _pg_tool(name: str, connection) -> str:
    """The tool's path, refused when it is older than the server (it could not read it)."""
    tool = shutil.which(name)
    if tool is None:
        raise BackupError(f"{name} is not installed (Debian: postgresql-client)")
    found = re.search(
        r"(\d+)", subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
    )
    connection.ensure_connection()
    server = connection.pg_version // 10000
    if found and int(found.group(1)) < server:
        raise BackupError(f"{name} {found.group(1)} is older than the server (PostgreSQL {server})")
    return tool


def _pg_dump(connection, target: Path) -> None:
    arguments, environment = _pg_arguments(connection)
    _run(
        [_pg_tool("pg_dump", connection), "--format=custom", "--file", str(target), *arguments],
        environment,
    )


def _pg_restore(connection, source: Path) -> None:
    arguments, environment = _pg_arguments(connection)
    connection.close()  # no open transaction of ours in the way
    tool = _pg_tool("pg_restore", connection)
    connection.close()
    _run(
        [
            tool,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            *arguments,
            str(source),
        ],
        environment,
    )


def _run(command: list[str], environment: dict) -> None:
    done = subprocess.run(command, capture_output=True, text=True, env=environment)
    if done.returncode != 0:
        problem = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise BackupError(f"{Path(command[0]).name} failed: {problem}")
