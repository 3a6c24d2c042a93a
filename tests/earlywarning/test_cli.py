"""`uplift early-warning` writes csv or json; the backtest prints its table and a chart; bad
arguments are usage errors (exit 2), refusals exit 1."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

AS_AT = "2014-09-01"


def run(*args) -> str:
    out = io.StringIO()
    call_command("early-warning", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_csv_has_one_row_per_school(history):
    rows = list(csv.reader(io.StringIO(run("--la", "919", "--as-at", AS_AT, "--format", "csv"))))
    assert rows[0] == ["urn", "risk", "flagged", "reasons"]
    assert len(rows) - 1 == 180
    assert {r[2] for r in rows[1:]} == {"yes", "no"}
    assert all(0 <= float(r[1]) <= 1 and r[3].startswith("Last graded") for r in rows[1:])


def test_json_for_all_of_england(history):
    rows = json.loads(run("--all", "--as-at", AS_AT, "--format", "json"))
    assert len(rows) == 360
    assert set(rows[0]) == {"urn", "risk", "flagged", "reasons"}
    assert isinstance(rows[0]["reasons"], list)


def test_backtest_prints_its_table_and_writes_a_chart(history, tmp_path):
    chart = tmp_path / "chart.svg"
    text = run("backtest", "--as-at", AS_AT, "--until", "2016-08-31", "--chart", str(chart))
    assert "Recall declines" in text and "Good, longest since inspected" in text
    assert "beats every simple rule" in text
    assert chart.read_text().startswith("<svg")


@pytest.mark.parametrize(
    "args",
    [
        ["--as-at", AS_AT],  # neither --la nor --all
        ["--la", "919", "--all", "--as-at", AS_AT],
        ["--all", "--as-at", AS_AT, "--format", "text"],
        ["--all", "--as-at", AS_AT, "--until", "2016-01-01"],
        ["backtest", "--as-at", AS_AT, "--la", "919"],
        ["backtest", "--as-at", AS_AT, "--format", "csv"],
        ["--all", "--as-at", AS_AT, "--user", "nobody"],
    ],
)
def test_bad_arguments_are_usage_errors(db, args):
    with pytest.raises(CommandError) as error:
        run(*args)
    assert error.value.returncode == 2


@pytest.mark.parametrize("args", [["--all", "--as-at", "1st Sept"], ["--all"]])
def test_a_bad_or_missing_date_is_refused_by_the_parser(db, args):
    with pytest.raises(CommandError):
        run(*args)


@pytest.mark.parametrize(
    "args",
    [
        ["--all", "--as-at", AS_AT, "--share", "30%"],
        ["--la", "999", "--as-at", AS_AT],
        ["backtest", "--as-at", AS_AT, "--until", "2014-01-01"],
    ],
)
def test_refusals_exit_1(history, args):
    with pytest.raises(CommandError) as error:
        run(*args)
    assert error.value.returncode == 1
