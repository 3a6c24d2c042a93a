"""Shared fixtures: the real public files, and a snapshot of the database for atomicity checks."""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test import override_settings
from hypothesis import settings as hypothesis_settings

# Every property test runs a bounded number of examples (those that set their own keep it)
# and no per-example deadline: a shared 2-core machine can pause any example.
hypothesis_settings.register_profile("uplift", max_examples=100, deadline=None)
hypothesis_settings.load_profile("uplift")


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    """MD5 instead of PBKDF2 (a million rounds, about half a second a password here): the
    demo personas alone set nine passwords in every test that builds them. Tests of the
    production hasher can override PASSWORD_HASHERS again."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    """The folder of real public files (../shared/data/raw); tests skip without it."""
    folder = Path(settings.UPLIFT_SHARED_DATA)
    if not folder.is_dir():
        pytest.skip(f"real public data not found at {folder} (set UPLIFT_SHARED_DATA)")
    return folder


@pytest.fixture
def raw_file(raw_dir):
    def find(name: str) -> Path:
        path = raw_dir / name
        if not path.is_file():
            pytest.skip(f"real public file {name} not found in {raw_dir}")
        return path

    return find


HISTORY_MODELS = {"imports.ImportRun", "audit.AuditEvent"}  # a rejected import records itself


def _uplift_models():
    for model in apps.get_models():
        if model.__module__.startswith("uplift.") and model._meta.label not in HISTORY_MODELS:
            yield model


@pytest.fixture
def db_snapshot():
    """Call it to get every Uplift table's rows (except the import and audit history) as a dict."""

    def take() -> dict[str, list]:
        models = list(_uplift_models())
        filled = _tables_with_rows(models)
        return {
            model._meta.label: sorted(map(repr, model.objects.order_by("pk").values_list()))
            if model._meta.db_table in filled
            else []
            for model in models
        }

    return take


def _tables_with_rows(models) -> set[str]:
    """The tables that hold any row, in one query (most are empty in a test)."""
    quote = connection.ops.quote_name
    checks = [
        f"SELECT '{m._meta.db_table}' WHERE EXISTS (SELECT 1 FROM {quote(m._meta.db_table)})"
        for m in models
    ]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(checks))
        return {table for (table,) in cursor.fetchall()}


@pytest.fixture
def write_file(tmp_path):
    """Write a small test file: text in an encoding, or raw bytes."""

    def write(name: str, content, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(encoding))
        return path

    return write
