"""`uplift partnerships ACTION --user NAME ...`: list and show partnerships, create one, add
a seat, appoint someone to it, make it responsible for schools, and show a meeting's quorum.
The same services as the pages, audited as the command line; unknown names are usage errors
(exit 2), a refused change exits 1 with the reason."""

import argparse
from datetime import date

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from uplift.audit.models import Via
from uplift.core.errors import Refused
from uplift.partnerships import access, meetings, operating, selectors, services
from uplift.partnerships.models import Constituency, Kind, Meeting, Quorum, Seat
from uplift.partnerships.operating_models import PRESETS
from uplift.schools.local_authorities import normalise_code
from uplift.schools.models import Establishment, LocalAuthority

USAGE, REFUSED = 2, 1


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-09-01") from None


class Command(BaseCommand):
    help = (
        "Partnerships and boards: list, show, create, add-seat, appoint, responsible, quorum, "
        "operating-model."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)

        def action(name, help_text):
            sub = actions.add_parser(name, help=help_text)
            sub.add_argument("--user", required=True, help="the Uplift user acting")
            return sub

        action("list", "the partnerships the user may read")
        show = action("show", "a partnership's terms, seats (vacancies) and schools")
        show.add_argument("partnership", type=int)
        create = action("create", "a new partnership")
        create.add_argument("--la", required=True, help="the DfE LA code, e.g. 919")
        create.add_argument("--kind", required=True, choices=Kind.values)
        create.add_argument("--name", required=True)
        create.add_argument("--quorum", choices=Quorum.values, default=Quorum.MAJORITY)
        create.add_argument("--quorum-number", type=int)
        create.add_argument("--casting-vote", action="store_true", help="the chair has one")
        create.add_argument("--terms", default="", help="the terms of reference")
        seat = action("add-seat", "a seat on the partnership's board")
        seat.add_argument("--partnership", type=int, required=True)
        seat.add_argument("--name", required=True)
        seat.add_argument("--constituency", required=True, choices=Constituency.values)
        seat.add_argument("--no-vote", action="store_true", help="the seat attends without one")
        seat.add_argument("--chair", action="store_true", help="the chair's seat")
        appoint = action("appoint", "someone to a seat for a term of office")
        appoint.add_argument("--seat", type=int, required=True)
        appoint.add_argument("--person", required=True)
        appoint.add_argument("--holder", help="their Uplift username, to sign in as a member")
        appoint.add_argument("--starts", type=iso_date, required=True)
        appoint.add_argument("--ends", type=iso_date)
        responsible = action("responsible", "make it responsible for schools from a date")
        responsible.add_argument("--partnership", type=int, required=True)
        responsible.add_argument("--urn", type=int, nargs="+", required=True)
        responsible.add_argument("--from", dest="starts", type=iso_date, required=True)
        responsible.add_argument("--reason", required=True)
        quorum = action("quorum", "a meeting's quorum")
        quorum.add_argument("meeting", type=int)
        model = action("operating-model", "choose the LA's operating model from a preset")
        model.add_argument("--la", required=True, help="the DfE LA code, e.g. 919")
        model.add_argument("--preset", required=True, choices=sorted(PRESETS))
        model.add_argument("--lead", type=int, help="the partnership that takes its roles")
        model.add_argument("--reason", required=True)

    def handle(self, *args, **opts):
        user = self._user(opts["user"])
        try:
            getattr(self, "do_" + opts["action"].replace("-", "_"))(user, opts)
        except Refused as refused:
            raise CommandError(str(refused), returncode=REFUSED) from None

    def _user(self, username):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user called {username!r}", returncode=USAGE)
        return user

    def _partnership(self, user, pk):
        found = access.visible_partnerships(user).select_related("la").filter(pk=pk).first()
        if found is None:
            raise CommandError(f"no partnership {pk} that {user} may read", returncode=USAGE)
        return found

    def do_list(self, user, opts):
        for p in selectors.partnerships_for_list(user):
            sample = " (sample)" if p.is_sample else ""
            self.stdout.write(f"{p.pk:>5}  {p.name}{sample}, {p.get_kind_display()}: {p.schools}")

    def do_show(self, user, opts):
        o = selectors.overview(self._partnership(user, opts["partnership"]))
        p = o.partnership
        casting = "the chair has a casting vote" if p.chair_has_casting_vote else "no casting vote"
        self.stdout.write(f"{p.name} ({p.get_kind_display()}, {p.la.name})")
        self.stdout.write(f"Quorum: {p.get_quorum_display().lower()}; {casting}")
        self.stdout.write(f"Seats: {len(o.seats)}, {o.voting_seats} voting, {o.vacancies} vacant")
        for row in o.seats:
            holder = "VACANT" if row.vacant else f"{row.holding.person} to {row.holding.ends_on}"
            vote = "vote" if row.seat.voting else "no vote"
            self.stdout.write(f"{row.seat.pk:>5}  {row.seat.name} ({vote}): {holder}")
        self.stdout.write(f"Schools: {len(o.schools)}")

    def do_create(self, user, opts):
        la = LocalAuthority.objects.filter(code=normalise_code(opts["la"])).first()
        if la is None:
            raise CommandError(f"no LA with code {opts['la']!r}", returncode=USAGE)
        p = services.create_partnership(
            actor=user,
            via=Via.CLI,
            la=la,
            kind=opts["kind"],
            name=opts["name"],
            terms_of_reference=opts["terms"],
            quorum=opts["quorum"],
            quorum_number=opts["quorum_number"],
            chair_has_casting_vote=opts["casting_vote"],
        )
        self.stdout.write(f"Partnership {p.pk} created: {p.name}")

    def do_add_seat(self, user, opts):
        seat = services.add_seat(
            actor=user,
            via=Via.CLI,
            partnership=self._partnership(user, opts["partnership"]),
            name=opts["name"],
            constituency=opts["constituency"],
            voting=not opts["no_vote"],
            chairs=opts["chair"],
        )
        self.stdout.write(f"Seat {seat.pk} added: {seat.name}")

    def do_appoint(self, user, opts):
        seat = Seat.objects.filter(
            pk=opts["seat"], partnership__in=access.visible_partnerships(user)
        ).first()
        if seat is None:
            raise CommandError(f"no seat {opts['seat']}", returncode=USAGE)
        holder = self._user(opts["holder"]) if opts["holder"] else None
        holding = services.appoint(
            actor=user,
            via=Via.CLI,
            seat=seat,
            person=opts["person"],
            user=holder,
            starts_on=opts["starts"],
            ends_on=opts["ends"],
        )
        self.stdout.write(f"{holding.person} holds {seat.name} to {holding.ends_on}")

    def do_responsible(self, user, opts):
        partnership = self._partnership(user, opts["partnership"])
        schools = list(Establishment.objects.filter(urn__in=opts["urn"]))
        missing = set(opts["urn"]) - {s.urn for s in schools}
        if missing:
            raise CommandError(f"no school with URN {min(missing)}", returncode=USAGE)
        made = services.take_responsibility(
            actor=user,
            via=Via.CLI,
            partnership=partnership,
            establishments=schools,
            starts_on=opts["starts"],
            reason=opts["reason"],
        )
        self.stdout.write(f"{partnership.name} is responsible for {len(made)} more schools")

    def do_quorum(self, user, opts):
        meeting = Meeting.objects.filter(
            pk=opts["meeting"], partnership__in=access.visible_partnerships(user)
        ).first()
        if meeting is None:
            raise CommandError(f"no meeting {opts['meeting']}", returncode=USAGE)
        q = meetings.meeting_quorum(meeting)
        state = "quorate" if q.quorate else "not quorate"
        self.stdout.write(
            f"{state}: {q.voting_present} of {q.voting_held} voting seats present, {q.needed} "
            f"needed; {q.non_voting_present} present without a vote (not counted)"
        )

    def do_operating_model(self, user, opts):
        la = LocalAuthority.objects.filter(code=normalise_code(opts["la"])).first()
        if la is None:
            raise CommandError(f"no LA with code {opts['la']!r}", returncode=USAGE)
        lead = self._partnership(user, opts["lead"]) if opts["lead"] else None
        current = operating.operating_model_of(la)
        model = operating.choose_operating_model(
            actor=user,
            via=Via.CLI,
            la=la,
            preset=opts["preset"],
            lead_partnership=lead,
            version=current.version if current else None,
            reason=opts["reason"],
        )
        self.stdout.write(
            f"{la.name}: {PRESETS[model.preset].label}; categories agreed by "
            f"{model.get_agrees_display().lower()}, commissioned by "
            f"{model.get_commissions_display().lower()}"
        )
