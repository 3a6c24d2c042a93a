"""`uplift demo`: load Hertfordshire's real public data and create the demo personas."""

import sys

from django.core.management.base import BaseCommand

from uplift.demo.brokerage import seed_brokerage
from uplift.demo.casework import seed_casework
from uplift.demo.data_files import DEMO_LA_CODE, load_demo_files
from uplift.demo.earlywarning import seed_early_warning
from uplift.demo.feedback import seed_feedback
from uplift.demo.funds import seed_money
from uplift.demo.governors import seed_governors
from uplift.demo.impact import seed_impact
from uplift.demo.personas_seed import seed_personas
from uplift.schools.models import LocalAuthority


class Command(BaseCommand):
    help = "Load the demo data (idempotent) and create the demo personas, printing their logins."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="hide progress bars")

    def handle(self, *args, **options):
        progress = sys.stderr.isatty() and not options["no_progress"]
        self.stdout.write("Loading the demo data (real public files in demo_data/):")
        load_demo_files(progress=progress, say=self.stdout.write)
        logins = seed_personas()
        la = LocalAuthority.objects.get(code=DEMO_LA_CODE)
        self.stdout.write(f"Categorisation and casework: {seed_casework(la=la)}")
        self.stdout.write(f"Early warning: {seed_early_warning(la=la)}")
        self.stdout.write(f"School-to-school support: {seed_brokerage(la=la)}")
        self.stdout.write(f"Money and commissioning: {seed_money(la=la)}")
        self.stdout.write(f"Impact of support: {seed_impact(la=la)}")
        self.stdout.write(f"Feedback surveys: {seed_feedback(la=la)}")
        self.stdout.write(f"Governor services: {seed_governors(la=la)}")
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {logins.password}):")
        for line in logins.lines:
            self.stdout.write(f"  {line}")
