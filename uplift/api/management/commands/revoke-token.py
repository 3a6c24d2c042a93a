"""`uplift revoke-token PREFIX --reason TEXT`: stop a token working, audited. The prefix
is printed when the token is made."""

from django.core.management.base import BaseCommand, CommandError

from uplift.api.models import ApiToken
from uplift.api.services import revoke_token
from uplift.audit.models import Via


class Command(BaseCommand):
    help = "Revoke an API token, named by the prefix printed when it was created (upl_...)."

    def add_arguments(self, parser):
        parser.add_argument("prefix")
        parser.add_argument("--reason", required=True, help="why, kept in the audit trail")

    def handle(self, *args, prefix, reason, **options):
        if not reason.strip():
            raise CommandError("--reason: say why the token is revoked", returncode=2)
        tokens = list(ApiToken.objects.filter(prefix=prefix.rstrip("…").strip()))
        if len(tokens) != 1:
            found = "no token" if not tokens else f"{len(tokens)} tokens"
            raise CommandError(f"{found} with prefix {prefix!r}", returncode=2)
        token = revoke_token(token=tokens[0], via=Via.CLI, reason=reason)
        self.stdout.write(f"Revoked {token.prefix}… of {token.user.get_username()}.")
