"""Changes to partnership bodies: creating one with its terms of reference, its members, the
schools it is responsible for, its seats and who holds them, and a round's role for it. Each
runs in one transaction with its audit event; the terms carry a version (a stale save is
refused)."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from uplift.audit.services import record_event
from uplift.core.errors import Conflict, NotAllowed, Refused, StaleVersion
from uplift.partnerships import access, rules
from uplift.partnerships.models import (
    Constituency,
    Holding,
    Kind,
    Member,
    MemberKind,
    Partnership,
    Quorum,
    Responsibility,
    RoundRole,
    Seat,
)
from uplift.schools.models import LocalAuthority


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _required(text: str, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise Refused(f"Enter {what}")
    return text


def _check_manager(actor, partnership=None, la=None) -> None:
    """Only the partnership's LA's officers and system administrators run it."""
    la_id = partnership.la_id if partnership is not None else la.pk
    scope = access.officer_la_scope(actor)
    if scope is None or not LocalAuthority.objects.filter(scope, pk=la_id).exists():
        raise NotAllowed("You cannot run this partnership")


def _terms(quorum: str, quorum_number) -> tuple[str, int | None]:
    if quorum not in Quorum.values:
        raise Refused("Choose how the quorum is set")
    if quorum == Quorum.FIXED:
        if not quorum_number or quorum_number < 1:
            raise Refused("Enter the number of voting members that make a quorum")
        return quorum, quorum_number
    return quorum, None


def create_partnership(
    *,
    actor,
    via: str,
    la,
    kind: str,
    name: str,
    terms_of_reference: str = "",
    quorum: str = Quorum.MAJORITY,
    quorum_number: int | None = None,
    chair_has_casting_vote: bool = False,
    group=None,
    is_sample: bool = False,
    reason: str = "",
) -> Partnership:
    """A new partnership of the LA, with its terms of reference."""
    _check_manager(actor, la=la)
    if kind not in Kind.values:
        raise Refused("Choose the kind of partnership")
    name = _required(name, "the partnership's name")
    quorum, quorum_number = _terms(quorum, quorum_number)
    with transaction.atomic():
        if Partnership.objects.filter(la=la, name__iexact=name).exists():
            raise Conflict(f"{la.name} already has a partnership called {name}")
        partnership = Partnership.objects.create(
            la=la,
            kind=kind,
            name=name,
            group=group,
            terms_of_reference=(terms_of_reference or "").strip(),
            quorum=quorum,
            quorum_number=quorum_number,
            chair_has_casting_vote=chair_has_casting_vote,
            is_sample=is_sample,
            created_at=timezone.now(),
        )
        record_event(
            actor=actor,
            via=via,
            action="partnerships.created",
            obj=partnership,
            la=la,
            changes={"name": [None, name], "kind": [None, kind]},
            reason=reason or "New partnership",
        )
    return partnership


def update_terms(
    *,
    actor,
    via: str,
    partnership: Partnership,
    version: int,
    terms_of_reference: str,
    quorum: str,
    quorum_number: int | None,
    chair_has_casting_vote: bool,
    reason: str,
) -> Partnership:
    """Change the terms of reference. `version` is the one the user saw."""
    _check_manager(actor, partnership)
    reason = _required(reason, "the reason for the change")
    quorum, quorum_number = _terms(quorum, quorum_number)
    fields = {
        "terms_of_reference": (terms_of_reference or "").strip(),
        "quorum": quorum,
        "quorum_number": quorum_number,
        "chair_has_casting_vote": chair_has_casting_vote,
    }
    with transaction.atomic():
        before = Partnership.objects.get(pk=partnership.pk)
        saved = Partnership.objects.filter(pk=partnership.pk, version=version).update(
            version=F("version") + 1, **fields
        )
        if not saved:
            raise StaleVersion(
                "Someone changed the terms of reference while you were looking at them. "
                "Check the current terms and make your change again."
            )
        after = Partnership.objects.get(pk=partnership.pk)
        changes = {
            key: [getattr(before, key), value]
            for key, value in fields.items()
            if getattr(before, key) != value
        }
        record_event(
            actor=actor,
            via=via,
            action="partnerships.terms_changed",
            obj=after,
            la=after.la,
            changes=changes,
            reason=reason,
        )
    return after


def add_member(
    *,
    actor,
    via: str,
    partnership: Partnership,
    kind: str,
    joined_on: date,
    name: str = "",
    establishment=None,
    reason: str = "",
) -> Member:
    """A member of any kind: a school or setting (by its register entry), or a named body
    or person."""
    _check_manager(actor, partnership)
    if kind not in MemberKind.values:
        raise Refused("Choose the kind of member")
    if kind == MemberKind.SCHOOL:
        if establishment is None:
            raise Refused("Enter the URN of the school or setting")
        name = establishment.name
    else:
        name = _required(name, "the member's name")
        establishment = None
    if joined_on is None:
        raise Refused("Enter the date the member joined")
    with transaction.atomic():
        member = Member.objects.create(
            partnership=partnership,
            kind=kind,
            establishment=establishment,
            name=name,
            joined_on=joined_on,
        )
        record_event(
            actor=actor,
            via=via,
            action="partnerships.member_added",
            obj=member,
            la=partnership.la,
            establishment=establishment,
            changes={"member": [None, name], "kind": [None, kind]},
            reason=reason or "New member",
        )
    return member


def take_responsibility(
    *, actor, via: str, partnership: Partnership, establishments, starts_on: date, reason: str
) -> list[Responsibility]:
    """Make the partnership responsible for these schools from `starts_on` (set-based);
    schools it is already responsible for on that day are left as they are."""
    _check_manager(actor, partnership)
    reason = _required(reason, "the reason for the change")
    if starts_on is None:
        raise Refused("Enter the date the responsibility starts")
    establishments = list(establishments)
    if not establishments:
        raise Refused("Choose at least one school")
    if any(school.la_id != partnership.la_id for school in establishments):
        raise Refused(f"A partnership of {partnership.la.name} is responsible for its schools")
    with transaction.atomic():
        already = set(
            Responsibility.objects.filter(
                Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on),
                partnership=partnership,
                establishment__in=establishments,
            ).values_list("establishment_id", flat=True)
        )
        created = Responsibility.objects.bulk_create(
            Responsibility(partnership=partnership, establishment=school, starts_on=starts_on)
            for school in establishments
            if school.pk not in already
        )
        record_event(
            actor=actor,
            via=via,
            action="partnerships.responsibility_taken",
            obj=partnership,
            la=partnership.la,
            changes={
                "schools": [None, sorted(row.establishment.urn for row in created)],
                "starts_on": [None, starts_on.isoformat()],
            },
            reason=reason,
        )
    return created


def end_responsibility(
    *, actor, via: str, responsibility: Responsibility, ends_on: date, reason: str
) -> Responsibility:
    partnership = responsibility.partnership
    _check_manager(actor, partnership)
    reason = _required(reason, "the reason for the change")
    if ends_on is None or ends_on < responsibility.starts_on:
        raise Refused("Enter an end date on or after the start date")
    with transaction.atomic():
        responsibility.ends_on = ends_on
        responsibility.save(update_fields=["ends_on"])
        record_event(
            actor=actor,
            via=via,
            action="partnerships.responsibility_ended",
            obj=partnership,
            la=partnership.la,
            establishment=responsibility.establishment,
            changes={"ends_on": [None, ends_on.isoformat()]},
            reason=reason,
        )
    return responsibility


def add_seat(
    *,
    actor,
    via: str,
    partnership: Partnership,
    name: str,
    constituency: str,
    voting: bool,
    chairs: bool = False,
    term_months: int = 36,
    reason: str = "",
) -> Seat:
    _check_manager(actor, partnership)
    name = _required(name, "the seat's name")
    if constituency not in Constituency.values:
        raise Refused("Choose the seat's constituency")
    if not term_months or term_months < 1:
        raise Refused("Enter the term of office in months")
    try:
        with transaction.atomic():
            seat = Seat.objects.create(
                partnership=partnership,
                name=name,
                constituency=constituency,
                voting=voting,
                chairs=chairs,
                term_months=term_months,
            )
            record_event(
                actor=actor,
                via=via,
                action="partnerships.seat_added",
                obj=seat,
                la=partnership.la,
                changes={"seat": [None, name], "voting": [None, voting], "chairs": [None, chairs]},
                reason=reason or "New seat",
            )
    except IntegrityError:
        raise Conflict(
            f"{partnership.name} already has a seat called {name} or a chair's seat"
        ) from None
    return seat


def appoint(
    *,
    actor,
    via: str,
    seat: Seat,
    person: str,
    starts_on: date,
    ends_on: date | None = None,
    user=None,
    member=None,
    reason: str = "",
) -> Holding:
    """Someone holds the seat for a term of office (by default the seat's term)."""
    partnership = seat.partnership
    _check_manager(actor, partnership)
    person = _required(person, "the name of the person")
    if starts_on is None:
        raise Refused("Enter the date the term starts")
    ends_on = ends_on or starts_on + relativedelta(months=seat.term_months, days=-1)
    if ends_on < starts_on:
        raise Refused("The term must end on or after the day it starts")
    with transaction.atomic():
        Seat.objects.select_for_update().get(pk=seat.pk)
        overlapping = seat.holdings.filter(starts_on__lte=ends_on, ends_on__gte=starts_on).first()
        rules.check("appoint", seat=seat, overlapping=overlapping)
        holding = Holding.objects.create(
            seat=seat,
            person=person,
            user=user,
            member=member,
            starts_on=starts_on,
            ends_on=ends_on,
        )
        record_event(
            actor=actor,
            via=via,
            action="partnerships.appointed",
            obj=holding,
            la=partnership.la,
            changes={
                "seat": [None, seat.name],
                "person": [None, person],
                "term": [None, f"{starts_on.isoformat()} to {ends_on.isoformat()}"],
            },
            reason=reason or "Appointed to the seat",
        )
    return holding


def give_round_role(*, actor, via: str, round, partnership: Partnership, reason: str) -> RoundRole:
    """The round gives the partnership the role of agreeing its schools' categories."""
    _check_manager(actor, partnership)
    reason = _required(reason, "the reason for the change")
    if round.la_id != partnership.la_id:
        raise Refused("A partnership takes a role only in its own LA's rounds")
    with transaction.atomic():
        role, created = RoundRole.objects.get_or_create(
            round=round,
            partnership=partnership,
            defaults={"given_by": _user(actor), "given_at": timezone.now()},
        )
        if not created:
            raise Conflict(f"{partnership.name} already agrees categories in round {round.code}")
        record_event(
            actor=actor,
            via=via,
            action="partnerships.round_role_given",
            obj=partnership,
            la=partnership.la,
            changes={"round": [None, round.code], "role": [None, "agree categories"]},
            reason=reason,
        )
    return role
