"""`uplift brokerage`: the register, proposals, statements and credits from the command line."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.brokerage.world import bw_fixture  # noqa: F401
from uplift.audit.models import AuditEvent


def run(*args) -> str:
    out = StringIO()
    call_command("brokerage", *args, stdout=out)
    return out.getvalue()


def test_leaders_and_proposals(bw):
    text = run("leaders", "--la", "919")
    assert "Amy Ashwell (Ashwell Primary): National leader of education. Can give support" in text
    assert "Dan Dane (Dane End Primary)" in text and "best 2 categories" in text
    request = bw.request()
    text = run("propose", "--request", str(request.pk))
    assert text.startswith("1. Amy Ashwell")
    assert "Excluded: Ben Barley: Ben Barley's organisation and Ryde Primary are both in" in text


def test_credits_and_statement(bw):
    text = run(
        "credits",
        "--urn",
        str(bw.ryde.urn),
        "--credits",
        "40",
        "--date",
        date.today().isoformat(),
        "--reason",
        "Allocation",
    )
    assert "balance 40" in text
    assert AuditEvent.objects.filter(action="brokerage.credits_adjusted", via="cli").exists()
    with pytest.raises(CommandError, match="below nought"):
        run(
            "credits",
            "--urn",
            str(bw.ryde.urn),
            "--credits",
            "-41",
            "--date",
            date.today().isoformat(),
            "--reason",
            "Too much",
        )
    with pytest.raises(CommandError, match="no school with URN 1"):
        run("statement", "--urn", "1")
