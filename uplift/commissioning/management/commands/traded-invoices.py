"""`uplift traded-invoices --service ID --year 2026-27`: the invoice file (CSV) of what each
school bought of a traded service in the year, for the LA's finance system, on stdout."""

from django.core.management.base import BaseCommand, CommandError

from uplift.commissioning.models import TradedService
from uplift.commissioning.traded.selectors import invoice_csv
from uplift.support.visits.entitlement import parse_academic_year

USAGE = 2


class Command(BaseCommand):
    help = "Print the invoices (CSV) of a traded service's subscriptions bought in a year."

    def add_arguments(self, parser):
        parser.add_argument("--service", type=int, required=True, metavar="ID")
        parser.add_argument("--year", required=True, help="the academic year, e.g. 2026-27")

    def handle(self, *args, **opts):
        try:
            parse_academic_year(opts["year"])
        except ValueError as error:
            raise CommandError(str(error), returncode=USAGE) from None
        service = TradedService.objects.filter(pk=opts["service"]).first()
        if service is None:
            raise CommandError(f"There is no traded service {opts['service']}", returncode=USAGE)
        self.stdout.write(invoice_csv(service=service, academic_year=opts["year"]), ending="")
