"""What the partnership endpoints take and answer."""

from datetime import date

from ninja import Field, Schema


class HolderOut(Schema):
    person: str
    starts_on: date
    ends_on: date


class SeatOut(Schema):
    id: int
    name: str
    constituency: str
    voting: bool
    chairs: bool
    holder: HolderOut | None = Field(description="Today's holder; null when the seat is vacant")


class PartnershipOut(Schema):
    id: int
    name: str
    kind: str
    la: str = Field(description="The LA's code")
    quorum: str
    quorum_number: int | None
    chair_has_casting_vote: bool
    terms_of_reference: str
    is_sample: bool
    schools: list[int] = Field(description="URNs of the schools it is responsible for today")
    seats: list[SeatOut]


class PartnershipRef(Schema):
    id: int
    name: str
    kind: str
    la: str


class MeetingOut(Schema):
    id: int
    held_on: date
    title: str
    round: str | None = Field(description="The code of the round the meeting agrees")


class VoteOut(Schema):
    seat_id: int
    seat: str
    choice: str


class MotionOut(Schema):
    id: int
    text: str
    effect: str
    outcome: str = Field(description='"carried", "lost" or "" (not yet voted on)')
    casting_vote: str
    votes: list[VoteOut]


class MeetingVotesOut(Schema):
    meeting_id: int
    quorate: bool
    voting_present: int
    needed: int
    motions: list[MotionOut]


class VoteIn(Schema):
    seat_id: int
    choice: str = Field(description='"for", "against" or "abstain"')


class VotesIn(Schema):
    motion_id: int
    votes: list[VoteIn]
    casting_vote: str = Field(
        "", description='The chair\'s casting vote on a tie: "for" or "against"'
    )
