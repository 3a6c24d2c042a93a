"""The rules a partnership's meetings keep: who may attend and vote, quorum, the chair's
casting vote, and which schools a board may decide on. Each is a small registered unit whose
docstring is the message a user reads (uplift.core.rules); `check(action, **facts)` raises
RuleRefused naming the first rule the facts break."""

from uplift.core.dates import long_date
from uplift.core.rules import Registry, Rule

ACTIONS = ("attend", "motion", "vote", "appoint")

RULES = Registry("partnership", actions=ACTIONS)
register = RULES.register
all_rules = RULES.all
check = RULES.check


@register
class SeatHeldOnTheDay(Rule):
    """{seat} is vacant on {day}: record attendance only for seats held on the meeting's day."""

    code = "seat_held_on_the_day"
    actions = ("attend",)

    @classmethod
    def broken(cls, *, meeting, vacant_seats, **facts):
        if vacant_seats:
            return {"seat": vacant_seats[0].name, "day": long_date(meeting.held_on)}
        return None


@register
class TermDoesNotOverlap(Rule):
    """{seat} is held by {person} until {until}: a new term starts after the current one
    ends."""

    code = "term_does_not_overlap"
    actions = ("appoint",)

    @classmethod
    def broken(cls, *, seat, overlapping, **facts):
        if overlapping is not None:
            return {
                "seat": seat.name,
                "person": overlapping.person,
                "until": long_date(overlapping.ends_on),
            }
        return None


@register
class RoundGivesTheRole(Rule):
    """Round {round} does not give {partnership} the role of agreeing categories: an officer
    gives the board that role first."""

    code = "round_gives_the_role"
    actions = ("motion",)
    order = 10

    @classmethod
    def broken(cls, *, partnership, round, has_role, **facts):
        if round is not None and not has_role:
            return {"round": round.code, "partnership": partnership.name}
        return None


@register
class SchoolsOfTheBoard(Rule):
    """{school} is not one of the schools {partnership} is responsible for: a board decides
    only on its own schools."""

    code = "schools_of_the_board"
    actions = ("motion",)
    order = 20

    @classmethod
    def broken(cls, *, partnership, outside, **facts):
        if outside:
            return {"school": outside[0].establishment.name, "partnership": partnership.name}
        return None


@register
class NotYetDecided(Rule):
    """This motion was decided on {day}: a motion is voted on once."""

    code = "not_yet_decided"
    actions = ("vote",)
    order = 5

    @classmethod
    def broken(cls, *, motion, **facts):
        if motion.outcome:
            return {"day": long_date(motion.meeting.held_on)}
        return None


@register
class Quorate(Rule):
    """The meeting is not quorate: {present} voting member{s} present and {needed} needed
    ({rule}). Members attending without a vote are not counted."""

    code = "quorate"
    actions = ("vote",)
    order = 10

    @classmethod
    def broken(cls, *, quorum, **facts):
        if not quorum.quorate:
            present = quorum.voting_present
            return {
                "present": present,
                "s": "" if present == 1 else "s",
                "needed": quorum.needed,
                "rule": quorum.rule,
            }
        return None


@register
class AtLeastOneVote(Rule):
    """Record at least one vote on the motion."""

    code = "at_least_one_vote"
    actions = ("vote",)
    order = 15

    @classmethod
    def broken(cls, *, votes, **facts):
        return {} if not votes else None


@register
class VotingSeatsOnly(Rule):
    """{seat} attends without a vote: only voting seats vote."""

    code = "voting_seats_only"
    actions = ("vote",)
    order = 20

    @classmethod
    def broken(cls, *, votes, **facts):
        for seat in votes:
            if not seat.voting:
                return {"seat": seat.name}
        return None


@register
class PresentSeatsOnly(Rule):
    """{seat} was not represented at the meeting: only seats present vote."""

    code = "present_seats_only"
    actions = ("vote",)
    order = 30

    @classmethod
    def broken(cls, *, votes, present_seat_ids, **facts):
        for seat in votes:
            if seat.pk not in present_seat_ids:
                return {"seat": seat.name}
        return None


@register
class CastingVoteInTheTerms(Rule):
    """The terms of reference of {partnership} give the chair no casting vote: a tied motion
    is lost."""

    code = "casting_vote_in_the_terms"
    actions = ("vote",)
    order = 40

    @classmethod
    def broken(cls, *, partnership, casting_vote, **facts):
        if casting_vote and not partnership.chair_has_casting_vote:
            return {"partnership": partnership.name}
        return None


@register
class CastingVoteOnlyOnATie(Rule):
    """The votes are not tied ({for_} for, {against} against): the chair's casting vote is
    used only to decide a tie."""

    code = "casting_vote_only_on_a_tie"
    actions = ("vote",)
    order = 50

    @classmethod
    def broken(cls, *, tally, casting_vote, **facts):
        if casting_vote and not tally.tied:
            return {"for_": tally.for_, "against": tally.against}
        return None


@register
class ChairPresentToCast(Rule):
    """The chair's seat is not represented at the meeting: only a chair who is present gives
    a casting vote."""

    code = "chair_present_to_cast"
    actions = ("vote",)
    order = 55

    @classmethod
    def broken(cls, *, casting_vote, chair_present, **facts):
        if casting_vote and not chair_present:
            return {}
        return None


@register
class TieNeedsTheCastingVote(Rule):
    """The votes are tied, {for_} for and {against} against: record the chair's casting vote,
    as the terms of reference of {partnership} say."""

    code = "tie_needs_the_casting_vote"
    actions = ("vote",)
    order = 60

    @classmethod
    def broken(cls, *, partnership, tally, casting_vote, **facts):
        if partnership.chair_has_casting_vote and tally.tied and not casting_vote:
            return {"for_": tally.for_, "against": tally.against, "partnership": partnership.name}
        return None
