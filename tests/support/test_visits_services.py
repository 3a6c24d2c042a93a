"""A visit's workflow: scheduled, note written, shared, commented on, finalised; who may take
each step; the audit trail; the headteacher's email."""

from datetime import date

import pytest
from django.core import mail

from tests.support.visits_world import PAST, vw_fixture  # noqa: F401
from uplift.audit.models import AuditEvent, Via
from uplift.core.errors import NotAllowed, Refused
from uplift.support.models import NoteTemplate, Visit, VisitStatus
from uplift.support.visits import services
from uplift.support.visits.entitlement import entitlement


def test_done_when_a_finalised_visit_counts_against_the_entitlement(vw):
    """The adviser records a visit, the headteacher comments, the note is finalised: the
    visit counts against the school's entitlement."""
    vw.categorise(vw.school, "3b")
    before = entitlement(establishment=vw.school, academic_year="2026-27")
    assert (before.visits_per_year, before.visits_used, before.remaining) == (6, 0, 6)

    visit = services.schedule_visit(
        actor=vw["adviser"],
        via=Via.WEB,
        establishment=vw.school,
        adviser=vw["adviser"],
        scheduled_for=PAST,
        purpose="Focus visit: reading in key stage 1",
    )
    assert visit.academic_year == "2026-27" and visit.status == VisitStatus.SCHEDULED
    planned = entitlement(establishment=vw.school, academic_year="2026-27")
    assert (planned.visits_used, planned.visits_planned, planned.remaining) == (0, 1, 5)

    visit = vw.through(visit, "comment")
    assert visit.status == VisitStatus.COMMENTED
    assert entitlement(establishment=vw.school, academic_year="2026-27").visits_used == 0

    visit = services.finalise_note(
        actor=vw["adviser"], via=Via.WEB, visit=visit, version=visit.version
    )
    after = entitlement(establishment=vw.school, academic_year="2026-27")
    assert visit.status == VisitStatus.FINALISED and visit.finalised_by == vw["adviser"]
    assert after.visits_used == before.visits_used + 1
    assert (after.visits_planned, after.remaining) == (0, 5)


def test_each_step_is_audited_with_the_school(vw):
    visit = vw.through(vw.visit(), "finalise")
    events = AuditEvent.objects.filter(action__startswith="visit.").order_by("pk")
    assert {e.object_id for e in events} == {str(visit.pk)}
    assert [e.action for e in events] == [
        "visit.scheduled",
        "visit.note_saved",
        "visit.note_shared",
        "visit.note_commented",
        "visit.note_finalised",
    ]
    assert {e.establishment_id for e in events} == {vw.school.pk}
    assert events[3].actor == vw["headteacher"]
    assert events[3].changes["head_comment"] == [None, "We agree with the actions."]
    assert Visit.history.filter(id=visit.pk).count() == 5


def test_the_note_takes_the_las_default_template_headings(vw):
    visit = vw.visit()
    template = NoteTemplate.objects.get(la=vw.herts, is_default=True)
    assert visit.template == template
    assert services.note_headings(visit) == [
        "Purpose of the visit",
        "Evidence seen",
        "Strengths",
        "Areas for development",
        "Agreed actions",
        "Next visit",
    ]
    visit = services.save_note(
        actor=vw["adviser"],
        via=Via.WEB,
        visit=visit,
        sections=[{"heading": "Strengths", "text": "  Phonics  "}],
        version=visit.version,
    )
    assert visit.status == VisitStatus.DRAFTED
    assert [s["text"] for s in visit.note] == ["", "", "Phonics", "", "", ""]
    visit = services.save_note(
        actor=vw["adviser"],
        via=Via.WEB,
        visit=visit,
        sections=[{"heading": "Next visit", "text": "January"}],
        version=visit.version,
    )
    assert [s["text"] for s in visit.note] == ["", "", "Phonics", "", "", "January"]


def test_a_changed_template_leaves_a_written_note_alone(vw):
    visit = vw.write(vw.visit())
    template = NoteTemplate.objects.get(la=vw.herts)
    services.save_note_template(
        actor=vw["la.officer"],
        via=Via.WEB,
        template=template,
        name=template.name,
        sections=[{"heading": "Summary", "prompt": ""}],
        version=template.version,
        reason="Shorter notes",
    )
    visit.refresh_from_db()
    assert services.note_headings(visit)[0] == "Purpose of the visit"
    assert services.note_headings(vw.visit()) == ["Summary"]


def test_sharing_emails_the_headteacher(vw, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        visit = vw.through(vw.visit(), "share")
    assert visit.note_shared_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["meera.patel@example.org"]
    assert "Abbots Langley Primary" in message.subject
    assert "Tom Brennan has shared the note of their visit" in message.body


def test_no_email_when_the_headteacher_has_no_address(vw, django_capture_on_commit_callbacks):
    vw["headteacher"].email = ""
    vw["headteacher"].save()
    with django_capture_on_commit_callbacks(execute=True):
        vw.through(vw.visit(), "share")
    assert mail.outbox == []


@pytest.mark.parametrize("who", ["headteacher", "chair", "data.officer", "board.member"])
def test_only_school_staff_plan_visits(vw, who):
    with pytest.raises(NotAllowed):
        services.schedule_visit(
            actor=vw[who],
            via=Via.WEB,
            establishment=vw.school,
            adviser=vw["adviser"],
            scheduled_for=PAST,
            purpose="Visit",
        )


def test_an_adviser_plans_only_their_assigned_schools(vw):
    with pytest.raises(NotAllowed):
        services.schedule_visit(
            actor=vw["adviser"],
            via=Via.WEB,
            establishment=vw.same_la,
            adviser=vw["adviser"],
            scheduled_for=PAST,
            purpose="Visit",
        )


def test_an_officer_of_another_la_cannot_plan(vw):
    with pytest.raises(NotAllowed):
        services.schedule_visit(
            actor=vw["la.officer"],
            via=Via.WEB,
            establishment=vw.other_la,
            adviser=vw.essex_adviser,
            scheduled_for=PAST,
            purpose="Visit",
        )


@pytest.mark.parametrize("who", ["la.officer", "headteacher", "chair"])
def test_only_the_adviser_writes_shares_and_finalises(vw, who):
    visit = vw.visit()
    with pytest.raises(NotAllowed):
        services.save_note(actor=vw[who], via=Via.WEB, visit=visit, sections=[], version=1)
    visit = vw.through(visit, "write")
    with pytest.raises(NotAllowed):
        services.share_note(actor=vw[who], via=Via.WEB, visit=visit, version=visit.version)
    with pytest.raises(NotAllowed):
        services.finalise_note(actor=vw[who], via=Via.WEB, visit=visit, version=visit.version)


@pytest.mark.parametrize("who", ["adviser", "la.officer", "chair", "admin"])
def test_only_the_headteacher_comments(vw, who):
    visit = vw.through(vw.visit(), "share")
    with pytest.raises(NotAllowed):
        services.comment_on_note(
            actor=vw[who], via=Via.WEB, visit=visit, comment="Fine", version=visit.version
        )


def test_a_comment_is_required(vw):
    visit = vw.through(vw.visit(), "share")
    with pytest.raises(Refused, match="Enter your comment on the note"):
        services.comment_on_note(
            actor=vw["headteacher"], via=Via.WEB, visit=visit, comment="  ", version=visit.version
        )


def test_schedule_needs_a_purpose_and_a_date(vw):
    arguments = {
        "actor": vw["la.officer"],
        "via": Via.WEB,
        "establishment": vw.school,
        "adviser": vw["adviser"],
    }
    with pytest.raises(Refused, match="Enter the purpose of the visit"):
        services.schedule_visit(**arguments, scheduled_for=PAST, purpose=" ")
    with pytest.raises(Refused, match="Enter the date of the visit"):
        services.schedule_visit(**arguments, scheduled_for=None, purpose="Visit")


def test_the_academic_year_comes_from_the_date(vw):
    assert vw.visit(day=date(2026, 8, 31)).academic_year == "2025-26"
    assert vw.visit(day=date(2026, 9, 1)).academic_year == "2026-27"


def test_cancel_keeps_the_reason_and_frees_the_entitlement(vw):
    vw.categorise(vw.school, "3a")
    visit = vw.visit()
    assert entitlement(establishment=vw.school, academic_year="2026-27").remaining == 2
    visit = services.cancel_visit(
        actor=vw["adviser"], via=Via.WEB, visit=visit, reason="The head is away"
    )
    assert visit.status == VisitStatus.CANCELLED
    assert visit.cancelled_reason == "The head is away"
    assert entitlement(establishment=vw.school, academic_year="2026-27").remaining == 3
    event = AuditEvent.objects.get(action="visit.cancelled")
    assert event.reason == "The head is away"


@pytest.mark.parametrize("who", ["headteacher", "chair", "data.officer"])
def test_who_may_not_cancel(vw, who):
    with pytest.raises(NotAllowed):
        services.cancel_visit(actor=vw[who], via=Via.WEB, visit=vw.visit(), reason="No")


def test_the_default_template_is_created_once(vw):
    first = services.ensure_default_note_template(la=vw.herts)
    second = services.ensure_default_note_template(la=vw.herts)
    assert first == second and first.is_default
    assert NoteTemplate.objects.filter(la=vw.herts).count() == 1
