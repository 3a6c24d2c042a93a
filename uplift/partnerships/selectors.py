"""Reads behind the partnership pages, API and CLI, in the user's scope and a bounded
number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from uplift.categorisation.models import SchoolCategorisation
from uplift.partnerships import access
from uplift.partnerships.meetings import meeting_quorum
from uplift.partnerships.models import (
    Action,
    Holding,
    Meeting,
    Motion,
    Partnership,
    Responsibility,
    RoundRole,
    Seat,
    Vote,
)


def partnerships_for_list(user):
    today = timezone.localdate()
    current = Q(responsibilities__starts_on__lte=today) & (
        Q(responsibilities__ends_on__isnull=True) | Q(responsibilities__ends_on__gte=today)
    )
    return (
        access.visible_partnerships(user)
        .select_related("la")
        .annotate(schools=Count("responsibilities", filter=current, distinct=True))
        .order_by("la__name", "name")
    )


@dataclass(frozen=True)
class SeatRow:
    seat: Seat
    holding: Holding | None  # today's holder, None when vacant

    @property
    def vacant(self) -> bool:
        return self.holding is None


@dataclass(frozen=True)
class Overview:
    partnership: Partnership
    seats: list[SeatRow]
    members: list
    schools: list[Responsibility]
    meetings: list[Meeting]
    roles: list[RoundRole]

    @property
    def vacancies(self) -> int:
        return sum(row.vacant for row in self.seats)

    @property
    def voting_seats(self) -> int:
        return sum(row.seat.voting for row in self.seats)


def overview(partnership: Partnership) -> Overview:
    today = timezone.localdate()
    current = Holding.objects.filter(starts_on__lte=today, ends_on__gte=today)
    seats = list(
        partnership.seats.prefetch_related(Prefetch("holdings", queryset=current, to_attr="now"))
    )
    return Overview(
        partnership=partnership,
        seats=[SeatRow(seat, seat.now[0] if seat.now else None) for seat in seats],
        members=list(partnership.members.select_related("establishment").order_by("kind", "name")),
        schools=list(
            partnership.responsibilities.select_related("establishment").order_by(
                "ends_on", "establishment__name"
            )
        ),
        meetings=list(partnership.meetings.order_by("-held_on", "-id")[:50]),
        roles=list(partnership.round_roles.select_related("round").order_by("-round__as_at")),
    )


@dataclass(frozen=True)
class MeetingView:
    meeting: Meeting
    quorum: object
    attendance: list
    motions: list[Motion]
    actions: list[Action]
    agenda: list
    papers: list


def meeting_view(meeting: Meeting) -> MeetingView:
    votes = Vote.objects.select_related("seat").order_by("seat__name")
    schools = "schools__categorisation__establishment"
    return MeetingView(
        meeting=meeting,
        quorum=meeting_quorum(meeting),
        attendance=list(meeting.attendance.select_related("seat")),
        motions=list(meeting.motions.prefetch_related(Prefetch("votes", queryset=votes), schools)),
        actions=list(meeting.actions.select_related("owner")),
        agenda=list(meeting.agenda.all()),
        papers=list(meeting.papers.all()),
    )


def board_round_rows(*, partnership: Partnership, round_) -> list[SchoolCategorisation]:
    """The round's rows of the schools the partnership is responsible for on the round's
    date, with the bodies' decisions on them."""
    responsible = access.responsible_establishment_ids([partnership.pk], round_.as_at)
    return list(
        round_.categorisations.filter(establishment__in=responsible)
        .select_related("establishment")
        .prefetch_related("body_decisions")
        .order_by("establishment__name")
    )
