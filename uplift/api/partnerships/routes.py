"""Partnerships and boards: the ones the caller may read, a partnership with its seats and
today's holders, its meetings, and a meeting's motions and votes (recording votes on a
motion, for those who run the partnership). The same services as the pages (via "api")."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router

from uplift.api.calls import call
from uplift.api.errors import CHANGE_RESPONSES, ERROR_RESPONSES
from uplift.api.pagination import Page, PageParams, paginate
from uplift.api.partnerships.schemas import (
    MeetingOut,
    MeetingVotesOut,
    PartnershipOut,
    PartnershipRef,
    VotesIn,
)
from uplift.core.errors import Refused
from uplift.partnerships import access, meetings, selectors
from uplift.partnerships.models import Meeting, Vote

router = Router(tags=["partnerships"])


def _partnership(request, pk):
    return get_object_or_404(access.visible_partnerships(request.auth).select_related("la"), pk=pk)


def _meeting(request, pk):
    return get_object_or_404(
        Meeting.objects.select_related("partnership__la").filter(
            partnership__in=access.visible_partnerships(request.auth)
        ),
        pk=pk,
    )


@router.get(
    "/partnerships",
    response={200: Page[PartnershipRef], **ERROR_RESPONSES},
    summary="The partnerships and boards you may read",
)
def partnership_list(request, page: Query[PageParams]):
    items = access.visible_partnerships(request.auth).select_related("la").order_by("name", "id")
    return paginate(
        request,
        items,
        page,
        present=lambda found: [
            {"id": p.pk, "name": p.name, "kind": p.kind, "la": p.la.code} for p in found
        ],
    )


@router.get(
    "/partnerships/{int:pk}",
    response={200: PartnershipOut, **ERROR_RESPONSES},
    summary="A partnership: terms of reference, schools, seats and today's holders",
)
def partnership_detail(request, pk: int):
    o = selectors.overview(_partnership(request, pk))
    p = o.partnership
    today = timezone.localdate()
    return {
        "id": p.pk,
        "name": p.name,
        "kind": p.kind,
        "la": p.la.code,
        "quorum": p.quorum,
        "quorum_number": p.quorum_number,
        "chair_has_casting_vote": p.chair_has_casting_vote,
        "terms_of_reference": p.terms_of_reference,
        "is_sample": p.is_sample,
        "schools": sorted(
            r.establishment.urn
            for r in o.schools
            if r.starts_on <= today and (r.ends_on is None or r.ends_on >= today)
        ),
        "seats": [
            {
                "id": row.seat.pk,
                "name": row.seat.name,
                "constituency": row.seat.constituency,
                "voting": row.seat.voting,
                "chairs": row.seat.chairs,
                "holder": None
                if row.vacant
                else {
                    "person": row.holding.person,
                    "starts_on": row.holding.starts_on,
                    "ends_on": row.holding.ends_on,
                },
            }
            for row in o.seats
        ],
    }


@router.get(
    "/partnerships/{int:pk}/meetings",
    response={200: Page[MeetingOut], **ERROR_RESPONSES},
    summary="A partnership's meetings, latest first",
)
def partnership_meetings(request, pk: int, page: Query[PageParams]):
    partnership = _partnership(request, pk)
    items = partnership.meetings.select_related("round").order_by("-held_on", "-id")
    return paginate(
        request,
        items,
        page,
        present=lambda found: [
            {
                "id": m.pk,
                "held_on": m.held_on,
                "title": m.title,
                "round": m.round.code if m.round else None,
            }
            for m in found
        ],
    )


def _votes_out(meeting) -> dict:
    quorum = meetings.meeting_quorum(meeting)
    votes = Vote.objects.select_related("seat").order_by("seat__name")
    motions = meeting.motions.prefetch_related(Prefetch("votes", queryset=votes))
    return {
        "meeting_id": meeting.pk,
        "quorate": quorum.quorate,
        "voting_present": quorum.voting_present,
        "needed": quorum.needed,
        "motions": [
            {
                "id": motion.pk,
                "text": motion.text,
                "effect": motion.effect,
                "outcome": motion.outcome,
                "casting_vote": motion.casting_vote,
                "votes": [
                    {"seat_id": v.seat_id, "seat": v.seat.name, "choice": v.choice}
                    for v in motion.votes.all()
                ],
            }
            for motion in motions
        ],
    }


@router.get(
    "/meetings/{int:pk}/votes",
    response={200: MeetingVotesOut, **ERROR_RESPONSES},
    summary="A partnership meeting's quorum, motions and votes by seat",
)
def meeting_votes(request, pk: int):
    return _votes_out(_meeting(request, pk))


@router.post(
    "/meetings/{int:pk}/votes",
    response={200: MeetingVotesOut, **ERROR_RESPONSES, **CHANGE_RESPONSES},
    summary="Record the votes on one of the meeting's motions",
)
def record_votes(request, pk: int, body: VotesIn):
    meeting = _meeting(request, pk)
    motion = get_object_or_404(meeting.motions, pk=body.motion_id)
    seats = {seat.pk: seat for seat in meeting.partnership.seats.all()}
    unknown = [vote.seat_id for vote in body.votes if vote.seat_id not in seats]
    if unknown:
        raise Refused(f"Seat {unknown[0]} is not a seat of the partnership")
    call(
        meetings.record_votes,
        request,
        motion=motion,
        votes={seats[vote.seat_id]: vote.choice for vote in body.votes},
        casting_vote=body.casting_vote,
    )
    return _votes_out(meeting)
