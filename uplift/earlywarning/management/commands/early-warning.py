"""`uplift early-warning --la CODE|--all --as-at DATE --format csv|json [--share 0.2]`:
train on the history before the date, score the open schools with a graded inspection before
it, keep the run (audited) and print one row per school: urn, risk, flagged, reasons.

`uplift early-warning backtest --as-at DATE [--until DATE] [--chart FILE] [--format text|json]`:
the same model compared with what the inspections after the date found, and with simple rules.
Bad arguments are usage errors (exit 2); a refusal exits 1 with the reason."""

import argparse
import json
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from uplift.audit.models import Via
from uplift.core.csv_files import write_csv
from uplift.core.errors import Refused
from uplift.earlywarning.models import RiskAssessment

USAGE, REFUSED = 2, 1
HEADER = ("urn", "risk", "flagged", "reasons")


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2017-09-01") from None


def share_value(text: str) -> Decimal:
    try:
        return Decimal(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a share like 0.2 or 20%") from None


class Command(BaseCommand):
    help = "Early warning: score schools' risk of a worse next inspection, or backtest it."

    def add_arguments(self, parser):
        parser.add_argument("action", nargs="?", choices=["backtest"], help="backtest the model")
        parser.add_argument("--as-at", type=iso_date, required=True, help="e.g. 2017-09-01")
        parser.add_argument("--la", help="the DfE code of the LA to score, e.g. 919")
        parser.add_argument("--all", action="store_true", help="score every LA in England")
        parser.add_argument("--share", type=share_value, default=Decimal("0.2"))
        parser.add_argument("--format", choices=["csv", "json", "text"])
        parser.add_argument("--until", type=iso_date, help="backtest: end of the outcomes")
        parser.add_argument("--chart", help="backtest: where to write the chart (SVG)")
        parser.add_argument("--user", help="the Uplift user scoring (audited)")

    def handle(self, *args, **opts):
        try:
            if opts["action"] == "backtest":
                self.backtest(opts)
            else:
                self.score(opts)
        except Refused as refused:
            raise CommandError(str(refused), returncode=REFUSED) from None

    def usage(self, message: str):
        raise CommandError(message, returncode=USAGE)

    def score(self, opts):
        from uplift.earlywarning.services import score_schools

        if bool(opts["la"]) == bool(opts["all"]):
            self.usage("give either --la CODE or --all")
        if opts["until"] or opts["chart"]:
            self.usage("--until and --chart belong to the backtest")
        fmt = opts["format"] or "csv"
        if fmt not in ("csv", "json"):
            self.usage("the scores are written as csv or json")
        run = score_schools(
            as_at=opts["as_at"],
            la=opts["la"],
            share=opts["share"],
            by=self.user(opts["user"]),
            via=Via.CLI,
        )
        rows = RiskAssessment.objects.filter(run=run).order_by("rank")
        rows = rows.values_list("school__urn", "risk", "flagged", "reasons")
        if fmt == "json":
            self.stdout.write(
                json.dumps(
                    [
                        {"urn": urn, "risk": round(risk, 4), "flagged": flag, "reasons": said}
                        for urn, risk, flag, said in rows.iterator(chunk_size=2000)
                    ],
                    indent=1,
                )
            )
            return
        write_csv(
            self.stdout,
            HEADER,
            (
                (urn, f"{risk:.4f}", "yes" if flag else "no", "; ".join(said))
                for urn, risk, flag, said in rows.iterator(chunk_size=2000)
            ),
        )

    def backtest(self, opts):
        from uplift.earlywarning.backtest import as_json, run_backtest, table_text
        from uplift.earlywarning.chart import recall_chart_svg

        if opts["la"] or opts["all"]:
            self.usage("the backtest covers England: leave out --la and --all")
        fmt = opts["format"] or "text"
        if fmt == "csv":
            self.usage("the backtest is written as text or json")
        result = run_backtest(as_at=opts["as_at"], until=opts["until"])
        chart = Path(
            opts["chart"] or settings.VAR_DIR / f"early-warning-backtest-{opts['as_at']}.svg"
        )
        chart.write_text(recall_chart_svg(result), encoding="utf-8")
        self.stdout.write(as_json(result) if fmt == "json" else table_text(result))
        self.stderr.write(f"Chart written to {chart}")

    def user(self, username):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            self.usage(f"there is no Uplift user {username!r}")
        return user
