"""`uplift feedback-rollup --la 919`: the schools' feedback rolled up per provider and per
service (surveys sent and answered, mean rating, % agreeing) as CSV on stdout."""

from django.core.management.base import BaseCommand, CommandError

from uplift.feedback.exports import write_rollup_csv
from uplift.feedback.models import Survey
from uplift.schools.models import LocalAuthority

USAGE = 2


class Command(BaseCommand):
    help = "Print the feedback roll-ups (CSV) of an LA's schools, per provider and per service."

    def add_arguments(self, parser):
        parser.add_argument("--la", required=True, metavar="CODE", help="the LA code, e.g. 919")

    def handle(self, *args, **opts):
        la = LocalAuthority.objects.filter(code=opts["la"]).first()
        if la is None:
            raise CommandError(f"There is no LA with the code {opts['la']}", returncode=USAGE)
        write_rollup_csv(self.stdout, Survey.objects.filter(la=la))
