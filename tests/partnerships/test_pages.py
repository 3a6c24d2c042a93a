"""The pages, used as a person would without JavaScript: an officer adds a meeting for the
round, records attendance, puts a motion agreeing the board's schools and records the
votes; the round then shows the board's agreement. Errors are shown on the form."""

from django.test import Client

from uplift.categorisation.models import Decision
from uplift.partnerships.models import Meeting


def test_a_meeting_agrees_the_boards_schools_through_the_pages(with_round):
    pw = with_round
    client = Client()
    client.force_login(pw["officer"])
    p = pw.partnership.pk
    detail = client.get(f"/partnerships/{p}/").content.decode()
    assert "1 vacant today" in detail and "Vacant" in detail

    new = f"/partnerships/{p}/meetings/new/"
    missing = client.post(new, {"title": "", "round": pw.round.pk})
    assert "Enter the meeting&#x27;s title" in missing.content.decode()
    answer = client.post(
        new,
        {
            "title": "Autumn categorisation",
            "held_on_day": "1",
            "held_on_month": "10",
            "held_on_year": "2026",
            "agenda": "Apologies\nProposed categories",
            "round": pw.round.pk,
        },
    )
    meeting = Meeting.objects.get()
    assert answer["Location"] == f"/partnerships/meetings/{meeting.pk}/"
    seats = [pw.seats[key].pk for key in ("chair", "head_a", "head_b", "officer")]
    client.post(
        f"/partnerships/meetings/{meeting.pk}/attendance/",
        {"seats": seats, "version": meeting.version},
    )
    page = client.get(f"/partnerships/meetings/{meeting.pk}/").content.decode()
    assert "Quorate" in page and "1 present without a vote, not counted" in page

    rows = pw.rows()
    motion_form = client.get(f"/partnerships/meetings/{meeting.pk}/motions/new/").content.decode()
    assert all(row.establishment.name in motion_form for row in rows)
    answer = client.post(
        f"/partnerships/meetings/{meeting.pk}/motions/new/",
        {
            "text": "That the board agrees the categories",
            **{f"school_{r.pk}": "agree" for r in rows},
        },
    )
    motion = meeting.motions.get()
    assert answer["Location"] == f"/partnerships/motions/{motion.pk}/votes/"
    votes = f"/partnerships/motions/{motion.pk}/votes/"
    form = client.get(votes).content.decode()
    assert "LA school improvement officer" not in form  # no vote: not offered
    tied = client.post(
        votes, {f"seat_{pw.seats['chair'].pk}": "for", f"seat_{pw.seats['head_a'].pk}": "against"}
    )
    assert "record the chair&#x27;s casting vote" in tied.content.decode()
    client.post(
        votes,
        {
            f"seat_{pw.seats['chair'].pk}": "for",
            f"seat_{pw.seats['head_a'].pk}": "for",
            f"seat_{pw.seats['head_b'].pk}": "abstain",
        },
    )
    assert all(row.decision == Decision.ACCEPTED for row in pw.rows())
    board = client.get(f"/partnerships/{p}/rounds/{pw.round.pk}/").content.decode()
    assert "Agreed by the North Herts Consortium board on 1 October 2026" in board
