# ruff: noqa: F811 (the fixtures imported are test arguments)
"""`uplift backup` then `uplift restore` into a fresh database: every table's rows the same,
and the profile PDFs back (or made again when the backup had none)."""

import hashlib
import io
import shutil
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.db.utils import load_backend

from tests.profiles.conftest import (  # noqa: F401 (fixtures)
    comparators,
    essex,
    herts,
    make_school,
    media_root,
    round_,
    users,
)
from uplift.profiles import services as profiles
from uplift.profiles.models import ProfileDocument
from uplift.schools.models import Establishment

pytestmark = pytest.mark.django_db(transaction=True)
RESTORED = "restored"


@pytest.fixture
def fresh_database(tmp_path):
    """A second, empty database of the same kind, as the alias "restored"."""
    settings = dict(connection.settings_dict)
    if connection.vendor == "postgresql":
        if shutil.which("pg_dump") is None:
            pytest.skip("pg_dump is not installed (Debian: postgresql-client)")
        settings["NAME"] = f"{settings['NAME']}_restored"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{settings["NAME"]}"')
            cursor.execute(f'CREATE DATABASE "{settings["NAME"]}"')
    else:
        settings["NAME"] = str(tmp_path / "restored.sqlite3")
    # a connection made here, not a configured alias: Django's test case allows it
    connections[RESTORED] = load_backend(settings["ENGINE"]).DatabaseWrapper(settings, RESTORED)
    yield RESTORED
    connections[RESTORED].close()
    del connections[RESTORED]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{settings["NAME"]}"')


def every_table(alias: str) -> dict[str, list]:
    link = connections[alias]
    with link.cursor() as cursor:
        tables = {}
        for table in connections["default"].introspection.table_names():
            cursor.execute(f"SELECT * FROM {link.ops.quote_name(table)}")
            tables[table] = sorted(map(repr, cursor.fetchall()))
    return tables


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_a_round_trip_gives_identical_tables_and_the_pdfs(
    round_, fresh_database, tmp_path, settings
):
    school = Establishment.objects.get(urn=100001)
    document = profiles.generate_document(round_=round_, establishment=school)
    archive = tmp_path / "backup" / "uplift.tar.gz"
    assert "Backed up" in run("backup", str(archive))
    with tarfile.open(archive) as opened:
        names = opened.getnames()
    assert "manifest.json" in names and f"media/{document.file.name}" in names

    media = tmp_path / "restored-media"
    out = run("restore", str(archive), "--database", RESTORED, "--media-root", str(media))
    assert out.startswith(f"Restored the {connection.vendor} database")
    original, restored = every_table("default"), every_table(RESTORED)
    assert set(original) == set(restored)
    different = [table for table in original if original[table] != restored[table]]
    assert different == []
    assert sum(map(len, original.values())) > 100  # a real database, not empty tables
    pdf = (media / document.file.name).read_bytes()
    assert pdf.startswith(b"%PDF") and hashlib.sha256(pdf).hexdigest() == document.sha256


def test_a_profile_missing_after_a_restore_is_made_again(round_, tmp_path, settings):
    school = Establishment.objects.get(urn=100001)
    document = profiles.generate_document(round_=round_, establishment=school)
    archive = tmp_path / "uplift.tar.gz"
    run("backup", str(archive))
    shutil.rmtree(settings.MEDIA_ROOT)  # the restored site's media folder lost the file
    settings.MEDIA_ROOT = tmp_path / "empty-media"
    run("restore", str(archive), "--media-root", str(tmp_path / "elsewhere"))
    again = profiles.stored_document(round_=round_, establishment=school)
    assert again.pk == document.pk and profiles.has_file(again)
    assert Path(again.file.path).read_bytes().startswith(b"%PDF")
    assert ProfileDocument.objects.count() == 1


def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    bad = tmp_path / "bad.tar.gz"
    with tarfile.open(bad, "w:gz") as archive:
        archive.add(__file__, arcname="something.py")
    with pytest.raises(CommandError, match="not an Uplift backup"):
        run("restore", str(bad))
    with pytest.raises(CommandError, match="no backup at"):
        run("restore", str(tmp_path / "missing.tar.gz"))
