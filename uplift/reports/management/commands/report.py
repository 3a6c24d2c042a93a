"""`uplift report REPORT --la CODE [--as-at YYYY-MM-DD] [--phase P] [--key-stage ks2|ks4]
[--dates D1,D2,D3] [--format csv|json]`: an LA report to standard output, from the same
selectors as its page. `la-record` reads `--dates` (default: three dates the data allows).

Apps above reports add their own (uplift/reports/extra.py): `uplift report impact
--deployment ID` and the like, with their own options.

The command line reads every school of the LA (it has no user to scope it by). Wrong usage
exits with status 2.
"""

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from uplift.categorisation.models import Round
from uplift.reports import tables
from uplift.reports.attainment import KEY_STAGES, attainment
from uplift.reports.categories import categories_by_phase, priority_schools
from uplift.reports.extra import EXTRA_REPORTS
from uplift.reports.forms import PHASE_CHOICES
from uplift.reports.la_record import default_dates, la_record, parse_dates
from uplift.reports.ofsted_summary import ALL_PHASES, ofsted_summary
from uplift.reports.report_cards import report_card_areas
from uplift.reports.targets import targets_report
from uplift.schools.local_authorities import normalise_code
from uplift.schools.models import Establishment, LocalAuthority

USAGE_ERROR = 2


@dataclass(frozen=True)
class Report:
    header: tuple[str, ...]
    rows: Any  # (la, schools, options) -> list of rows


REPORTS = {
    "ofsted-summary": Report(
        tables.OFSTED_SUMMARY_HEADER,
        lambda la, schools, o: tables.ofsted_summary_rows(
            ofsted_summary(la=la, schools=schools, as_at=o["as_at"])
        ),
    ),
    "report-card-areas": Report(
        tables.REPORT_CARD_HEADER,
        lambda la, schools, o: tables.report_card_rows(
            report_card_areas(la=la, schools=schools, as_at=o["as_at"], phase=o["phase"])
        ),
    ),
    "targets": Report(
        tables.TARGETS_HEADER,
        lambda la, schools, o: tables.targets_rows(
            targets_report(la=la, schools=schools, as_at=o["as_at"])
        ),
    ),
    "categories-by-phase": Report(
        tables.CATEGORIES_HEADER,
        lambda la, schools, o: tables.categories_rows(
            categories_by_phase(la=la, schools=schools, round=o["round"])
        ),
    ),
    "priority-schools": Report(
        tables.PRIORITY_HEADER,
        lambda la, schools, o: tables.priority_rows(
            priority_schools(
                la=la,
                schools=schools,
                as_at=o["as_at"],
                round=o["round"],
                previous_round=o["previous_round"],
            )
        ),
    ),
    "la-record": Report(
        tables.LA_RECORD_HEADER,
        lambda la, schools, o: tables.la_record_rows(
            la_record(la=la, schools=schools, dates=o["dates"])
        ),
    ),
    "attainment": Report(
        tables.ATTAINMENT_HEADER,
        lambda la, schools, o: tables.attainment_rows(
            attainment(la=la, schools=schools, key_stage=o["key_stage"])
        ),
    ),
}


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"--as-at {text!r} is not a date written YYYY-MM-DD", returncode=USAGE_ERROR
        ) from None


def _rounds(la, code: str, *, needed: bool) -> dict:
    """The round asked for (the newest by default) and the one before it."""
    rounds = list(Round.objects.filter(la=la).select_related("policy_version").order_by("-as_at"))
    chosen = next((r for r in rounds if r.code == code), None) if code else None
    if code and chosen is None:
        raise CommandError(f"{la.name} has no round {code!r}", returncode=USAGE_ERROR)
    chosen = chosen or (rounds[0] if rounds else None)
    if chosen is None and needed:
        raise CommandError(f"{la.name} has no categorisation round yet", returncode=USAGE_ERROR)
    earlier = [r for r in rounds if chosen is not None and r.as_at < chosen.as_at]
    return {"round": chosen, "previous_round": earlier[0] if earlier else None}


def _dates(la, text: str) -> list[date]:
    try:
        return parse_dates(text) or default_dates(la=la, today=timezone.localdate())
    except ValueError as wrong:
        raise CommandError(f"--dates: {wrong}", returncode=USAGE_ERROR) from None


class Command(BaseCommand):
    help = "Print an LA report (the same figures as its page) as CSV or JSON."

    def add_arguments(self, parser):
        parser.add_argument("report", choices=[*REPORTS, *EXTRA_REPORTS], help="which report")
        parser.add_argument("--la", default="", help="the DfE LA code, e.g. 919")
        parser.add_argument("--as-at", dest="as_at", default="", help="YYYY-MM-DD (default: today)")
        parser.add_argument(
            "--phase",
            choices=[value for value, _ in PHASE_CHOICES],
            default=ALL_PHASES,
            help="report-card-areas only",
        )
        parser.add_argument(
            "--key-stage", dest="key_stage", choices=list(KEY_STAGES), default="ks2"
        )
        parser.add_argument(
            "--round",
            default="",
            help="categorisation round code, e.g. 2026-autumn (default: the newest)",
        )
        parser.add_argument(
            "--dates",
            default="",
            help="la-record only: YYYY-MM-DD,YYYY-MM-DD,... (default: three dates the data allows)",
        )
        parser.add_argument(
            "--format", dest="output_format", choices=["csv", "json"], default="csv"
        )
        for extra in EXTRA_REPORTS.values():
            extra.add_arguments(parser.add_argument_group(f"{extra.name} only"))

    def handle(self, *args, report, la, as_at, output_format, **options):
        if report in EXTRA_REPORTS:
            options["output_format"] = output_format
            EXTRA_REPORTS[report].run(options, self.stdout.write)
            return
        if not la:
            raise CommandError(f"the {report} report needs --la CODE", returncode=USAGE_ERROR)
        code = normalise_code(la)
        if code is None:
            raise CommandError(
                f"--la {la!r} is not a DfE LA code (three digits, e.g. 919)",
                returncode=USAGE_ERROR,
            )
        authority = LocalAuthority.objects.filter(code=code).first()
        if authority is None:
            raise CommandError(
                f"no local authority with code {code} in Uplift (import its data first, "
                "or check the code)",
                returncode=USAGE_ERROR,
            )
        chosen = {
            "as_at": iso_date(as_at) if as_at else timezone.localdate(),
            "phase": options["phase"],
            "key_stage": options["key_stage"],
            **_rounds(authority, options["round"], needed=report == "categories-by-phase"),
            "dates": _dates(authority, options["dates"]),
        }
        spec = REPORTS[report]
        rows = spec.rows(authority, Establishment.objects.all(), chosen)
        if output_format == "json":
            text = json.dumps([dict(zip(spec.header, row, strict=True)) for row in rows], indent=2)
            self.stdout.write(text + "\n", ending="")
        else:
            self.stdout.write(tables.as_csv(spec.header, rows), ending="")
