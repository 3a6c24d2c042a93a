"""`uplift import NAME FILE [options]`: the same import service the upload page uses."""

import getpass
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from uplift.imports import registry
from uplift.imports.errors import FileRejected
from uplift.imports.services import run_import

SHOWN_ERRORS = 20


class Command(BaseCommand):
    help = "Import a public data file (GIAS, Ofsted MI, DfE performance tables, LAIT)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="importer", required=True, metavar="IMPORTER")
        for importer in registry.all_importers():
            p = sub.add_parser(importer.name, help=importer.label, description=importer.description)
            p.add_argument("file", help="the file as published (CSV, XLSX or ODS)")
            for option in importer.options:
                p.add_argument(
                    f"--{option.name}",
                    dest=option.name.replace("-", "_"),
                    choices=option.choices or None,
                    required=option.required,
                    help=option.help,
                )
            p.add_argument("--dry-run", action="store_true", help="check and count; write nothing")
            p.add_argument("--user", help="record the import against this Uplift user")
            p.add_argument("--no-progress", action="store_true", help="hide the progress bar")
            # Django's own options are added to the top parser only.
            p.set_defaults(verbosity=1, traceback=False)

    def handle(self, *args, **opts):
        from pathlib import Path

        importer = registry.get(opts["importer"])
        path = Path(opts["file"])
        if not path.is_file():
            self.stderr.write(f"uplift import {importer.name}: no such file: {path}")
            sys.exit(2)
        user = None
        if opts.get("user"):
            user = get_user_model().objects.filter(username=opts["user"]).first()
            if user is None:
                self.stderr.write(f"uplift import: no user called {opts['user']!r}")
                sys.exit(2)
        options = {
            o.name: opts[o.name.replace("-", "_")]
            for o in importer.options
            if opts.get(o.name.replace("-", "_")) is not None
        }
        for option in importer.options:
            value = options.get(option.name)
            if value and option.pattern:
                import re

                if not re.fullmatch(option.pattern, value):
                    self.stderr.write(
                        f"uplift import {importer.name}: --{option.name} {value!r} should look "
                        f"like {option.example}"
                    )
                    sys.exit(2)
        progress = sys.stderr.isatty() and not opts["no_progress"]
        try:
            run = run_import(
                importer_name=importer.name,
                path=path,
                options=options,
                user=user,
                actor=opts.get("user") or f"cli:{getpass.getuser()}",
                dry_run=opts["dry_run"],
                progress=progress,
            )
        except FileRejected as rejected:
            self.stderr.write(f"{path.name}: rejected, nothing was written.")
            for error in rejected.errors[:SHOWN_ERRORS]:
                self.stderr.write(f"  {error}")
            if len(rejected.errors) > SHOWN_ERRORS:
                self.stderr.write(f"  ... and {len(rejected.errors) - SHOWN_ERRORS} more")
            raise CommandError("import rejected", returncode=1) from None
        prefix = "DRY RUN (nothing written): " if opts["dry_run"] else ""
        self.stdout.write(
            f"{prefix}{run.file_name}: {run.rows_read} rows read, {run.rows_added} added, "
            f"{run.rows_updated} updated, {run.rows_unchanged} unchanged, "
            f"{run.rows_rejected} rejected. {run.summary}".rstrip()
        )
