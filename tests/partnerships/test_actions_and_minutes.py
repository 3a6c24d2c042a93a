"""A meeting's actions appear in their owner's "my work"; the minutes are a real PDF; a
paper too large or of the wrong kind is refused and nothing is saved."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from tests.partnerships.conftest import MEETING_DAY
from tests.profiles.test_profiles import pdf_text
from uplift.audit.models import AuditEvent, Via
from uplift.core.errors import NotAllowed, Refused
from uplift.partnerships import meetings
from uplift.partnerships.models import Paper


@pytest.fixture
def meeting(pw):
    held = meetings.schedule_meeting(
        actor=pw["officer"],
        via=Via.WEB,
        partnership=pw.partnership,
        held_on=MEETING_DAY,
        title="Autumn board",
        agenda=["Apologies", "Data"],
    )
    return meetings.record_attendance(
        actor=pw["officer"],
        via=Via.WEB,
        meeting=held,
        version=held.version,
        seats=[pw.seats[key] for key in ("chair", "head_a", "head_b", "officer")],
    )


def test_an_action_shows_in_its_owners_work_until_done(pw, meeting):
    due = timezone.localdate() - timedelta(days=1)
    action = meetings.add_action(
        actor=pw["officer"],
        via=Via.WEB,
        meeting=meeting,
        description="Share the data pack with heads",
        owner=pw["head_a"],
        due_on=due,
    )
    client = Client()
    client.force_login(pw["head_a"])
    page = client.get("/my-work/").content.decode()
    assert "Share the data pack with heads" in page
    assert "North Herts Consortium meeting of 1 October 2026" in page
    with pytest.raises(NotAllowed):
        meetings.complete_action(
            actor=pw["head_b"], via=Via.WEB, action=action, done_on=timezone.localdate()
        )
    meetings.complete_action(
        actor=pw["head_a"], via=Via.WEB, action=action, done_on=timezone.localdate()
    )
    assert "Share the data pack" not in client.get("/my-work/").content.decode()
    assert AuditEvent.objects.filter(action="partnerships.action_done").count() == 1


def test_the_minutes_are_a_pdf(pw, meeting, tmp_path):
    motion = meetings.propose_motion(
        actor=pw["officer"], via=Via.WEB, meeting=meeting, text="That the board meets monthly"
    )
    meetings.record_votes(
        actor=pw["officer"],
        via=Via.WEB,
        motion=motion,
        votes={pw.seats["chair"]: "for", pw.seats["head_a"]: "for", pw.seats["head_b"]: "abstain"},
    )
    client = Client()
    client.force_login(pw["chair"])
    response = client.get(f"/partnerships/meetings/{meeting.pk}/minutes.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = " ".join(pdf_text(response.content, tmp_path).split())
    assert "That the board meets monthly" in text
    assert "3 of 4 voting members present" in text


def test_a_paper_too_large_or_of_the_wrong_kind_is_refused(pw, meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.UPLIFT_PAPER_MAX_BYTES = 1024
    big = SimpleUploadedFile("pack.pdf", b"%PDF" + b"0" * 2048, content_type="application/pdf")
    with pytest.raises(Refused, match="no larger than"):
        meetings.add_paper(actor=pw["officer"], via=Via.WEB, meeting=meeting, title="P", upload=big)
    script = SimpleUploadedFile("run.sh", b"echo", content_type="application/x-sh")
    with pytest.raises(Refused, match="PDF, Word"):
        meetings.add_paper(
            actor=pw["officer"], via=Via.WEB, meeting=meeting, title="P", upload=script
        )
    assert not Paper.objects.exists()
    small = SimpleUploadedFile("pack.txt", b"data", content_type="text/plain")
    paper = meetings.add_paper(
        actor=pw["officer"], via=Via.WEB, meeting=meeting, title="Data pack", upload=small
    )
    client = Client()
    client.force_login(pw["head_a"])
    assert b"".join(client.get(f"/partnerships/papers/{paper.pk}/").streaming_content) == b"data"


def test_an_overdue_action_is_in_the_daily_reminder(pw, meeting):
    from uplift.workload.reminders import overdue_items, reminder_body

    today = timezone.localdate()
    meetings.add_action(
        actor=pw["officer"],
        via=Via.WEB,
        meeting=meeting,
        description="Send the terms of reference",
        owner=pw["head_b"],
        due_on=today - timedelta(days=2),
    )
    items = overdue_items(today=today)[pw["head_b"]]
    body = reminder_body(pw["head_b"], items, day=today)
    assert "Send the terms of reference (North Herts Consortium)" in body
    assert f"/partnerships/meetings/{meeting.pk}/" in body
