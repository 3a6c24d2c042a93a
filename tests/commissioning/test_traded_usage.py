"""Usage of a traded service taken from the records themselves: training places from training
records, adviser sessions from school-to-school deployments the subscription pays for (and
from finalised visits, tested in test_traded.py), so usage is not only logged by hand."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from tests.brokerage.world import bw_fixture  # noqa: F401
from tests.commissioning.test_pages import client_for, date_fields
from tests.commissioning.world import YEAR, service
from tests.funds.world import grant_finance, money_world_fixture  # noqa: F401
from uplift.audit.models import AuditEvent, Via
from uplift.brokerage.models import Funding, SupportRequest
from uplift.commissioning.models import TrainingRecord
from uplift.commissioning.traded import selectors, services
from uplift.core.errors import NotAllowed, Refused


def sell(actor, catalogue, school, package="Gold"):
    return services.record_subscription(
        actor=actor,
        via=Via.WEB,
        service=catalogue,
        establishment=school,
        academic_year=YEAR,
        status="bought",
        package=catalogue.packages.get(name=package),
        reason="Order form",
    )


def train(mw, catalogue, places, *, held_on=date(2026, 11, 12), user="la.officer"):
    return services.record_training(
        actor=mw[user],
        via=Via.WEB,
        service=catalogue,
        establishment=mw.primary,
        course="Phonics for Key Stage 1",
        held_on=held_on,
        places=places,
        reason="Register of the course",
    )


def test_training_records_count_as_training_places_and_the_rule_flags_too_many(mw):
    catalogue = service(mw)
    bought = sell(mw["la.officer"], catalogue, mw.primary)
    train(mw, catalogue, 3)
    train(mw, catalogue, 2, held_on=date(2027, 3, 1))
    train(mw, catalogue, 9, held_on=date(2027, 9, 1))  # next academic year: not counted
    assert TrainingRecord.objects.filter(academic_year=YEAR).count() == 2
    assert selectors.usage_totals([bought])[bought.pk] == {"training places": 5}
    report = selectors.traded_report(service=catalogue, academic_year=YEAR)
    assert [f.message for f in report.flags if f.code == "usage_within_entitlement"] == [
        "Abbots Langley Primary has used 5 training places but its Gold package includes 4."
    ]
    assert AuditEvent.objects.filter(action="subscription.training_recorded").count() == 3
    with pytest.raises(NotAllowed):
        train(mw, catalogue, 1, user="headteacher")
    with pytest.raises(Refused, match="from 1 to 100"):
        train(mw, catalogue, 0)


def test_the_training_page_records_places_and_refuses_another_las_school(mw):
    catalogue = service(mw)
    officer = client_for(mw, "la.officer")
    url = f"/commissioning/traded/{catalogue.pk}/training/"
    form = {
        "urn": "117001",
        "course": "Phonics for Key Stage 1",
        **date_fields("held_on", date(2026, 11, 12)),
        "places": "2",
        "reason": "Register of the course",
    }
    assert officer.post(url, form).status_code == 302
    assert TrainingRecord.objects.get().places == 2
    refused = officer.post(url, {**form, "urn": "881001"})
    assert "Hertfordshire has no school with URN 881001" in refused.content.decode()
    assert client_for(mw, "headteacher").get(url).status_code == 403


def test_sessions_of_a_deployment_paid_by_the_subscription_count_as_adviser_sessions(bw):
    officer = bw.officer
    grant_finance(officer)
    officer = get_user_model().objects.get(pk=officer.pk)
    catalogue = services.create_service(
        actor=None,
        via=Via.CLI,
        la=bw.herts,
        name="School improvement",
        packages=[{"name": "Silver", "level": 2, "price_pence": 300_000, "adviser_sessions": 1}],
        reason="tests",
    )
    bought = sell(officer, catalogue, bw.ryde, package="Silver")
    traded = bw.agree(request=bw.request(funding=Funding.TRADED))
    bw.session(traded)
    bw.session(traded, day=date(2026, 11, 16))
    assert selectors.usage_totals([bought])[bought.pk] == {"adviser sessions": 2}
    report = selectors.traded_report(service=catalogue, academic_year=YEAR)
    assert any("has used 2 adviser sessions" in f.message for f in report.flags)
    SupportRequest.objects.filter(pk=traded.request_id).update(funding=Funding.LA)
    assert selectors.usage_totals([bought]).get(bought.pk, {}) == {}
