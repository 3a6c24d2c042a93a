"""`uplift grant-claims --la 919 [--status waiting|paid|declined]`: the claims made against
the LA's grant awards, oldest first, one a line."""

from django.core.management.base import BaseCommand, CommandError

from uplift.commissioning.grants.selectors import claims_of_la
from uplift.commissioning.models import ClaimStatus
from uplift.funds.money import pounds
from uplift.schools.local_authorities import normalise_code
from uplift.schools.models import LocalAuthority

USAGE = 2
STATUSES = {
    "waiting": ClaimStatus.SUBMITTED,
    "paid": ClaimStatus.APPROVED,
    "declined": ClaimStatus.REFUSED,
}


class Command(BaseCommand):
    help = "List the claims against an LA's grant awards."

    def add_arguments(self, parser):
        parser.add_argument("--la", required=True, help="the DfE LA code, e.g. 919")
        parser.add_argument("--status", choices=tuple(STATUSES))

    def handle(self, *args, **opts):
        la = LocalAuthority.objects.filter(code=normalise_code(opts["la"])).first()
        if la is None:
            raise CommandError(f"There is no LA with code {opts['la']}", returncode=USAGE)
        status = STATUSES.get(opts["status"] or "")
        for claim in claims_of_la(la=la, status=status):
            application = claim.application
            self.stdout.write(
                f"{claim.pk:>5}  {claim.submitted_at:%Y-%m-%d}  "
                f"{application.establishment.name} ({application.establishment.urn}), "
                f"{application.scheme.name}: {pounds(claim.amount_pence)}, "
                f"{claim.get_status_display().lower()}"
            )
