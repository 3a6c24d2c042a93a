"""`uplift brokerage ...`: school-to-school support from the command line.

leaders --la 919                 the register: each leader, designations and eligibility
propose --request 12             a request's ranked proposals and exclusions, with reasons
statement --urn 117101 [--year 2026-27]   a school's Learning Bank statement
credits --urn 117101 --credits 50 --date 2026-09-01 --reason "..." [--user NAME]
                                 add (or take away, never below nought) a school's credits
"""

import argparse
from datetime import date

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from uplift.audit.models import Via
from uplift.brokerage import selectors
from uplift.brokerage.eligibility import eligibility_of
from uplift.brokerage.matching import broker
from uplift.brokerage.models import SupportRequest, SystemLeader
from uplift.brokerage.services import credits
from uplift.core.errors import Refused
from uplift.schools.local_authorities import normalise_code
from uplift.schools.models import Establishment, LocalAuthority
from uplift.support.visits.entitlement import parse_academic_year

USAGE, REFUSED = 2, 1


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-09-01") from None


class Command(BaseCommand):
    help = "School-to-school support: the register, proposals, credits statements."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        leaders = sub.add_parser("leaders", help="the register of system leaders")
        leaders.add_argument("--la", required=True, help="the DfE LA code, e.g. 919")
        propose = sub.add_parser("propose", help="a request's ranked proposals")
        propose.add_argument("--request", type=int, required=True)
        statement = sub.add_parser("statement", help="a school's credits statement")
        statement.add_argument("--urn", type=int, required=True)
        statement.add_argument("--year", default="", help="e.g. 2026-27 (default: this year)")
        adjust = sub.add_parser("credits", help="add or take away a school's credits")
        adjust.add_argument("--urn", type=int, required=True)
        adjust.add_argument("--credits", type=int, required=True)
        adjust.add_argument("--date", type=iso_date, required=True)
        adjust.add_argument("--reason", required=True)
        adjust.add_argument("--user", help="the Uplift user to record as making the change")

    def handle(self, *args, **opts):
        try:
            getattr(self, f"_{opts['action']}")(opts)
        except Refused as refused:
            raise CommandError(f"refused: {refused}", returncode=REFUSED) from None

    def _leaders(self, opts):
        code = normalise_code(opts["la"])
        la = LocalAuthority.objects.filter(code=code).first() if code else None
        if la is None:
            raise CommandError(f"There is no LA with code {opts['la']!r}", returncode=USAGE)
        leaders = list(
            SystemLeader.objects.filter(organisation__la=la)
            .select_related("organisation__establishment")
            .prefetch_related("designations")
        )
        schools = [ld.organisation.establishment for ld in leaders if ld.organisation.establishment]
        verdicts = eligibility_of(schools=schools)
        for leader in leaders:
            designations = ", ".join(str(d) for d in leader.designations.all()) or "none"
            verdict = verdicts.get(leader.organisation.establishment_id)
            eligible = "not a school" if verdict is None else verdict.summary
            self.stdout.write(
                f"{leader.name} ({leader.organisation.name}): {designations}. {eligible}"
            )

    def _propose(self, opts):
        request = (
            SupportRequest.objects.select_related("establishment")
            .filter(pk=opts["request"])
            .first()
        )
        if request is None:
            raise CommandError(f"There is no request {opts['request']}", returncode=USAGE)
        found = broker(request=request)
        for rank, proposal in enumerate(found.proposals, 1):
            self.stdout.write(f"{rank}. {proposal.leader.name} ({proposal.score})")
            for reason in proposal.reasons:
                self.stdout.write(f"   - {reason}")
        for exclusion in found.exclusions:
            self.stdout.write(f"Excluded: {exclusion.leader.name}: {' '.join(exclusion.reasons)}")

    def _school(self, urn):
        school = Establishment.objects.filter(urn=urn).first()
        if school is None:
            raise CommandError(f"There is no school with URN {urn}", returncode=USAGE)
        return school

    def _statement(self, opts):
        school = self._school(opts["urn"])
        year = opts["year"] or selectors.this_year()
        try:
            parse_academic_year(year)
        except ValueError as error:
            raise CommandError(str(error), returncode=USAGE) from None
        found = selectors.statement(establishment=school, academic_year=year)
        self.stdout.write(f"{school.name}, {year}: brought forward {found.opening}")
        for entry in found.entries:
            self.stdout.write(
                f"{entry.occurred_on}  {entry.credits:+6d}  {entry.balance_after:6d}  "
                f"{entry.description}"
            )
        self.stdout.write(
            f"Earned {found.earned}, spent {found.spent}, adjusted {found.adjusted}; "
            f"balance {found.closing}"
        )

    def _credits(self, opts):
        school = self._school(opts["urn"])
        actor = None
        if opts["user"]:
            actor = get_user_model().objects.filter(username=opts["user"]).first()
            if actor is None:
                raise CommandError(f"There is no user {opts['user']!r}", returncode=USAGE)
        credits.adjust_credits(
            actor=actor,
            via=Via.CLI,
            establishment=school,
            credits=opts["credits"],
            occurred_on=opts["date"],
            reason=opts["reason"],
        )
        self._statement({"urn": opts["urn"], "year": ""})
