"""Each registered partnership rule, refusing through the service it guards."""

from datetime import date

import pytest

from tests.partnerships.conftest import MEETING_DAY
from uplift.audit.models import Via
from uplift.core.errors import RuleRefused
from uplift.partnerships import meetings, rules, services

TESTED = set()


def refused(code, service, **arguments):
    TESTED.add(code)
    with pytest.raises(RuleRefused) as caught:
        service(**arguments)
    assert caught.value.code == code
    return str(caught.value)


def _meeting(pw, present, round_=None):
    meeting = meetings.schedule_meeting(
        actor=pw["officer"],
        via=Via.WEB,
        partnership=pw.partnership,
        held_on=MEETING_DAY,
        title="Board",
        round=round_,
    )
    return meetings.record_attendance(
        actor=pw["officer"],
        via=Via.WEB,
        meeting=meeting,
        version=meeting.version,
        seats=[pw.seats[key] for key in present],
    )


def _motion(pw, meeting, **schools):
    return meetings.propose_motion(
        actor=pw["officer"], via=Via.WEB, meeting=meeting, text="That it be so", **schools
    )


def _vote(pw, motion, votes, casting=""):
    return {
        "actor": pw["officer"],
        "via": Via.WEB,
        "motion": motion,
        "votes": {pw.seats[key]: choice for key, choice in votes.items()},
        "casting_vote": casting,
    }


def test_seat_held_on_the_day(pw):
    meeting = meetings.schedule_meeting(
        actor=pw["officer"], via=Via.WEB, partnership=pw.partnership, held_on=MEETING_DAY, title="B"
    )
    message = refused(
        "seat_held_on_the_day",
        meetings.record_attendance,
        actor=pw["officer"],
        via=Via.WEB,
        meeting=meeting,
        version=meeting.version,
        seats=[pw.seats["west"]],  # the former member's term ended in 2025
    )
    assert message == (
        "Primary heads, west is vacant on 1 October 2026: record attendance only for seats "
        "held on the meeting's day."
    )


def test_term_does_not_overlap(pw):
    message = refused(
        "term_does_not_overlap",
        services.appoint,
        actor=pw["officer"],
        via=Via.WEB,
        seat=pw.seats["head_a"],
        person="New Head",
        starts_on=date(2026, 1, 1),
    )
    assert "is held by Head Person until 31 August 2028" in message


def test_round_gives_the_role(pw, with_round):
    pw.partnership.round_roles.all().delete()
    meeting = _meeting(pw, ["chair"], pw.round)
    message = refused(
        "round_gives_the_role",
        meetings.propose_motion,
        actor=pw["officer"],
        via=Via.WEB,
        meeting=meeting,
        text="Agree",
        agree=pw.rows(),
    )
    assert message.startswith("Round 2026-autumn does not give North Herts Consortium the role")


def test_schools_of_the_board(with_round):
    pw = with_round
    meeting = _meeting(pw, ["chair"], pw.round)
    outside = pw.round.categorisations.get(establishment=pw.schools[3])
    message = refused(
        "schools_of_the_board",
        meetings.propose_motion,
        actor=pw["officer"],
        via=Via.WEB,
        meeting=meeting,
        text="Agree",
        agree=[outside],
    )
    assert message.startswith("Watford Primary is not one of the schools North Herts Consortium")


def test_not_yet_decided(pw):
    motion = _motion(pw, _meeting(pw, ["chair", "head_a", "head_b"]))
    meetings.record_votes(**_vote(pw, motion, {"chair": "for", "head_a": "for"}))
    message = refused(
        "not_yet_decided", meetings.record_votes, **_vote(pw, motion, {"head_b": "for"})
    )
    assert message == "This motion was decided on 1 October 2026: a motion is voted on once."


def test_quorate(pw):
    motion = _motion(pw, _meeting(pw, ["chair", "officer"]))
    message = refused("quorate", meetings.record_votes, **_vote(pw, motion, {"chair": "for"}))
    assert message == (
        "The meeting is not quorate: 1 voting member present and 3 needed (more than half of "
        "the voting members). Members attending without a vote are not counted."
    )


def test_at_least_one_vote(pw):
    motion = _motion(pw, _meeting(pw, ["chair", "head_a", "head_b"]))
    refused("at_least_one_vote", meetings.record_votes, **_vote(pw, motion, {}))


def test_voting_seats_only(pw):
    motion = _motion(pw, _meeting(pw, ["chair", "head_a", "head_b", "officer"]))
    message = refused(
        "voting_seats_only", meetings.record_votes, **_vote(pw, motion, {"officer": "for"})
    )
    assert (
        message == "LA school improvement officer attends without a vote: only voting seats vote."
    )


def test_present_seats_only(pw):
    motion = _motion(pw, _meeting(pw, ["chair", "head_a", "head_b"]))
    message = refused(
        "present_seats_only", meetings.record_votes, **_vote(pw, motion, {"head_c": "for"})
    )
    assert message.startswith("Primary heads, east was not represented")


def test_casting_vote_in_the_terms(pw):
    pw.partnership.chair_has_casting_vote = False
    pw.partnership.save()
    motion = _motion(pw, _meeting(pw, ["chair", "head_a", "head_b", "head_c"]))
    refused(
        "casting_vote_in_the_terms",
        meetings.record_votes,
        **_vote(pw, motion, {"chair": "for", "head_a": "against"}, casting="for"),
    )
    # Without a casting vote in the terms, a tie is lost.
    lost = meetings.record_votes(**_vote(pw, motion, {"chair": "for", "head_a": "against"}))
    assert lost.outcome == "lost"


def test_casting_vote_only_on_a_tie(pw):
    motion = _motion(pw, _meeting(pw, ["chair", "head_a", "head_b"]))
    message = refused(
        "casting_vote_only_on_a_tie",
        meetings.record_votes,
        **_vote(pw, motion, {"chair": "for", "head_a": "for", "head_b": "against"}, "for"),
    )
    assert "(2 for, 1 against)" in message


def test_chair_present_to_cast(pw):
    motion = _motion(pw, _meeting(pw, ["head_a", "head_b", "head_c"]))
    refused(
        "chair_present_to_cast",
        meetings.record_votes,
        **_vote(pw, motion, {"head_a": "for", "head_b": "against"}, "for"),
    )


def test_tie_needs_the_casting_vote(pw):
    motion = _motion(pw, _meeting(pw, ["chair", "head_a", "head_b", "head_c"]))
    refused(
        "tie_needs_the_casting_vote",
        meetings.record_votes,
        **_vote(pw, motion, {"head_a": "for", "head_b": "against"}),
    )
    lost = meetings.record_votes(
        **_vote(pw, motion, {"head_a": "for", "head_b": "against"}, casting="against")
    )
    assert lost.outcome == "lost"


def test_every_rule_has_a_test_and_a_message():
    codes = {rule.code for rule in rules.all_rules()}
    for rule in rules.all_rules():
        assert rule.__doc__.strip() and set(rule.actions) <= set(rules.ACTIONS)
    tested = {name[5:] for name in globals() if name.startswith("test_")}
    assert codes <= tested, f"rules without a test: {sorted(codes - tested)}"
