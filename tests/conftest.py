"""Shared fixtures: the real public files, and a snapshot of the database for atomicity checks."""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings


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
        return {
            model._meta.label: sorted(map(repr, model.objects.order_by("pk").values_list()))
            for model in _uplift_models()
        }

    return take


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
