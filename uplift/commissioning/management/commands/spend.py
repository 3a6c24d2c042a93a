"""`uplift spend --la 919 [--year 2026-27] --by school|category --format csv|json`: the
spend report of the LA's funds (the same rows as the spend page and its CSV) on stdout;
JSON amounts are integer pence."""

import json

from django.core.management.base import BaseCommand, CommandError

from uplift.commissioning.spend import selectors
from uplift.core.errors import Refused
from uplift.funds.years import financial_year_bounds
from uplift.schools.local_authorities import normalise_code
from uplift.schools.models import LocalAuthority

USAGE = 2


class Command(BaseCommand):
    help = "Print what each school's support costs and who pays (by school or by category)."

    def add_arguments(self, parser):
        parser.add_argument("--la", required=True, help="the DfE LA code, e.g. 919")
        parser.add_argument("--year", default="", help="the financial year, e.g. 2026-27")
        parser.add_argument("--by", choices=("school", "category"), default="school")
        parser.add_argument("--format", choices=("csv", "json"), default="csv")

    def handle(self, *args, **opts):
        la = LocalAuthority.objects.filter(code=normalise_code(opts["la"])).first()
        if la is None:
            raise CommandError(f"There is no LA with code {opts['la']}", returncode=USAGE)
        if opts["year"]:
            try:
                financial_year_bounds(opts["year"])
            except Refused as error:
                raise CommandError(str(error), returncode=USAGE) from None
        report = selectors.spend_report(la=la, year=opts["year"])
        by_school = opts["by"] == "school"
        if opts["format"] == "csv":
            text = selectors.spend_csv(report) if by_school else selectors.category_csv(report)
            self.stdout.write(text, ending="")
            return
        rows = selectors.school_rows(report) if by_school else selectors.category_rows(report)
        self.stdout.write(
            json.dumps(
                {
                    "la_code": la.code,
                    "year": report.year or None,
                    "rows": rows,
                    "not_for_a_school_pence": report.not_for_a_school_pence,
                    "total_pence": report.total_pence,
                },
                indent=2,
            )
        )
