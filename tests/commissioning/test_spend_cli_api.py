"""The spend report and an award's claims on the command line and in the API: the same rows
as the spend page, scoped as the pages are (finance officers their LA; a head their own
school's claims), in a bounded number of queries."""

import csv
import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.commissioning.test_claims import awarded, claim
from tests.commissioning.test_pages import client_for
from tests.commissioning.world import categorise, commission
from tests.funds.world import money_world_fixture  # noqa: F401
from uplift.audit.models import Via
from uplift.commissioning.grants import claims
from uplift.funds import services as funds
from uplift.schools.models import Establishment


def spent(mw):
    """A commission of £30,000.01 shared by the two Hertfordshire schools, the primary in
    category 4, and Essex money that Hertfordshire must not see."""
    fund = mw.fund()
    commission(mw, fund, budget=3_000_001)
    categorise(mw, mw.primary, "4")
    essex = mw.fund(la=mw.essex)
    funds.commit(
        actor=None,
        via=Via.CLI,
        fund=essex,
        amount_pence=10_000,
        dated=date(2026, 6, 2),
        description="Essex support",
        reason="tests",
        establishment=mw.essex_school,
    )
    return fund


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_spend_by_school_as_csv_and_json(mw):
    spent(mw)
    rows = list(csv.reader(io.StringIO(run("spend", "--la", "919", "--year", "2026-27"))))
    assert rows[0][0] == "School" and len(rows) == 3
    assert rows[1][:3] == ["Abbots Langley Primary", "117001", "4"]
    assert rows[1][4] == "15000.01" and rows[2][4] == "15000.00"
    found = json.loads(run("spend", "--la", "919", "--format", "json"))
    assert [r["urn"] for r in found["rows"]] == [117001, 117002]
    assert found["rows"][0]["commission_pence"] == 1_500_001
    assert found["rows"][0]["paid_for_by"] == ["Intervention budget"]
    assert found["total_pence"] == 3_000_001
    assert (
        json.loads(run("spend", "--la", "919", "--year", "2025-26", "--format", "json"))["rows"]
        == []
    )


def test_spend_by_category_and_refusals(mw):
    spent(mw)
    text = run("spend", "--la", "919", "--by", "category")
    assert "Category 4,1,15000.01,0.00" in text and "Not categorised,1,15000.00,0.00" in text
    found = json.loads(run("spend", "--la", "881", "--by", "category", "--format", "json"))
    assert found["rows"] == [
        {"category": "Not categorised", "schools": 1, "total_pence": 10_000, "paid_pence": 0}
    ]
    with pytest.raises(CommandError, match="no LA with code 999"):
        run("spend", "--la", "999")
    with pytest.raises(CommandError, match="like 2026-27"):
        run("spend", "--la", "919", "--year", "2026")


def test_grant_claims_lists_the_las_claims_by_status(mw):
    _, application = awarded(mw)
    waiting = claim(mw, application, 100_000)
    paid = claim(mw, application, 200_000)
    claims.approve(actor=mw["la.officer"], via=Via.WEB, claim=paid, reason="Evidence seen")
    every = run("grant-claims", "--la", "919").splitlines()
    assert len(every) == 2 and "Abbots Langley Primary (117001)" in every[0]
    assert "£1,000.00, waiting for approval" in every[0]
    only = run("grant-claims", "--la", "919", "--status", "paid").splitlines()
    assert len(only) == 1 and only[0].lstrip().startswith(str(paid.pk))
    assert "approved and paid" in only[0]
    assert run("grant-claims", "--la", "919", "--status", "declined") == ""
    assert run("grant-claims", "--la", "881") == ""
    assert str(waiting.pk) in every[0]


def test_the_spend_api_answers_the_officers_la_only(mw, django_assert_max_num_queries):
    spent(mw)
    officer = client_for(mw, "la.officer")
    with django_assert_max_num_queries(14):
        answer = officer.get("/api/v1/spend?la=919&year=2026-27").json()
    assert [r["urn"] for r in answer["schools"]] == [117001, 117002]
    assert answer["schools"][0]["commission_pence"] == 1_500_001
    assert answer["categories"] == [] and answer["total_pence"] == 3_000_001
    by_category = officer.get("/api/v1/spend?la=919&by=category").json()
    assert [c["category"] for c in by_category["categories"]] == [
        "Category 4",
        "Not categorised",
    ]
    assert officer.get("/api/v1/spend?la=881").status_code == 404
    assert officer.get("/api/v1/spend?la=919&year=2026").status_code == 422
    assert officer.get("/api/v1/spend?la=919&by=phase").status_code in (400, 422)
    for username in ("plain.officer", "headteacher"):
        assert client_for(mw, username).get("/api/v1/spend?la=919").status_code == 403
    essex = client_for(mw, "essex.finance").get("/api/v1/spend?la=881").json()
    assert [r["urn"] for r in essex["schools"]] == [881001]
    own = officer.get("/api/v1/spend").json()  # without a code: the LA the officer keeps
    assert own["la_code"] is None and own["total_pence"] == 3_000_001


def test_the_spend_api_takes_the_same_queries_for_more_schools(mw, django_assert_num_queries):
    fund = spent(mw)
    officer = client_for(mw, "la.officer")
    with CaptureQueriesContext(connection) as few:
        officer.get("/api/v1/spend?la=919")
    assert few.captured_queries
    for n in range(3):
        school = Establishment.objects.create(
            urn=117100 + n, la=mw.herts, name=f"School {n}", laestab=f"919{n:04d}", status="Open"
        )
        funds.commit(
            actor=None,
            via=Via.CLI,
            fund=fund,
            amount_pence=1000 + n,
            dated=date(2026, 6, 2),
            description="Support",
            reason="tests",
            establishment=school,
        )
    with django_assert_num_queries(len(few.captured_queries)):
        answer = officer.get("/api/v1/spend?la=919").json()
    assert len(answer["schools"]) == 5


def test_an_awards_claims_in_the_api(mw, django_assert_max_num_queries):
    _, application = awarded(mw)
    for pence in (100_000, 200_000, 50_000):
        claim(mw, application, pence)
    url = f"/api/v1/grant-applications/{application.pk}/claims"
    officer = client_for(mw, "la.officer")
    with django_assert_max_num_queries(12):
        answer = officer.get(url).json()
    assert [c["amount_pence"] for c in answer["results"]] == [100_000, 200_000, 50_000]
    assert answer["results"][0]["status"] == "submitted"
    head = client_for(mw, "headteacher").get(url)
    assert head.status_code == 200 and len(head.json()["results"]) == 3
    assert client_for(mw, "essex.finance").get(url).status_code == 404
    assert client_for(mw, "plain.officer").get(url).status_code == 403
    assert (
        client_for(mw, "la.officer").get("/api/v1/grant-applications/999999/claims").status_code
        == 404
    )
