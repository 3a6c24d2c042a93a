"""What `uplift group-add-member` and `uplift group-end-member` share: the arguments,
looking up the user, group and school (unknown ones are usage errors, exit 2), and
calling a service (a refused change exits 1 with the reason)."""

import argparse
from datetime import date

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from uplift.core.errors import Refused
from uplift.schools.models import Establishment, SchoolGroup

USAGE = 2
REFUSED = 1


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-09-01") from None


class MembershipCommand(BaseCommand):
    date_option = ""  # "joined" or "left"

    def add_arguments(self, parser):
        parser.add_argument("--group", type=int, required=True, help="the group's id")
        parser.add_argument("--urn", type=int, required=True, help="the school's URN")
        parser.add_argument(
            f"--{self.date_option}", type=iso_date, required=True, help="a date, YYYY-MM-DD"
        )
        parser.add_argument("--reason", required=True, help="why, kept in the history")
        parser.add_argument("--user", required=True, help="the Uplift user making the change")

    def handle(self, *args, **opts):
        user = get_user_model().objects.filter(username=opts["user"]).first()
        if user is None:
            raise CommandError(f"no user called {opts['user']!r}", returncode=USAGE)
        group = SchoolGroup.objects.filter(pk=opts["group"]).first()
        if group is None:
            raise CommandError(f"no group with id {opts['group']}", returncode=USAGE)
        school = Establishment.objects.filter(urn=opts["urn"]).first()
        if school is None:
            raise CommandError(f"no school with URN {opts['urn']}", returncode=USAGE)
        if not opts["reason"].strip():
            raise CommandError("--reason must say why", returncode=USAGE)
        try:
            message = self.change(user=user, group=group, school=school, opts=opts)
        except Refused as refused:
            raise CommandError(f"refused: {refused}", returncode=REFUSED) from None
        self.stdout.write(message)

    def change(self, *, user, group, school, opts) -> str:
        raise NotImplementedError
