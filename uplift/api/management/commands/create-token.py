"""`uplift create-token USERNAME [--name NAME] [--reason TEXT]`: a new API token, printed
once on standard output (the notice goes to standard error), and audited."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from uplift.api.services import create_token
from uplift.audit.models import Via


class Command(BaseCommand):
    help = (
        "Create an API token for a user and print it. It carries the user's scope. "
        "Only a hash is kept: copy the token now, it cannot be shown again."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="what the token is for")
        parser.add_argument("--reason", default="", help="why, kept in the audit trail")

    def handle(self, *args, username, name, reason, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user called {username!r}", returncode=2)
        if not user.is_active:
            raise CommandError(f"user {username!r} is not active", returncode=2)
        issued = create_token(user=user, name=name.strip()[:100], via=Via.CLI, reason=reason)
        self.stderr.write(
            f"Token {issued.token.prefix}… for {username}. Copy it now: it is not stored "
            "and cannot be shown again. Send it as 'Authorization: Bearer <token>'."
        )
        self.stdout.write(issued.secret)
