"""A completed deployment asks the supported school for feedback on the support; one
ended early asks nothing."""

from datetime import date

from tests.brokerage.world import bw_fixture  # noqa: F401
from uplift.audit.models import Via
from uplift.brokerage.services import deployments
from uplift.feedback.models import Survey


def _end(bw, deployment, completed=True):
    if completed:
        deployment = deployments.review_deployment(
            actor=bw.officer,
            via=Via.WEB,
            deployment=deployment,
            reviewed_on=date(2026, 11, 30),
            impact="strong",
            summary="Curriculum sequenced in every subject",
        )
    return deployments.exit_deployment(
        actor=bw.officer,
        via=Via.WEB,
        deployment=deployment,
        exited_on=date(2026, 12, 1),
        summary="Handed back to the subject leaders",
        completed=completed,
    )


def test_a_completed_deployment_asks_for_feedback(bw):
    deployment = _end(bw, bw.agree())
    survey = Survey.objects.get()
    assert (survey.subject_kind, survey.subject_id) == ("deployment", deployment.pk)
    assert survey.establishment == bw.ryde
    assert survey.provider_label == deployment.organisation.name
    assert survey.service_label == "School-to-school support"
    assert "1 December 2026" in survey.subject_label
    assert [q["key"] for q in survey.questions] == ["match", "staff", "teaching", "again"]


def test_a_deployment_ended_early_asks_nothing(bw):
    _end(bw, bw.agree(), completed=False)
    assert not Survey.objects.exists()
