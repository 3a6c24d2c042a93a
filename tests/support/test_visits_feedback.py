"""Finalising a visit's note asks the school's head for feedback on the visit, once; an
unfinished visit asks nothing."""

from django.core import mail

from tests.support.visits_world import vw_fixture  # noqa: F401
from uplift.audit.models import Via
from uplift.feedback.models import Survey
from uplift.support.visits import services


def test_a_finalised_visit_asks_the_head_for_feedback(vw, django_capture_on_commit_callbacks):
    visit = vw.through(vw.visit(), "comment")
    assert not Survey.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        visit = services.finalise_note(
            actor=visit.adviser, via=Via.WEB, visit=visit, version=visit.version
        )
    survey = Survey.objects.get()
    assert (survey.subject_kind, survey.subject_id) == ("visit", visit.pk)
    assert survey.establishment == vw.school and survey.service_label == "Adviser visits"
    assert survey.provider_label == vw["adviser"].get_full_name()
    assert "5 October 2026" in survey.subject_label
    [email] = [m for m in mail.outbox if "feedback" in m.subject.lower()]
    assert email.to == [vw["headteacher"].email] and "/feedback/answer/" in email.body
