"""Issue 12's done-when, through the services: an officer raises a request from a category 4
school's case, brokers it, agrees 10 days; the leader logs three sessions; the school
comments; the ledger shows the days earned and spent; both timelines show the deployment."""

from datetime import date

from tests.brokerage.world import SESSION_DAYS, bw_fixture  # noqa: F401
from uplift.audit.models import AuditEvent, Via
from uplift.brokerage import selectors
from uplift.brokerage.matching import broker
from uplift.brokerage.services import credits, deployments
from uplift.workload.timeline import school_timeline


def test_request_to_ledger(bw):
    request = bw.request(funding="credits")
    found = broker(request=request)

    ranked = [p.leader.name for p in found.proposals]
    assert ranked == ["Amy Ashwell", "Cara Cotton"]
    amy = found.proposals[0]
    assert "Specialises in curriculum and teaching and leadership and governance" in amy.reasons
    assert "Works in primary schools" in amy.reasons
    assert "In the same cluster or partnership: Stevenage Partnership" in amy.reasons
    assert "In the same postcode district (SG1)" in amy.reasons
    assert "10 of 10 days left this term" in amy.reasons
    cara = found.proposals[1]
    assert any("not in leadership and governance" in r for r in cara.reasons)
    assert "Does not work in primary schools" in cara.reasons

    excluded = {e.leader.name: e for e in found.exclusions}
    assert excluded["Ben Barley"].codes == ["conflict_same_trust"]
    assert excluded["Ben Barley"].reasons == [
        "Ben Barley's organisation and Ryde Primary are both in Chalk Hills Trust."
    ]
    assert "outside_best_categories" in excluded["Dan Dane"].codes

    credits.adjust_credits(
        actor=bw.officer,
        via=Via.WEB,
        establishment=bw.ryde,
        credits=100,
        occurred_on=date(2026, 10, 1),
        reason="Learning Bank allocation",
    )
    deployment = bw.agree(request=request)
    assert deployment.days_planned == 10 and deployment.credits == 100
    request.refresh_from_db()
    assert request.status == "brokered"

    sessions = [bw.session(deployment, day=day) for day in SESSION_DAYS]
    deployments.comment_on_session(
        actor=bw["headteacher"],
        via=Via.WEB,
        session=sessions[0],
        comment="Very useful: staff are already using the template.",
    )

    ashwell = bw.schools["ashwell"]
    earned = selectors.statement(establishment=ashwell, academic_year="2026-27")
    assert (earned.earned, earned.spent, earned.closing) == (30, 0, 30)
    spent = selectors.statement(establishment=bw.ryde, academic_year="2026-27")
    assert (spent.adjusted, spent.spent, spent.closing) == (100, 30, 70)
    assert [e.balance_after for e in spent.entries] == [100, 90, 80, 70]

    detail = selectors.deployment_in_scope(user=bw["headteacher"], pk=deployment.pk)
    assert detail.status == "in_progress" and detail.delivered == 3
    assert detail.sessions.all()[0].school_comment.startswith("Very useful")

    for user, school in ((bw.officer, bw.ryde), (bw.officer, ashwell), (bw["amy"], ashwell)):
        titles = [e.title for e in school_timeline(user=user, establishment=school)]
        assert any("School-to-school support" in t for t in titles), (user, school, titles)
    assert AuditEvent.objects.filter(action="brokerage.session_logged").count() == 3
