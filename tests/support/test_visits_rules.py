"""Each rule of a visit's workflow refuses its step with its own message."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.support.visits_world import vw_fixture  # noqa: F401
from uplift.audit.models import AuditEvent, Via
from uplift.core.errors import RuleRefused, StaleVersion
from uplift.support.models import Visit, VisitStatus
from uplift.support.visits import rules as visit_rules
from uplift.support.visits import services


def refused(rule_code: str, call, **arguments) -> str:
    """The step is refused by this rule; nothing was written. Returns the message."""
    events = AuditEvent.objects.count()
    with pytest.raises((RuleRefused, StaleVersion)) as caught:
        call(**arguments)
    assert caught.value.code == rule_code, str(caught.value)
    assert AuditEvent.objects.count() == events
    return str(caught.value)


def test_every_rule_has_a_message_and_known_steps():
    rules = visit_rules.all_rules()
    assert len({rule.code for rule in rules}) == len(rules)
    for rule in rules:
        assert rule.__doc__ and rule.__doc__.strip()
        assert rule.actions and set(rule.actions) <= set(visit_rules.STEPS)


def test_adviser_of_the_schools_la(vw):
    message = refused(
        "adviser_of_the_schools_la",
        services.schedule_visit,
        actor=vw["la.officer"],
        via=Via.WEB,
        establishment=vw.school,
        adviser=vw.essex_adviser,
        scheduled_for=date(2026, 10, 5),
        purpose="Focus visit",
    )
    assert message.startswith("Esme Essex is not a school improvement adviser of Hertfordshire")
    assert not Visit.objects.exists()


def test_an_officer_is_not_an_adviser(vw):
    message = refused(
        "adviser_of_the_schools_la",
        services.schedule_visit,
        actor=vw["la.officer"],
        via=Via.WEB,
        establishment=vw.school,
        adviser=vw["la.officer"],
        scheduled_for=date(2026, 10, 5),
        purpose="Focus visit",
    )
    assert "Priya Shah is not a school improvement adviser" in message


def test_school_is_open(vw):
    vw.school.status = "Closed"
    vw.school.save()
    message = refused(
        "school_is_open",
        services.schedule_visit,
        actor=vw["la.officer"],
        via=Via.WEB,
        establishment=vw.school,
        adviser=vw["adviser"],
        scheduled_for=date(2026, 10, 5),
        purpose="Focus visit",
    )
    assert message == "Abbots Langley Primary is closed: visits are scheduled only to open schools."


def test_note_written_before_sharing(vw):
    visit = vw.through(vw.visit(), "share")
    message = refused(
        "note_written_before_sharing",
        services.save_note,
        actor=vw["adviser"],
        via=Via.WEB,
        visit=visit,
        sections=[{"heading": "Strengths", "text": "Changed later"}],
        version=visit.version,
    )
    assert message == (
        "The note can be written or changed only until it is shared with the headteacher: "
        "this visit is note with the headteacher for comment."
    )


def test_note_after_the_visit(vw):
    tomorrow = timezone.localdate() + timedelta(days=1)
    visit = vw.visit(day=tomorrow)
    message = refused(
        "note_after_the_visit",
        services.save_note,
        actor=vw["adviser"],
        via=Via.WEB,
        visit=visit,
        sections=[{"heading": "Strengths", "text": "Too early"}],
        version=visit.version,
    )
    assert f"on or after the day of the visit ({tomorrow.day} {tomorrow:%B %Y})" in message


def test_sections_from_the_template(vw):
    visit = vw.visit()
    message = refused(
        "sections_from_the_template",
        services.save_note,
        actor=vw["adviser"],
        via=Via.WEB,
        visit=visit,
        sections=[{"heading": "Gossip", "text": "Not a heading of the template"}],
        version=visit.version,
    )
    assert message.startswith("The note's sections are the template's headings (Purpose of the")
    assert message.endswith("'Gossip' is not one of them.")


def test_each_section_once(vw):
    visit = vw.visit()
    message = refused(
        "each_section_once",
        services.save_note,
        actor=vw["adviser"],
        via=Via.WEB,
        visit=visit,
        sections=[{"heading": "Strengths", "text": "One"}, {"heading": "Strengths", "text": "2"}],
        version=visit.version,
    )
    assert message == "Each section of the note appears once: 'Strengths' is given more than once."


def test_shared_only_once_drafted(vw):
    visit = vw.visit()
    message = refused(
        "shared_only_once_drafted",
        services.share_note,
        actor=vw["adviser"],
        via=Via.WEB,
        visit=visit,
        version=visit.version,
    )
    assert message == (
        "Only a note being written is shared with the headteacher: this visit is scheduled."
    )


def test_every_section_written(vw):
    visit = vw.visit()
    visit = services.save_note(
        actor=vw["adviser"],
        via=Via.WEB,
        visit=visit,
        sections=[{"heading": "Purpose of the visit", "text": "Reading"}],
        version=visit.version,
    )
    message = refused(
        "every_section_written",
        services.share_note,
        actor=vw["adviser"],
        via=Via.WEB,
        visit=visit,
        version=visit.version,
    )
    assert message == (
        "Write every section of the note before sharing it: Evidence seen, Strengths, Areas "
        "for development, Agreed actions, Next visit are still empty."
    )


def test_comment_once_shared(vw):
    visit = vw.through(vw.visit(), "write")
    message = refused(
        "comment_once_shared",
        services.comment_on_note,
        actor=vw["headteacher"],
        via=Via.WEB,
        visit=visit,
        comment="Too soon",
        version=visit.version,
    )
    assert message.endswith("this visit is note being written.")


def test_finalised_after_the_heads_comment(vw):
    visit = vw.through(vw.visit(), "share")
    message = refused(
        "finalised_after_the_heads_comment",
        services.finalise_note,
        actor=vw["adviser"],
        via=Via.WEB,
        visit=visit,
        version=visit.version,
    )
    assert message == (
        "A note is finalised only after the headteacher has commented on it: this visit is "
        "note with the headteacher for comment."
    )


def test_not_cancelled_once_finalised(vw):
    visit = vw.through(vw.visit(), "finalise")
    message = refused(
        "not_cancelled_once_finalised",
        services.cancel_visit,
        actor=vw["la.officer"],
        via=Via.WEB,
        visit=visit,
        reason="Changed our minds",
    )
    assert "it cannot be cancelled" in message
    visit.refresh_from_db()
    assert visit.status == VisitStatus.FINALISED


def test_cancelled_once(vw):
    visit = vw.visit()
    visit = services.cancel_visit(
        actor=vw["la.officer"], via=Via.WEB, visit=visit, reason="Head is ill"
    )
    message = refused(
        "cancelled_once",
        services.cancel_visit,
        actor=vw["la.officer"],
        via=Via.WEB,
        visit=visit,
        reason="Again",
    )
    assert message == "This visit is already cancelled."


def test_a_stale_version_is_refused(vw):
    visit = vw.visit()
    stale = visit.version
    vw.write(visit)
    refused(
        "stale_version",
        services.save_note,
        actor=vw["adviser"],
        via=Via.WEB,
        visit=visit,
        sections=[{"heading": "Strengths", "text": "Lost update"}],
        version=stale,
    )
