"""`uplift governors ACTION --user NAME ...`: the schools with vacancies (or only those
needing attention), one school's governing body, and appointing a governor. The same
services as the pages, audited as the command line; unknown names are usage errors (exit 2),
a refused change exits 1 with the reason."""

import argparse
from datetime import date

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from uplift.audit.models import Via
from uplift.core.errors import Refused
from uplift.governors import selectors, services
from uplift.governors.models import Category, GovernorRole

USAGE, REFUSED = 2, 1


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-09-01") from None


class Command(BaseCommand):
    help = "Governor services: vacancies, show, appoint."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)

        def action(name, help_text):
            sub = actions.add_parser(name, help=help_text)
            sub.add_argument("--user", required=True, help="the Uplift user acting")
            return sub

        vacancies = action("vacancies", "governing bodies, their vacancies and chairs")
        vacancies.add_argument(
            "--attention", action="store_true", help="only over 20%% vacant or chair expired"
        )
        show = action("show", "a school's governing body and serving governors")
        show.add_argument("urn", type=int)
        appoint = action("appoint", "a governor to a school's governing body")
        appoint.add_argument("--urn", type=int, required=True)
        appoint.add_argument("--name", required=True)
        appoint.add_argument("--category", required=True, choices=Category.values)
        appoint.add_argument("--role", choices=GovernorRole.values, default=GovernorRole.MEMBER)
        appoint.add_argument("--appointed-by", required=True)
        appoint.add_argument("--starts", type=iso_date, required=True)
        appoint.add_argument("--ends", type=iso_date, required=True)
        appoint.add_argument("--appointment", default="", help="an s.64 or s.65 appointment")

    def handle(self, *args, **opts):
        user = get_user_model().objects.filter(username=opts["user"]).first()
        if user is None:
            raise CommandError(f"no user called {opts['user']!r}", returncode=USAGE)
        try:
            getattr(self, "do_" + opts["action"])(user, opts)
        except Refused as refused:
            raise CommandError(str(refused), returncode=REFUSED) from None

    def _body(self, user, urn):
        body = selectors.body_for_school(user, urn)
        if body is None:
            raise CommandError(
                f"no governing body of URN {urn} that {user} may read", returncode=USAGE
            )
        return body

    def do_vacancies(self, user, opts):
        rows = selectors.standings(user)
        for s in rows:
            if opts["attention"] and not s.needs_attention:
                continue
            flag = f"  ATTENTION: {'; '.join(s.reasons)}" if s.needs_attention else ""
            self.stdout.write(
                f"{s.body.establishment.urn}  {s.body.establishment.name}: "
                f"{s.vacancies} of {s.places} vacant ({s.vacancy_percent}%){flag}"
            )

    def do_show(self, user, opts):
        s = selectors.standing_of(self._body(user, opts["urn"]))
        self.stdout.write(f"{s.body} ({s.vacancies} of {s.places} places vacant)")
        self.stdout.write(f"Clerk: {s.body.clerk or 'not recorded'}")
        for g in s.governors:
            overdue = " TERM OVERDUE" if g.term_ends_on < s.day else ""
            self.stdout.write(
                f"{g.pk:>5}  {g.name}, {g.get_category_display()} ({g.get_role_display()}), "
                f"term to {g.term_ends_on}{overdue}"
            )

    def do_appoint(self, user, opts):
        governor = services.appoint_governor(
            actor=user,
            via=Via.CLI,
            body=self._body(user, opts["urn"]),
            name=opts["name"],
            category=opts["category"],
            role=opts["role"],
            appointed_by=opts["appointed_by"],
            starts_on=opts["starts"],
            term_ends_on=opts["ends"],
            appointment=opts["appointment"],
        )
        self.stdout.write(f"Governor {governor.pk} appointed: {governor.name}")
