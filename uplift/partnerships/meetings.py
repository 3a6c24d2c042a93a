"""A partnership's meetings: scheduling one with its agenda, papers, attendance by seat,
motions and the votes on them (with quorum and the chair's casting vote, as the terms of
reference say), the decision's effect on a categorisation round, and actions. Each change
runs in one transaction with its audit event."""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from uplift.audit.services import record_event
from uplift.categorisation.rounds.bodies import record_body_decisions
from uplift.core.errors import NotAllowed, Refused, StaleVersion
from uplift.partnerships import access, rules
from uplift.partnerships.models import (
    Action,
    AgendaItem,
    Attendance,
    Choice,
    Effect,
    Holding,
    Meeting,
    Motion,
    MotionSchool,
    Outcome,
    Paper,
    Resolve,
    RoundRole,
    Vote,
)
from uplift.partnerships.quorum import quorum_state, tally
from uplift.partnerships.services import _check_manager, _required, _user

PAPER_TYPES = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
    "text/plain": "text",
}


def _event(actor, via, action, meeting, changes, reason, obj=None):
    record_event(
        actor=actor,
        via=via,
        action=action,
        obj=obj or meeting,
        la=meeting.partnership.la,
        changes=changes,
        reason=reason,
    )


def schedule_meeting(
    *, actor, via: str, partnership, held_on: date, title: str, agenda=(), round=None
) -> Meeting:
    """A meeting with its agenda (titles, numbered in order) and, when it is to agree
    categories, the round."""
    _check_manager(actor, partnership)
    title = _required(title, "the meeting's title")
    if held_on is None:
        raise Refused("Enter the date of the meeting")
    if round is not None and round.la_id != partnership.la_id:
        raise Refused("Choose a round of the partnership's LA")
    agenda = [item.strip() for item in agenda if item and item.strip()]
    with transaction.atomic():
        meeting = Meeting.objects.create(
            partnership=partnership,
            held_on=held_on,
            title=title,
            round=round,
            recorded_by=_user(actor),
            recorded_at=timezone.now(),
        )
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, number=number, title=item)
            for number, item in enumerate(agenda, start=1)
        )
        _event(
            actor,
            via,
            "partnerships.meeting_scheduled",
            meeting,
            {"held_on": [None, held_on.isoformat()], "agenda": [None, agenda]},
            title,
        )
    return meeting


def add_paper(*, actor, via: str, meeting: Meeting, title: str, upload) -> Paper:
    """A paper for the meeting: a PDF, Word, Excel, PowerPoint or text file, no larger than
    UPLIFT_PAPER_MAX_BYTES."""
    _check_manager(actor, meeting.partnership)
    title = _required(title, "the paper's title")
    limit = settings.UPLIFT_PAPER_MAX_BYTES
    if upload is None:
        raise Refused("Choose the file of the paper")
    if upload.size > limit:
        raise Refused(
            f"The file is {upload.size // 1024:,} KB: a paper must be no larger than "
            f"{limit // (1024 * 1024)} MB"
        )
    content_type = (getattr(upload, "content_type", "") or "").split(";")[0]
    if content_type not in PAPER_TYPES:
        raise Refused("The paper must be a PDF, Word, Excel, PowerPoint or text file")
    with transaction.atomic():
        paper = Paper.objects.create(
            meeting=meeting,
            title=title,
            file=upload,
            size=upload.size,
            content_type=content_type,
            uploaded_by=_user(actor),
            uploaded_at=timezone.now(),
        )
        _event(
            actor, via, "partnerships.paper_added", meeting, {"paper": [None, title]}, title, paper
        )
    return paper


def held_seats(partnership, day) -> dict[int, Holding]:
    """Each seat of the partnership held on `day`, by seat id, with its holding."""
    holdings = Holding.objects.filter(
        seat__partnership=partnership, starts_on__lte=day, ends_on__gte=day
    ).select_related("seat")
    return {holding.seat_id: holding for holding in holdings}


def record_attendance(*, actor, via: str, meeting: Meeting, version: int, seats) -> Meeting:
    """The seats represented at the meeting (replacing any earlier record), each by the
    person who held it on the day."""
    partnership = meeting.partnership
    _check_manager(actor, partnership)
    seats = list(seats)
    if any(seat.partnership_id != partnership.pk for seat in seats):
        raise Refused("Choose seats of the partnership")
    with transaction.atomic():
        if not Meeting.objects.filter(pk=meeting.pk, version=version).update(
            version=F("version") + 1
        ):
            raise StaleVersion(
                "Someone changed this meeting while you were looking at it. Check it and "
                "record the attendance again."
            )
        held = held_seats(partnership, meeting.held_on)
        rules.check("attend", meeting=meeting, vacant_seats=[s for s in seats if s.pk not in held])
        meeting.attendance.all().delete()
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, seat=seat, person=held[seat.pk].person) for seat in seats
        )
        meeting.refresh_from_db(fields=["version"])
        _event(
            actor,
            via,
            "partnerships.attendance_recorded",
            meeting,
            {"present": [None, sorted(seat.name for seat in seats)]},
            "Attendance recorded",
        )
    return meeting


def meeting_quorum(meeting: Meeting):
    """The meeting's quorum: voting seats held on the day and those present; non-voting
    seats present are shown but never counted."""
    held = held_seats(meeting.partnership, meeting.held_on)
    present = list(meeting.attendance.select_related("seat"))
    return quorum_state(
        meeting.partnership,
        voting_held=sum(1 for holding in held.values() if holding.seat.voting),
        voting_present=sum(1 for row in present if row.seat.voting),
        non_voting_present=sum(1 for row in present if not row.seat.voting),
    )


def propose_motion(*, actor, via: str, meeting: Meeting, text: str, agree=(), refer=()) -> Motion:
    """A motion. With schools of the meeting's round (SchoolCategorisation rows) to agree
    or refer back, it is a categories motion: carried, the round records the board's
    decision."""
    partnership = meeting.partnership
    _check_manager(actor, partnership)
    text = _required(text, "the motion")
    agree, refer = list(agree), list(refer)
    rows = agree + refer
    if {row.pk for row in agree} & {row.pk for row in refer}:
        raise Refused("A school is either agreed or referred back, not both")
    effect = Effect.CATEGORIES if rows else Effect.RESOLUTION
    with transaction.atomic():
        if rows:
            if meeting.round is None:
                raise Refused("Choose the round the meeting agrees before deciding categories")
            if any(row.round_id != meeting.round_id for row in rows):
                raise Refused("Choose schools of the meeting's round")
            responsible = set(
                access.responsible_establishment_ids([partnership.pk], meeting.held_on).values_list(
                    "establishment_id", flat=True
                )
            )
            rules.check(
                "motion",
                partnership=partnership,
                round=meeting.round,
                has_role=RoundRole.objects.filter(
                    round_id=meeting.round_id, partnership=partnership
                ).exists(),
                outside=[row for row in rows if row.establishment_id not in responsible],
            )
        motion = Motion.objects.create(meeting=meeting, text=text, effect=effect)
        MotionSchool.objects.bulk_create(
            [
                MotionSchool(motion=motion, categorisation=row, resolve=Resolve.AGREE)
                for row in agree
            ]
            + [
                MotionSchool(motion=motion, categorisation=row, resolve=Resolve.REFER)
                for row in refer
            ]
        )
        _event(
            actor,
            via,
            "partnerships.motion_proposed",
            meeting,
            {
                "motion": [None, text],
                "agree": [None, sorted(row.establishment.urn for row in agree)],
                "refer": [None, sorted(row.establishment.urn for row in refer)],
            },
            text,
            motion,
        )
    return motion


def record_votes(*, actor, via: str, motion: Motion, votes: dict, casting_vote: str = "") -> Motion:
    """The votes on a motion, by seat ({Seat: "for" | "against" | "abstain"}), and the
    chair's casting vote on a tie when the terms of reference give one. The meeting must be
    quorate. A carried categories motion records the board's decision in the round."""
    meeting = motion.meeting
    partnership = meeting.partnership
    _check_manager(actor, partnership)
    if any(choice not in Choice.values for choice in votes.values()):
        raise Refused("Each vote is for, against or abstain")
    if casting_vote not in ("", Choice.FOR, Choice.AGAINST):
        raise Refused("The chair's casting vote is for or against")
    if any(seat.partnership_id != partnership.pk for seat in votes):
        raise Refused("Choose seats of the partnership")
    with transaction.atomic():
        motion = Motion.objects.select_for_update().select_related("meeting").get(pk=motion.pk)
        present = set(meeting.attendance.values_list("seat_id", flat=True))
        count = tally(votes.values())
        chair = partnership.seats.filter(chairs=True).first()
        rules.check(
            "vote",
            motion=motion,
            partnership=partnership,
            quorum=meeting_quorum(meeting),
            votes=list(votes),
            present_seat_ids=present,
            tally=count,
            casting_vote=casting_vote,
            chair_present=chair is not None and chair.pk in present,
        )
        Vote.objects.bulk_create(
            Vote(motion=motion, seat=seat, choice=choice) for seat, choice in votes.items()
        )
        motion.outcome = count.outcome(casting_vote)
        motion.casting_vote = casting_vote
        motion.decided_at = timezone.now()
        motion.save(update_fields=["outcome", "casting_vote", "decided_at"])
        _event(
            actor,
            via,
            "partnerships.motion_decided",
            meeting,
            {
                "outcome": [None, motion.outcome],
                "for": [None, count.for_],
                "against": [None, count.against],
                "abstain": [None, count.abstain],
                "casting_vote": [None, casting_vote or None],
            },
            motion.text,
            motion,
        )
        if motion.effect == Effect.CATEGORIES and motion.outcome == Outcome.CARRIED:
            _decide_categories(actor, via, motion, meeting)
    return motion


def _decide_categories(actor, via, motion, meeting) -> None:
    rows = motion.schools.select_related("categorisation__establishment")
    record_body_decisions(
        actor=actor,
        via=via,
        round=meeting.round,
        body=f"the {meeting.partnership.name} board",
        held_on=meeting.held_on,
        source=f"a vote at its meeting, {meeting.title}"
        + (" (sample data)" if meeting.partnership.is_sample else ""),
        agreed=[row.categorisation for row in rows if row.resolve == Resolve.AGREE],
        referred=[row.categorisation for row in rows if row.resolve == Resolve.REFER],
    )


def add_action(
    *, actor, via: str, meeting: Meeting, description: str, owner, due_on: date
) -> Action:
    _check_manager(actor, meeting.partnership)
    description = _required(description, "the action")
    if owner is None:
        raise Refused("Choose who owns the action")
    if due_on is None:
        raise Refused("Enter the date the action is due")
    with transaction.atomic():
        action = Action.objects.create(
            meeting=meeting, description=description, owner=owner, due_on=due_on
        )
        _event(
            actor,
            via,
            "partnerships.action_added",
            meeting,
            {"action": [None, description], "due_on": [None, due_on.isoformat()]},
            description,
            action,
        )
    return action


def complete_action(*, actor, via: str, action: Action, done_on: date) -> Action:
    """The owner, or someone who runs the partnership, marks the action done."""
    meeting = action.meeting
    if action.owner_id != getattr(actor, "pk", None):
        try:
            _check_manager(actor, meeting.partnership)
        except NotAllowed:
            raise NotAllowed("Only the action's owner or an officer marks it done") from None
    if done_on is None:
        raise Refused("Enter the date the action was done")
    with transaction.atomic():
        action.done_on = done_on
        action.save(update_fields=["done_on"])
        _event(
            actor,
            via,
            "partnerships.action_done",
            meeting,
            {"done_on": [None, done_on.isoformat()]},
            action.description,
            action,
        )
    return action
