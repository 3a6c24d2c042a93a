"""`uplift users`: the people pages on the command line, through the same services.

  uplift users list [--la CODE]
  uplift users invite EMAIL --first-name F --last-name L --la CODE --as ADMIN
  uplift users grant EMAIL ROLE [--la CODE] [--urn URN] [--board ID] [--schools URN ...]
                     [--caseload N] --reason WHY --as ADMIN
  uplift users revoke EMAIL ROLE [--urn URN] [--board ID] --reason WHY --as ADMIN
  uplift users deactivate EMAIL --reason WHY --as ADMIN

--as names the LA administrator (or system administrator) making the change, by email or
username. Unknown people, schools or LAs exit 2; a refused change exits 1 with the reason."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from uplift.accounts.models import Role, RoleGrant
from uplift.audit.models import Via
from uplift.core.errors import Refused
from uplift.people import services
from uplift.schools.models import Establishment, LocalAuthority, SchoolGroup

USAGE = 2
REFUSED = 1


class Command(BaseCommand):
    help = "List, invite, grant roles to, revoke roles from and deactivate people."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        listing = actions.add_parser("list", help="everyone, with their roles")
        listing.add_argument("--la", help="only this LA's people (LA code, e.g. 919)")

        invite = actions.add_parser("invite", help="create an account and email a link")
        invite.add_argument("email")
        invite.add_argument("--first-name", required=True)
        invite.add_argument("--last-name", required=True)
        invite.add_argument("--la", required=True, help="the inviting LA's code")
        invite.add_argument("--reason", default="Invited to use Uplift")
        invite.add_argument("--as", dest="actor", required=True)

        for name, text in (("grant", "give a role"), ("revoke", "remove a role")):
            sub = actions.add_parser(name, help=text)
            sub.add_argument("email")
            sub.add_argument("role", choices=Role.values)
            sub.add_argument("--la", help="the LA's code (LA roles)")
            sub.add_argument("--urn", type=int, help="the school (headteacher, chair)")
            sub.add_argument("--board", type=int, help="the board's id (board member)")
            sub.add_argument("--reason", required=True)
            sub.add_argument("--as", dest="actor", required=True)
            if name == "grant":
                sub.add_argument("--schools", type=int, nargs="*", default=[], help="URNs")
                sub.add_argument("--caseload", type=int)

        deactivate = actions.add_parser("deactivate", help="switch an account off")
        deactivate.add_argument("email")
        deactivate.add_argument("--reason", required=True)
        deactivate.add_argument("--as", dest="actor", required=True)

    def handle(self, *args, action, **opts):
        try:
            getattr(self, f"do_{action}")(**opts)
        except Refused as refused:
            raise CommandError(f"refused: {refused}", returncode=REFUSED) from None

    # -- looking things up (unknown ones are usage errors) ----------------------------------
    def _person(self, text):
        User = get_user_model()
        found = User.objects.filter(Q(email__iexact=text) | Q(username=text)).first()
        if found is None:
            raise CommandError(f"no one with the email address {text!r}", returncode=USAGE)
        return found

    def _la(self, code):
        if code is None:
            return None
        la = LocalAuthority.objects.filter(code=code).first()
        if la is None:
            raise CommandError(f"no local authority with the code {code!r}", returncode=USAGE)
        return la

    def _school(self, urn):
        if urn is None:
            return None
        school = Establishment.objects.filter(urn=urn).first()
        if school is None:
            raise CommandError(f"no school with URN {urn}", returncode=USAGE)
        return school

    def _board(self, pk):
        if pk is None:
            return None
        board = SchoolGroup.objects.filter(pk=pk).first()
        if board is None:
            raise CommandError(f"no board with id {pk}", returncode=USAGE)
        return board

    # -- actions ----------------------------------------------------------------------------
    def do_list(self, *, la=None, **_):
        people = get_user_model().objects.order_by("last_name", "first_name", "email")
        if la is not None:
            la_obj = self._la(la)
            people = people.filter(
                Q(role_grants__la=la_obj)
                | Q(role_grants__establishment__la=la_obj)
                | Q(invitations__la=la_obj)
            ).distinct()
        grants = {}
        for grant in RoleGrant.objects.select_related("la", "establishment", "group", "user"):
            grants.setdefault(grant.user_id, []).append(services.describe_grant(grant))
        for person in people:
            state = "" if person.is_active else " [switched off]"
            roles = "; ".join(grants.get(person.pk, [])) or "no role"
            name = person.get_full_name() or person.username
            self.stdout.write(f"{person.email or person.username}\t{name}{state}\t{roles}")

    def do_invite(self, *, email, first_name, last_name, la, reason, actor, **_):
        user = services.invite_person(
            actor=self._person(actor),
            via=Via.CLI,
            la=self._la(la),
            email=email,
            first_name=first_name,
            last_name=last_name,
            reason=reason,
        )
        self.stdout.write(f"Invitation sent to {user.email}")

    def do_grant(self, *, email, role, la, urn, board, schools, caseload, reason, actor, **_):
        grant = services.grant_role(
            actor=self._person(actor),
            via=Via.CLI,
            user=self._person(email),
            role=role,
            la=self._la(la),
            establishment=self._school(urn),
            group=self._board(board),
            schools=[self._school(u) for u in schools],
            caseload=caseload,
            reason=reason,
        )
        extra = f" with {grant.schools.count()} schools" if grant.role == Role.ADVISER else ""
        self.stdout.write(f"{services.describe_grant(grant)} given to {email}{extra}")

    def do_revoke(self, *, email, role, la, urn, board, reason, actor, **_):
        person = self._person(email)
        grants = RoleGrant.objects.filter(user=person, role=role)
        if la is not None:
            grants = grants.filter(la=self._la(la))
        if urn is not None:
            grants = grants.filter(establishment=self._school(urn))
        if board is not None:
            grants = grants.filter(group=self._board(board))
        if grants.count() != 1:
            found = "no such role" if not grants else "more than one such role: say which"
            raise CommandError(f"{email} has {found}", returncode=USAGE)
        grant = grants.get()
        described = services.describe_grant(grant)
        services.revoke_role(actor=self._person(actor), via=Via.CLI, grant=grant, reason=reason)
        self.stdout.write(f"{described} removed from {email}")

    def do_deactivate(self, *, email, reason, actor, **_):
        services.set_active(
            actor=self._person(actor),
            via=Via.CLI,
            user=self._person(email),
            active=False,
            reason=reason,
        )
        self.stdout.write(f"{email} switched off")
