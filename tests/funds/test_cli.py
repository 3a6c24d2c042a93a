"""`uplift funds` and `uplift traded-invoices`: balances, a ledger, a commitment and its
refusal (exit 1, the shortfall, nothing written), the invoice file."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.commissioning.world import YEAR, service
from tests.funds.world import money_world_fixture  # noqa: F401
from uplift.audit.models import AuditEvent, Via
from uplift.commissioning.traded import services as traded
from uplift.funds.models import LedgerEntry


def test_commit_list_and_ledger(mw, capsys):
    fund = mw.fund(pence=1_450_000)
    args = ["--la", "919", "--commit", str(fund.pk), "--description", "Deployment"]
    call_command("funds", *args, "--amount", "12,000", "--reason", "Agreed", "--urn", "117001")
    assert "Committed £12,000.00" in capsys.readouterr().out
    assert AuditEvent.objects.get(action="ledger.commitment").via == Via.CLI
    with pytest.raises(CommandError, match="£9,500.00 short") as refused:
        call_command("funds", *args, "--amount", "12000", "--reason", "Again")
    assert refused.value.returncode == 1 and LedgerEntry.objects.count() == 2
    call_command("funds", "--la", "919")
    assert "left to commit £2,500.00" in capsys.readouterr().out
    call_command("funds", "--la", "919", "--ledger", str(fund.pk))
    assert "-£12,000.00" in capsys.readouterr().out
    with pytest.raises(CommandError) as usage:
        call_command("funds", "--la", "881", "--ledger", str(fund.pk))
    assert usage.value.returncode == 2


def test_traded_invoices(mw, capsys):
    catalogue = service(mw)
    traded.record_subscription(
        actor=None,
        via=Via.CLI,
        service=catalogue,
        establishment=mw.secondary,
        academic_year=YEAR,
        status="bought",
        package=catalogue.packages.get(name="Silver"),
    )
    call_command("traded-invoices", "--service", str(catalogue.pk), "--year", YEAR)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Invoice reference") and "Bishop's Stortford High" in lines[1]
    assert lines[1].endswith("3000.00")
    with pytest.raises(CommandError):
        call_command("traded-invoices", "--service", str(catalogue.pk), "--year", "2026")
