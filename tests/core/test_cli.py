"""The `uplift` console command: usage errors exit 2, rejected files exit 1."""

import subprocess
import sys

import pytest


def uplift(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "uplift.cli", *args], capture_output=True, text=True, env=env
    )


def test_unknown_importer_is_a_usage_error():
    result = uplift("import", "no-such-thing", "x.csv")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_missing_file_argument_is_a_usage_error():
    assert uplift("import", "gias").returncode == 2


@pytest.mark.parametrize("args", [["import", "gias", "/nonexistent/file.csv"]])
def test_missing_file_is_a_usage_error(args):
    result = uplift(*args)
    assert result.returncode == 2
    assert "no such file" in result.stderr
