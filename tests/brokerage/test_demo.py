"""The demo's school-to-school support: sample leaders from category 1 schools, two
deployments in progress and one completed, credits earned and spent; run twice, once."""

from datetime import date

from tests.brokerage.world import _school, bw_fixture  # noqa: F401
from uplift.audit.models import Via
from uplift.brokerage.models import CreditEntry, Deployment, GoodPractice, SystemLeader
from uplift.casework.cases.services import open_case
from uplift.demo.brokerage import seed_brokerage


def test_seed_brokerage(bw, client):
    for urn, name in ((117201, "Stanstead Primary"), (117202, "Tring Primary")):
        school = _school(urn, bw.herts, name)
        bw.categorise(school, "4")
        open_case(
            actor=bw.officer,
            via=Via.WEB,
            establishment=school,
            opened_on=date(2026, 10, 1),
            reason="Category 4",
        )
    said = seed_brokerage(la=bw.herts)
    assert said == "2 sample system leaders, 3 deployments"
    samples = SystemLeader.objects.filter(is_sample=True)
    assert {s.organisation.establishment.name for s in samples} == {
        "Ashwell Primary",
        "Barley Primary",
    }
    made = Deployment.objects.order_by("pk")
    assert [d.status for d in made] == ["in_progress", "in_progress", "completed"]
    assert made[2].impact == "strong"
    kinds = set(CreditEntry.objects.values_list("kind", flat=True))
    assert kinds == {"adjusted", "earned", "spent"}
    assert GoodPractice.objects.count() == 1
    assert seed_brokerage(la=bw.herts) == "sample system leaders already present"
    assert Deployment.objects.count() == 3

    client.force_login(bw.officer)
    page = client.get("/brokerage/register/").content.decode()
    assert "sample designations made up for the demonstration" in page
    assert "None" not in page
