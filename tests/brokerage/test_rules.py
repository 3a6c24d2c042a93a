"""Each brokerage rule refuses (or excludes) with its own message, and every registered rule
has a test here: a test fails if a rule is added without one."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.brokerage.world import SESSION_DAYS, bw_fixture  # noqa: F401
from uplift.audit.models import Via
from uplift.brokerage.eligibility import eligibility_of
from uplift.brokerage.matching import broker
from uplift.brokerage.models import CheckOutcome, OrganisationKind
from uplift.brokerage.rules import registry
from uplift.brokerage.services import credits, deployments, practice, register, requests
from uplift.casework.cases.services import open_case
from uplift.categorisation.models import CategoryChange
from uplift.core.errors import RuleRefused
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource
from uplift.schools.models import GroupKind, GroupMembership, SchoolGroup


def refused(code, call, *args, **arguments) -> str:
    with pytest.raises(RuleRefused) as caught:
        call(*args, **arguments)
    assert caught.value.code == code, str(caught.value)
    return str(caught.value)


def excluded(bw, leader="amy") -> list[str]:
    found = broker(request=bw.request())
    by_name = {e.leader.name: e for e in found.exclusions}
    name = bw.leaders[leader].name
    assert name in by_name, [p.leader.name for p in found.proposals]
    return by_name[name].codes, by_name[name].reasons


def test_every_rule_is_tested_here():
    text = Path(__file__).read_text()
    missing = [rule.code for rule in registry.all() if f'"{rule.code}"' not in text]
    assert not missing


# Eligibility


def test_no_category(bw):
    CategoryChange.objects.filter(establishment=bw.schools["ashwell"]).delete()
    verdict = eligibility_of(schools=[bw.schools["ashwell"]])[bw.schools["ashwell"].pk]
    assert verdict.codes == ["no_category"]
    assert verdict.reasons == [
        "Ashwell Primary has no published category yet, so it cannot give support."
    ]


def test_outside_best_categories_shows_since(bw):
    verdict = eligibility_of(schools=[bw.schools["dane"]])[bw.schools["dane"].pk]
    assert verdict.codes == ["outside_best_categories"]
    assert "Dane End Primary is in Category 3b" in verdict.reasons[0]
    assert "best 2 categories" in verdict.reasons[0]
    assert verdict.since == (timezone.now() - timedelta(days=30)).date()


def _inspection(school, day, grade=2, concern=""):
    return Inspection.objects.create(
        establishment=school,
        framework="eif2019",
        kind=InspectionKind.GRADED,
        start_date=day,
        overall_grade=grade,
        category_of_concern=concern,
        source=InspectionSource.MANUAL,
    )


def test_ofsted_category_of_concern(bw):
    _inspection(bw.schools["ashwell"], date(2024, 3, 5), grade=4, concern="serious_weaknesses")
    verdict = eligibility_of(schools=[bw.schools["ashwell"]])[bw.schools["ashwell"].pk]
    assert verdict.codes == ["ofsted_category_of_concern", "below_good_inspection"]
    assert verdict.reasons[0] == (
        "Ashwell Primary was placed in serious weaknesses at its inspection of 5 March 2024."
    )
    assert verdict.since == date(2024, 3, 5)


def test_below_good_inspection(bw):
    _inspection(bw.schools["ashwell"], date(2024, 3, 5), grade=3)
    verdict = eligibility_of(schools=[bw.schools["ashwell"]])[bw.schools["ashwell"].pk]
    assert verdict.codes == ["below_good_inspection"]
    assert verdict.reasons == [
        "Ashwell Primary's latest inspection, on 5 March 2024, found it below good."
    ]


def test_open_concern_case(bw):
    open_case(
        actor=bw.officer,
        via=Via.WEB,
        establishment=bw.schools["ashwell"],
        opened_on=date(2026, 11, 20),
        reason="A complaint",
    )
    verdict = eligibility_of(schools=[bw.schools["ashwell"]])[bw.schools["ashwell"].pk]
    assert verdict.codes == ["open_concern_case"]
    assert verdict.since == date(2026, 11, 20)
    assert "open concern case since 20 November 2026" in verdict.reasons[0]


def test_eligible_school(bw):
    assert eligibility_of(schools=[bw.schools["cotton"]])[bw.schools["cotton"].pk].eligible


def test_setting_widens_the_categories(bw):
    register.save_settings(actor=bw.officer, via=Via.WEB, la=bw.herts, eligible_categories=4)
    assert eligibility_of(schools=[bw.schools["dane"]])[bw.schools["dane"].pk].eligible


# Conflicts


def test_same_school(bw):
    codes, reasons = excluded_for(bw, school=bw.schools["ashwell"])
    assert codes == ["conflict_same_school"]
    assert reasons == ["Amy Ashwell works for Ashwell Primary itself."]


def excluded_for(bw, school, leader="amy"):
    request = bw.request(establishment=school, raised_from="officer", case=None)
    found = {e.leader.pk: e for e in broker(request=request).exclusions}
    entry = found[bw.leaders[leader].pk]
    return entry.codes, entry.reasons


def test_same_trust(bw):
    codes, reasons = excluded(bw, "ben")
    assert codes == ["conflict_same_trust"]
    assert reasons == ["Ben Barley's organisation and Ryde Primary are both in Chalk Hills Trust."]


def test_same_trust_by_the_register_trust(bw):
    trust = SchoolGroup.objects.create(kind=GroupKind.TRUST, name="Oak Trust")
    for school in (bw.ryde, bw.schools["cotton"]):
        school.trust = trust
        school.save()
    codes, _ = excluded(bw, "cara")
    assert codes == ["conflict_same_trust"]


def test_same_federation(bw):
    federation = SchoolGroup.objects.create(kind=GroupKind.FEDERATION, name="Ash and Ryde")
    for school in (bw.ryde, bw.schools["ashwell"]):
        GroupMembership.objects.create(group=federation, establishment=school)
    codes, reasons = excluded(bw)
    assert codes == ["conflict_same_federation"]
    assert reasons == [
        "Amy Ashwell's school and Ryde Primary are in the same federation, Ash and Ryde."
    ]


def test_past_federation_is_no_conflict(bw):
    federation = SchoolGroup.objects.create(kind=GroupKind.FEDERATION, name="Old")
    for school in (bw.ryde, bw.schools["ashwell"]):
        GroupMembership.objects.create(
            group=federation,
            establishment=school,
            joined_on=date(2019, 9, 1),
            left_on=date(2021, 8, 31),
        )
    found = broker(request=bw.request())
    assert found.proposals[0].leader.name == "Amy Ashwell"


def test_person_linked_to_both(bw):
    for school, role in ((bw.ryde, "Governor"), (bw.schools["ashwell"], "Deputy head")):
        register.link_person(
            actor=bw.officer, via=Via.WEB, establishment=school, person_name="Pat  Jones", role=role
        )
    codes, reasons = excluded(bw)
    assert codes == ["conflict_person_linked"]
    assert reasons == [
        "Pat Jones is linked to both Ryde Primary (Governor) and Amy Ashwell's organisation "
        "(Deputy head)."
    ]


def test_leader_linked_to_the_school(bw):
    register.link_person(
        actor=bw.officer,
        via=Via.WEB,
        establishment=bw.ryde,
        person_name="A. Ashwell",
        role="Governor",
        user=bw["amy"],
    )
    codes, _ = excluded(bw)
    assert codes == ["conflict_person_linked"]


def test_recorded_conflict(bw):
    register.record_conflict(
        actor=bw.officer,
        via=Via.WEB,
        establishment=bw.ryde,
        leader=bw.leaders["amy"],
        reason="Her sister is the head.",
    )
    codes, reasons = excluded(bw)
    assert codes == ["conflict_recorded"]
    assert reasons == [
        "A conflict of interest between Amy Ashwell and Ryde Primary is recorded: "
        "Her sister is the head."
    ]


# Steps


def test_due_diligence_first(bw):
    org = register.add_organisation(
        actor=bw.officer,
        via=Via.WEB,
        la=bw.herts,
        kind=OrganisationKind.PRIVATE,
        name="Bright Futures Ltd",
    )
    leader = register.add_designated_leader(
        actor=bw.officer,
        via=Via.WEB,
        organisation=org,
        name="Fay Bright",
        phases=["primary"],
        specialisms=["curriculum_teaching"],
        days_per_term=5,
        kind="adviser",
        designated_by="Hertfordshire",
        starts_on=date(2025, 1, 1),
    )
    bw.leaders["fay"] = leader
    message = refused("due_diligence_first", bw.agree, leader="fay")
    assert message == (
        "Bright Futures Ltd has no passed due diligence check: one must pass before its first "
        "deployment."
    )
    register.record_check(
        actor=bw.officer,
        via=Via.WEB,
        organisation=org,
        checked_on=date(2026, 11, 1),
        what="Safeguarding",
        outcome=CheckOutcome.FAILED,
    )
    refused("due_diligence_first", bw.agree, leader="fay")
    register.record_check(
        actor=bw.officer,
        via=Via.WEB,
        organisation=org,
        checked_on=date(2026, 11, 2),
        what="Safeguarding again",
        outcome=CheckOutcome.PASSED,
    )
    assert bw.agree(leader="fay").leader == leader


def test_supporter_not_eligible(bw):
    message = refused("supporter_not_eligible", bw.agree, leader="dan")
    assert message.startswith("Dan Dane's school cannot give support now: Dane End Primary is in")


def test_conflict_refuses_the_agreement(bw):
    refused("conflict_same_trust", bw.agree, leader="ben")


def test_request_not_open(bw):
    request = bw.request()
    requests.withdraw_request(actor=bw.officer, via=Via.WEB, request=request, reason="Not needed")
    request.refresh_from_db()
    message = refused("request_not_open", bw.agree, request=request)
    assert message == "This request is withdrawn: only an open request is brokered."


def test_deployment_not_running(bw):
    deployment = bw.agree()
    deployments.review_deployment(
        actor=bw.officer,
        via=Via.WEB,
        deployment=deployment,
        reviewed_on=date(2026, 11, 30),
        impact="some",
        summary="Fine",
    )
    deployments.exit_deployment(
        actor=bw.officer,
        via=Via.WEB,
        deployment=deployment,
        exited_on=date(2026, 11, 30),
        summary="Handed back",
    )
    message = refused("deployment_not_running", bw.session, deployment)
    assert message == "This deployment is completed: sessions are logged while it runs."


def test_beyond_days_agreed(bw):
    deployment = bw.agree(days=2)
    bw.session(deployment, day=SESSION_DAYS[0], days=1.5)
    message = refused("beyond_days_agreed", bw.session, deployment, day=SESSION_DAYS[1], days=1)
    assert message == "This session would take the days delivered to 2.5, beyond the 2 days agreed."


def test_already_commented(bw):
    session = bw.session(bw.agree())
    deployments.comment_on_session(
        actor=bw["headteacher"], via=Via.WEB, session=session, comment="Thanks"
    )
    session.refresh_from_db()
    message = refused(
        "already_commented",
        deployments.comment_on_session,
        actor=bw["headteacher"],
        via=Via.WEB,
        session=session,
        comment="Again",
    )
    assert message == "The school has already commented on this session."


def test_credits_below_nought(bw):
    deployment = bw.agree(request=bw.request(funding="credits"))  # and Ryde has none
    message = refused("credits_below_nought", bw.session, deployment)
    assert message == (
        "Ryde Primary has 0 credits: spending 10 would take its balance below nought."
    )
    assert not deployment.sessions.exists()  # the whole session was refused
    refused(
        "credits_below_nought",
        credits.adjust_credits,
        actor=bw.officer,
        via=Via.WEB,
        establishment=bw.ryde,
        credits=-1,
        occurred_on=date(2026, 11, 1),
        reason="Fix",
    )


def test_shaped_sessions_used(bw):
    for number in range(3):
        deployments.book_shaped_session(
            actor=bw["headteacher"],
            via=Via.WEB,
            establishment=bw.ryde,
            booked_for=date(2027, 1, 10 + number),
            focus_area="curriculum_teaching",
            focus=f"Session {number + 1}",
        )
    message = refused(
        "shaped_sessions_used",
        deployments.book_shaped_session,
        actor=bw["headteacher"],
        via=Via.WEB,
        establishment=bw.ryde,
        booked_for=date(2027, 3, 1),
        focus_area="inclusion",
        focus="A fourth",
    )
    assert message == "Ryde Primary has booked all 3 of its sessions for 2026-27."


def test_practice_without_evidence(bw):
    arguments = dict(
        actor=bw.officer,
        via=Via.WEB,
        area="curriculum_teaching",
        phase="primary",
        title="Reading",
        summary="s",
        evidence="e",
        contact_name="Ann",
        contact_email="ann@example.org",
    )
    message = refused(
        "practice_without_evidence",
        practice.add_good_practice,
        establishment=bw.schools["dane"],
        **arguments,
    )
    assert message.startswith(
        "Dane End Primary's evidence does not show good practice in curriculum and teaching"
    )
    assert practice.add_good_practice(establishment=bw.schools["ashwell"], **arguments).pk
