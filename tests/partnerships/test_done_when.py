"""The issue's done-when, through the services and pages: a board member sees their
consortium's proposed categories, a quorate meeting's vote agrees them (the officer's seat,
without a vote, not counted), the round shows the board's agreement with its date; and the
chair's casting vote decides a tied motion."""

import pytest
from django.test import Client

from tests.partnerships.conftest import MEETING_DAY
from uplift.audit.models import AuditEvent, Via
from uplift.categorisation.models import Decision
from uplift.core.errors import RuleRefused
from uplift.partnerships import meetings
from uplift.partnerships.models import Outcome


def _meeting(pw, present):
    meeting = meetings.schedule_meeting(
        actor=pw["officer"],
        via=Via.WEB,
        partnership=pw.partnership,
        held_on=MEETING_DAY,
        title="Autumn categorisation",
        agenda=["Apologies", "Proposed categories"],
        round=pw.round,
    )
    return meetings.record_attendance(
        actor=pw["officer"],
        via=Via.WEB,
        meeting=meeting,
        version=meeting.version,
        seats=[pw.seats[key] for key in present],
    )


def test_board_member_sees_agrees_and_the_round_records_it(with_round):
    pw = with_round
    client = Client()
    client.force_login(pw["head_a"])
    page = client.get(f"/partnerships/{pw.partnership.pk}/rounds/{pw.round.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    for school in pw.schools[:3]:
        assert school.name in text
    assert pw.schools[3].name not in text  # not the consortium's

    # Two of four voting seats and the officer: not quorate (the officer is not counted).
    meeting = _meeting(pw, ["chair", "head_a", "officer"])
    state = meetings.meeting_quorum(meeting)
    assert (state.voting_held, state.voting_present, state.non_voting_present) == (4, 2, 1)
    assert not state.quorate
    motion = meetings.propose_motion(
        actor=pw["officer"],
        via=Via.WEB,
        meeting=meeting,
        text="That the board agrees the proposed categories",
        agree=pw.rows(),
    )
    with pytest.raises(RuleRefused) as refused:
        meetings.record_votes(
            actor=pw["officer"],
            via=Via.WEB,
            motion=motion,
            votes={pw.seats["chair"]: "for", pw.seats["head_a"]: "for"},
        )
    assert refused.value.code == "quorate"
    assert "2 voting members present and 3 needed" in str(refused.value)

    meeting = meetings.record_attendance(
        actor=pw["officer"],
        via=Via.WEB,
        meeting=meeting,
        version=meeting.version,
        seats=[pw.seats[key] for key in ("chair", "head_a", "head_b", "officer")],
    )
    with pytest.raises(RuleRefused) as refused:
        meetings.record_votes(
            actor=pw["officer"], via=Via.WEB, motion=motion, votes={pw.seats["officer"]: "for"}
        )
    assert refused.value.code == "voting_seats_only"
    motion = meetings.record_votes(
        actor=pw["officer"],
        via=Via.WEB,
        motion=motion,
        votes={pw.seats["chair"]: "for", pw.seats["head_a"]: "for", pw.seats["head_b"]: "against"},
    )
    assert motion.outcome == Outcome.CARRIED
    for row in pw.rows():
        assert row.decision == Decision.ACCEPTED
        assert row.final_category == row.proposed_category
    assert AuditEvent.objects.filter(action="categorisation.body_decided").count() == 1

    officer = Client()
    officer.force_login(pw["officer"])
    round_page = officer.get(f"/categorisation/rounds/{pw.round.pk}/").content.decode()
    assert "Agreed by the North Herts Consortium board on 1 October 2026" in round_page


def test_the_chairs_casting_vote_decides_a_tie(with_round):
    pw = with_round
    meeting = _meeting(pw, ["chair", "head_a", "head_b", "head_c"])
    motion = meetings.propose_motion(
        actor=pw["officer"], via=Via.WEB, meeting=meeting, text="That the board meets monthly"
    )
    tied = {
        pw.seats["chair"]: "for",
        pw.seats["head_a"]: "for",
        pw.seats["head_b"]: "against",
        pw.seats["head_c"]: "against",
    }
    with pytest.raises(RuleRefused) as refused:
        meetings.record_votes(actor=pw["officer"], via=Via.WEB, motion=motion, votes=tied)
    assert refused.value.code == "tie_needs_the_casting_vote"
    motion = meetings.record_votes(
        actor=pw["officer"], via=Via.WEB, motion=motion, votes=tied, casting_vote="for"
    )
    assert motion.outcome == Outcome.CARRIED
    assert motion.casting_vote == "for"
