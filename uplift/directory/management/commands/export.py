"""`uplift export schools --la CODE [--format csv|json]`: an LA's establishments and their
latest inspection outcomes, to standard output."""

import json
from dataclasses import asdict
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from uplift.core.csv_files import csv_text
from uplift.directory.export import EXPORT_COLUMNS, establishments_for_export
from uplift.schools.local_authorities import normalise_code
from uplift.schools.models import LocalAuthority

USAGE_ERROR = 2


class Command(BaseCommand):
    help = "Export an LA's establishments with their latest inspection, as CSV or JSON."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["schools"], help="what to export")
        parser.add_argument("--la", required=True, help="the DfE LA code, e.g. 919")
        parser.add_argument(
            "--format", dest="output_format", choices=["csv", "json"], default="csv"
        )

    def handle(self, *args, la, output_format, **options):
        code = normalise_code(la)
        if code is None:
            raise CommandError(
                f"--la {la!r} is not a DfE LA code (three digits, e.g. 919)",
                returncode=USAGE_ERROR,
            )
        try:
            rows = [asdict(row) for row in establishments_for_export(la_code=code)]
        except LocalAuthority.DoesNotExist:
            raise CommandError(
                f"no local authority with code {code} in Uplift (import a GIAS file first, "
                "or check the code)",
                returncode=USAGE_ERROR,
            ) from None
        text = _as_json(rows) if output_format == "json" else _as_csv(rows)
        self.stdout.write(text, ending="")


def _as_csv(rows: list[dict]) -> str:
    return csv_text(EXPORT_COLUMNS, ([row.get(name) for name in EXPORT_COLUMNS] for row in rows))


def _as_json(rows: list[dict]) -> str:
    def default(value):
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(f"cannot write {type(value).__name__} as JSON")

    return json.dumps(rows, indent=2, ensure_ascii=False, default=default) + "\n"
