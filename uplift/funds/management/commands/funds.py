"""`uplift funds --la 919`: each fund of the LA with what it has received, committed, paid
and has left to commit. `uplift funds --la 919 --ledger ID` prints a fund's ledger;
`uplift funds --la 919 --commit ID --amount 12000.00 --description ... --reason ...` commits
money (refused, exit 1, with the shortfall when the fund cannot afford it)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from uplift.audit.models import Via
from uplift.core.errors import Refused
from uplift.funds import selectors, services
from uplift.funds.models import Fund
from uplift.funds.money import parse_pounds, pounds
from uplift.schools.local_authorities import normalise_code
from uplift.schools.models import Establishment, LocalAuthority

USAGE, REFUSED = 2, 1


class Command(BaseCommand):
    help = "List an LA's funds with their balances, print a ledger, or commit money."

    def add_arguments(self, parser):
        parser.add_argument("--la", required=True, help="the DfE LA code, e.g. 919")
        parser.add_argument("--ledger", type=int, metavar="ID", help="print this fund's ledger")
        parser.add_argument("--commit", type=int, metavar="ID", help="commit from this fund")
        parser.add_argument("--amount", help="in pounds, e.g. 12000.00")
        parser.add_argument("--description", default="", help="what the money is for")
        parser.add_argument("--reason", default="", help="why (kept in the audit trail)")
        parser.add_argument("--urn", type=int, help="the school the money is for")

    def handle(self, *args, **opts):
        la = LocalAuthority.objects.filter(code=normalise_code(opts["la"])).first()
        if la is None:
            raise CommandError(f"There is no LA with code {opts['la']}", returncode=USAGE)
        if opts["commit"]:
            return self._commit(la, opts)
        if opts["ledger"]:
            fund = self._fund(la, opts["ledger"])
            for entry in selectors.ledger(fund=fund):
                self.stdout.write(
                    f"{entry.dated}  {entry.get_kind_display():<12} "
                    f"{pounds(entry.amount_pence):>14}  {entry.description}"
                )
            return
        found = Fund.objects.filter(la=la).order_by("-financial_year", "name")
        totals = selectors.balances(fund_ids=[fund.pk for fund in found])
        for fund in found:
            balance = totals[fund.pk]
            self.stdout.write(
                f"{fund.pk:>4}  {fund}: received {pounds(balance.received_pence)}, committed "
                f"{pounds(balance.committed_pence)}, paid {pounds(balance.paid_pence)}, "
                f"left to commit {pounds(balance.balance_pence)}"
            )

    def _fund(self, la, pk: int) -> Fund:
        fund = Fund.objects.filter(la=la, pk=pk).select_related("la").first()
        if fund is None:
            raise CommandError(f"{la.name} has no fund {pk}", returncode=USAGE)
        return fund

    def _commit(self, la, opts) -> None:
        fund = self._fund(la, opts["commit"])
        school = None
        if opts["urn"]:
            school = Establishment.objects.filter(la=la, urn=opts["urn"]).first()
            if school is None:
                raise CommandError(f"{la.name} has no school {opts['urn']}", returncode=USAGE)
        try:
            entry = services.commit(
                actor=None,
                via=Via.CLI,
                fund=fund,
                amount_pence=parse_pounds(opts["amount"] or ""),
                dated=date.today(),
                description=opts["description"],
                reason=opts["reason"],
                establishment=school,
            )
        except Refused as refused:
            raise CommandError(str(refused), returncode=REFUSED) from None
        left = selectors.fund_balance(fund=fund).balance_pence
        self.stdout.write(
            f"Committed {pounds(-entry.amount_pence)} from {fund}; {pounds(left)} left to commit"
        )
