"""The money API: funds with their computed balance_pence, a fund's ledger with signed
amount_pence, committing through the API (refused with the shortfall), commissions, grant
schemes and subscriptions, in bounded queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.helpers import V1, assert_error
from tests.commissioning.world import YEAR, apply, commission, scheme, service
from tests.funds.world import money_world_fixture  # noqa: F401
from uplift.api.services import create_token
from uplift.audit.models import AuditEvent, Via
from uplift.commissioning.traded import services as traded


@pytest.fixture
def call(client, mw):
    def call(username, path, body=None):
        headers = {"Authorization": f"Bearer {create_token(user=mw[username]).secret}"}
        if body is None:
            return client.get(V1 + path, headers=headers)
        return client.post(V1 + path, body, content_type="application/json", headers=headers)

    return call


def test_funds_answer_their_computed_balance_and_the_ledger_signed_amounts(mw, call):
    fund = mw.fund(pence=1_450_000)
    body = {
        "amount_pence": 1_200_000,
        "dated": "2026-06-01",
        "description": "Deployment",
        "reason": "Agreed",
        "urn": 117001,
    }
    created = call("la.officer", f"/funds/{fund.pk}/commitments", body)
    assert created.status_code == 201 and created.json()["amount_pence"] == -1_200_000
    assert AuditEvent.objects.get(action="ledger.commitment").via == Via.API
    listed = call("la.officer", "/funds").json()
    assert listed["count"] == 1
    assert listed["results"][0]["balance_pence"] == 250_000
    assert listed["results"][0]["committed_pence"] == 1_200_000
    ledger = call("la.officer", f"/funds/{fund.pk}/ledger").json()["results"]
    assert [(e["kind"], e["amount_pence"], e["urn"]) for e in ledger] == [
        ("contribution", 1_450_000, None),
        ("commitment", -1_200_000, 117001),
    ]
    refused = call("la.officer", f"/funds/{fund.pk}/commitments", body)
    error = assert_error(refused, 409, "conflict")
    assert "£9,500.00 short" in error["message"] and error["details"][0]["type"] == "overspend"


def test_roles_without_finance_are_refused_and_other_las_funds_are_not_found(mw, call):
    fund = mw.fund()
    for username in ("plain.officer", "adviser", "headteacher", "board.member"):
        assert_error(call(username, "/funds"), 403, "forbidden")
    assert call("essex.finance", "/funds").json()["count"] == 0
    assert_error(call("essex.finance", f"/funds/{fund.pk}/ledger"), 404, "not_found")


def test_commissions_schemes_and_subscriptions(mw, call):
    fund = mw.fund(pence=50_000_000)
    commission(mw, fund)
    chosen = scheme(mw, fund, closes_on=date(2099, 1, 1))
    apply(mw, chosen)
    catalogue = service(mw)
    for school in (mw.primary, mw.secondary):
        traded.record_subscription(
            actor=None,
            via=Via.CLI,
            service=catalogue,
            establishment=school,
            academic_year=YEAR,
            status="bought",
            package=catalogue.packages.get(name="Gold"),
        )
    found = call("la.officer", "/commissions").json()["results"][0]
    assert found["title"] == "Good to Great" and found["budget_pence"] == 3_000_000
    assert [part["part"] for part in found["report"]] == [
        "implementation",
        "teaching",
        "outcomes",
        "feedback",
    ]
    assert call("headteacher", "/grant-schemes").json()["results"][0]["applications"] == 1
    assert call("chair", "/subscriptions").json()["count"] == 1  # their own school's
    assert call("la.officer", "/subscriptions").json()["count"] == 2
    assert_error(call("headteacher", "/commissions"), 403, "forbidden")


def test_the_funds_list_takes_the_same_queries_however_many_funds(mw, call):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert call("la.officer", "/funds").status_code == 200
        return len(captured)

    mw.fund(name="Fund 0", fences=("Primary", "Secondary"))
    queries()  # the first request of a token also notes when it was first used
    few = queries()
    for n in range(1, 5):
        mw.fund(name=f"Fund {n}", fences=("Primary", "Secondary"))
    assert queries() == few
