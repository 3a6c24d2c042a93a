"""Traded services: subscriptions per school per year, buy-back by phase, the schools the
rules flag, usage against entitlement, and the invoice file."""

import csv
import io
from datetime import date

import pytest
from django.utils import timezone

from tests.commissioning.world import YEAR, categorise, service
from tests.funds.world import money_world_fixture  # noqa: F401
from uplift.audit.models import AuditEvent, Via
from uplift.commissioning.traded import selectors, services
from uplift.core.errors import Conflict, NotAllowed, Refused, StaleVersion
from uplift.schools.models import Establishment, PhaseGroup
from uplift.support.models import Visit, VisitStatus


def sell(mw, catalogue, school, status="bought", package="Gold", **extra):
    chosen = catalogue.packages.get(name=package) if package else None
    return services.record_subscription(
        actor=mw["la.officer"],
        via=Via.WEB,
        service=catalogue,
        establishment=school,
        academic_year=YEAR,
        status=status,
        package=chosen,
        reason="Order form",
        **extra,
    )


@pytest.fixture
def catalogue(mw):
    found = service(mw)
    services.expect_package(
        actor=None,
        via=Via.CLI,
        service=found,
        categories=["3b", "4"],
        package=found.packages.get(name="Gold"),
        reason="Schools causing concern buy gold",
    )
    return found


def test_the_report_shows_buy_back_by_phase_and_flags_category_4_schools_not_on_gold(mw, catalogue):
    third = Establishment.objects.create(
        urn=117003,
        la=mw.herts,
        name="Croxley Primary",
        laestab="9197003",
        status="Open",
        phase_group=PhaseGroup.PRIMARY,
    )
    sell(mw, catalogue, mw.primary, package="Silver")
    sell(mw, catalogue, mw.secondary, package="Gold")
    sell(mw, catalogue, third, status="declined", package=None)
    categorise(mw, mw.primary, "4")
    categorise(mw, mw.secondary, "4")
    categorise(mw, third, "3b")
    report = selectors.traded_report(service=catalogue, academic_year=YEAR)
    rows = {row.phase: row for row in report.phases}
    assert (rows["Primary"].schools, rows["Primary"].bought, rows["Primary"].declined) == (2, 1, 1)
    assert rows["Primary"].buy_back_percent == 50 and rows["Secondary"].buy_back_percent == 100
    assert report.total.income == "£8,500.00"
    messages = [flag.message for flag in report.flags]
    assert messages == [
        "Category 3b and 4 schools are expected to buy Gold: Abbots Langley Primary is in "
        "category 4 and has bought Silver.",
        "Category 3b and 4 schools are expected to buy Gold: Croxley Primary is in category "
        "3b and has declined the service.",
    ]


def test_usage_beyond_the_entitlement_is_flagged(mw, catalogue):
    subscription = sell(mw, catalogue, mw.primary, package="Bronze")
    for _ in range(2):
        services.record_usage(
            actor=mw["la.officer"],
            via=Via.WEB,
            subscription=subscription,
            kind="adviser_session",
            used_on=date(2026, 10, 1),
            note="Adviser session on reading",
        )
    report = selectors.traded_report(service=catalogue, academic_year=YEAR)
    assert [f.message for f in report.flags] == [
        "Abbots Langley Primary has used 2 adviser sessions but its Bronze package includes 1."
    ]


def test_finalised_adviser_visits_count_as_adviser_sessions_used(mw, catalogue):
    sell(mw, catalogue, mw.primary, package="Bronze")
    for day in (date(2026, 10, 1), date(2026, 11, 5)):
        Visit.objects.create(
            establishment=mw.primary,
            adviser=mw["adviser"],
            scheduled_for=day,
            academic_year=YEAR,
            purpose="Focus visit",
            status=VisitStatus.FINALISED,
            finalised_at=timezone.now(),
            recorded_at=timezone.now(),
        )
    Visit.objects.create(
        establishment=mw.primary,
        adviser=mw["adviser"],
        scheduled_for=date(2026, 12, 1),
        academic_year=YEAR,
        purpose="Not yet made",
        recorded_at=timezone.now(),
    )
    report = selectors.traded_report(service=catalogue, academic_year=YEAR)
    assert [f.message for f in report.flags] == [
        "Abbots Langley Primary has used 2 adviser sessions but its Bronze package includes 1."
    ]


def test_the_invoice_file_lists_what_each_school_bought_with_formulas_made_inert(mw, catalogue):
    mw.primary.name = "=HYPERLINK(1)"
    mw.primary.save()
    sell(mw, catalogue, mw.primary, package="Gold", price_pence=500_050)
    sell(mw, catalogue, mw.secondary, status="declined", package=None)
    rows = list(
        csv.reader(io.StringIO(selectors.invoice_csv(service=catalogue, academic_year=YEAR)))
    )
    assert rows[0][0] == "Invoice reference" and len(rows) == 2
    assert rows[1][3] == "'=HYPERLINK(1)" and rows[1][5:] == ["Gold", YEAR, "5000.50"]


def test_a_subscription_changes_with_its_version_and_is_audited(mw, catalogue):
    offered = sell(mw, catalogue, mw.primary, status="offered", package="Silver")
    assert offered.price_pence == 300_000
    with pytest.raises(StaleVersion):
        sell(mw, catalogue, mw.primary, version=offered.version + 1)
    bought = sell(mw, catalogue, mw.primary, version=offered.version)
    assert bought.pk == offered.pk and bought.price_pence == 550_000
    event = AuditEvent.objects.filter(action="subscription.bought").get()
    assert event.changes == {
        "School improvement 2026-27": ["Offered £3,000.00", "Bought £5,500.00"]
    }


def test_bad_subscriptions_are_refused(mw, catalogue):
    with pytest.raises(Refused, match="not a school of Hertfordshire"):
        sell(mw, catalogue, mw.essex_school)
    with pytest.raises(Refused, match="Choose the package"):
        sell(mw, catalogue, mw.primary, package=None)
    with pytest.raises(NotAllowed):
        services.record_subscription(
            actor=mw["headteacher"],
            via=Via.WEB,
            service=catalogue,
            establishment=mw.primary,
            academic_year=YEAR,
            status="declined",
        )
    declined = sell(mw, catalogue, mw.primary, status="declined", package=None)
    with pytest.raises(Conflict):
        services.record_usage(
            actor=None,
            via=Via.CLI,
            subscription=declined,
            kind="training_place",
            used_on=date(2026, 10, 1),
            note="x",
        )


def test_the_report_takes_a_fixed_number_of_queries(mw, catalogue, django_assert_num_queries):
    for n in range(6):
        school = Establishment.objects.create(
            urn=118000 + n,
            la=mw.herts,
            name=f"School {n}",
            laestab=f"919{8000 + n}",
            status="Open",
            phase_group=PhaseGroup.PRIMARY,
        )
        sell(mw, catalogue, school, package="Bronze")
        categorise(mw, school, "4")
    with django_assert_num_queries(9):  # usage also reads deployment sessions and training
        report = selectors.traded_report(service=catalogue, academic_year=YEAR)
    assert len(report.flags) == 6
