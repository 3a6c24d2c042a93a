"""Quorum and the count of a vote, from the terms of reference. Only voting seats count:
a quorum is a share of the voting seats held on the meeting's day (vacancies do not count,
as for governing bodies), met by the voting seats represented at the meeting."""

import math
from dataclasses import dataclass

from uplift.partnerships.models import Choice, Outcome, Quorum


@dataclass(frozen=True)
class QuorumState:
    voting_held: int  # voting seats held on the day
    voting_present: int  # of them, represented at the meeting
    non_voting_present: int  # attending without a vote: never counted
    needed: int
    rule: str

    @property
    def quorate(self) -> bool:
        return self.voting_present >= self.needed


def needed(partnership, voting_held: int) -> int:
    """How many voting members make the meeting quorate."""
    if partnership.quorum == Quorum.FIXED:
        return partnership.quorum_number or 1
    if partnership.quorum == Quorum.HALF:
        return max(1, math.ceil(voting_held / 2))
    if partnership.quorum == Quorum.THIRD:
        return max(1, math.ceil(voting_held / 3))
    return voting_held // 2 + 1


def quorum_state(partnership, *, voting_held: int, voting_present: int, non_voting_present: int):
    return QuorumState(
        voting_held=voting_held,
        voting_present=voting_present,
        non_voting_present=non_voting_present,
        needed=needed(partnership, voting_held),
        rule=Quorum(partnership.quorum).label.lower(),
    )


@dataclass(frozen=True)
class Tally:
    for_: int
    against: int
    abstain: int

    @property
    def tied(self) -> bool:
        return self.for_ == self.against

    def outcome(self, casting_vote: str = "") -> str:
        """Carried when more vote for than against; on a tie, the chair's casting vote
        decides when one is given, and otherwise the motion is lost."""
        if not self.tied:
            return Outcome.CARRIED if self.for_ > self.against else Outcome.LOST
        return Outcome.CARRIED if casting_vote == Choice.FOR else Outcome.LOST


def tally(choices) -> Tally:
    choices = list(choices)
    return Tally(
        for_=choices.count(Choice.FOR),
        against=choices.count(Choice.AGAINST),
        abstain=choices.count(Choice.ABSTAIN),
    )
