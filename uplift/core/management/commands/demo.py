"""`uplift demo`: load Hertfordshire's real public data and create the demo personas."""

import sys

from django.core.management.base import BaseCommand

from uplift.core.demo import load_demo_files
from uplift.core.demo_personas import seed_personas


class Command(BaseCommand):
    help = "Load the demo data (idempotent) and create the demo personas, printing their logins."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="hide progress bars")

    def handle(self, *args, **options):
        progress = sys.stderr.isatty() and not options["no_progress"]
        self.stdout.write("Loading the demo data (real public files in demo_data/):")
        load_demo_files(progress=progress, say=self.stdout.write)
        logins = seed_personas()
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {logins.password}):")
        for line in logins.lines:
            self.stdout.write(f"  {line}")
