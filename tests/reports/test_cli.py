"""`uplift report ...`: the figures of the pages on standard output; wrong usage exits 2."""

import csv
import io
import json
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from uplift.reports.models import Comparison, ReportTarget, TargetMeasure


@pytest.fixture
def la(herts, make_school, inspect):
    inspect(make_school(1, herts, 300), date(2019, 1, 1), grade=1)
    inspect(make_school(2, herts, 100), date(2026, 6, 10), grade=2)  # after the date
    make_school(3, herts, 100, status="Closed", close_date=date(2024, 1, 1))
    return herts


def run(*args) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_ofsted_summary_as_csv(la):
    rows = list(
        csv.reader(
            io.StringIO(
                run("ofsted-summary", "--la", "919", "--as-at", "2026-05-31", "--format", "csv")
            )
        )
    )
    assert rows[0] == ["phase", "grade", "schools", "schools_pct", "pupils", "pupils_pct"]
    assert len(rows) == 1 + 6 * 6  # five phases and all phases, six grades each
    primary = {row[1]: row[2:] for row in rows[1:] if row[0] == "Primary"}
    assert primary["Outstanding"] == ["1", "50.0", "300", "75.0"]
    assert primary["No graded inspection"] == ["1", "50.0", "100", "25.0"]
    assert primary["Good"] == ["0", "0.0", "0", "0.0"]


def test_other_reports_and_json(la):
    ReportTarget.objects.create(
        la=la,
        name="Good",
        measure=TargetMeasure.SCHOOLS_GOOD_OR_BETTER,
        comparison=Comparison.AT_LEAST,
        value=Decimal(75),
    )
    targets = json.loads(run("targets", "--la", "919", "--as-at", "2026-05-31", "--format", "json"))
    assert (targets[0]["value"], targets[0]["met"]) == ("100.0", "yes")
    assert run("attainment", "--la", "919", "--key-stage", "ks4").startswith("key_stage,measure")
    assert run("report-card-areas", "--la", "919", "--phase", "primary").count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        ["ofsted-summary", "--la", "9x"],
        ["ofsted-summary", "--la", "123"],  # no such LA
        ["ofsted-summary", "--la", "919", "--as-at", "31/05/2026"],
    ],
)
def test_usage_errors_exit_2(la, args):
    with pytest.raises(CommandError) as raised:
        run(*args)
    assert raised.value.returncode == 2


def test_argument_errors_exit_2_from_the_command_line():
    """Argument errors exit 2 before any query: argparse's own (an unknown report, a bad
    key stage) with its usage line, and a missing --la (optional since the impact reports,
    which take a piece of support instead) naming the option."""
    for args, says in (
        (["nonsense", "--la", "919"], "usage:"),
        (["ofsted-summary"], "needs --la CODE"),
        (["attainment", "--la", "919", "--key-stage", "ks9"], "usage:"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "uplift.cli", "report", *args], capture_output=True, text=True
        )
        assert done.returncode == 2, done.stderr
        assert says in done.stderr
