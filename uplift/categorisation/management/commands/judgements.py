"""`uplift judgements import FILE [--user NAME] [--dry-run]`: officers' judgements from a
file, one row per school and criterion. The same importer as `uplift import judgements` and
the upload pages: every row is checked before anything is written."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Record officers' judgements from a file (one row per school and criterion)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        imported = sub.add_parser(
            "import",
            help="import a judgements file",
            description="Columns: URN, Criterion, Judgement, Evidence and Date (blank: today).",
        )
        imported.add_argument("file", help="the judgements file (CSV, XLSX or ODS)")
        imported.add_argument("--user", help="record the judgements as made by this user")
        imported.add_argument("--dry-run", action="store_true", help="check; write nothing")
        imported.set_defaults(verbosity=1, traceback=False)

    def handle(self, *args, **opts):
        arguments = ["judgements", opts["file"], "--no-progress"]
        if opts.get("user"):
            arguments += ["--user", opts["user"]]
        if opts.get("dry_run"):
            arguments.append("--dry-run")
        call_command("import", *arguments, stdout=self.stdout, stderr=self.stderr)
