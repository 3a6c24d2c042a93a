"""Using a traded service asks the school for feedback on it, labelled with the service."""

from datetime import date

from tests.commissioning.world import YEAR, service
from tests.funds.world import money_world_fixture  # noqa: F401
from uplift.audit.models import Via
from uplift.commissioning.traded import services
from uplift.feedback.models import Survey


def test_a_use_of_a_traded_service_asks_for_feedback(mw):
    catalogue = service(mw)
    subscription = services.record_subscription(
        actor=mw["la.officer"],
        via=Via.WEB,
        service=catalogue,
        establishment=mw.primary,
        academic_year=YEAR,
        status="bought",
        package=catalogue.packages.get(name="Gold"),
        reason="Order form",
    )
    usage = services.record_usage(
        actor=mw["la.officer"],
        via=Via.WEB,
        subscription=subscription,
        kind="training_place",
        used_on=date(2026, 10, 1),
        note="Phonics training",
    )
    survey = Survey.objects.get()
    assert (survey.subject_kind, survey.subject_id) == ("traded", usage.pk)
    assert survey.service_label == "School improvement"
    assert survey.provider_label == "Hertfordshire"
    assert survey.subject_label == "the training place of 1 October 2026 (School improvement)"
