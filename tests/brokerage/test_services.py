"""The services: each change is audited with who, how and what; a refusal changes nothing; a
stale version is refused; a role that may not act is refused."""

from datetime import date

import pytest

from tests.brokerage.world import bw_fixture  # noqa: F401
from uplift.audit.models import AuditEvent, Via
from uplift.brokerage.services import deployments, register, requests
from uplift.core.errors import NotAllowed, Refused, StaleVersion


def test_changes_are_audited(bw):
    deployment = bw.agree()
    session = bw.session(deployment)
    deployments.comment_on_session(
        actor=bw["headteacher"], via=Via.WEB, session=session, comment="Good"
    )
    events = AuditEvent.objects.filter(action__startswith="brokerage.")
    actions = set(events.values_list("action", flat=True))
    assert {
        "brokerage.organisation_added",
        "brokerage.check_recorded",
        "brokerage.leader_added",
        "brokerage.designated",
        "brokerage.request_raised",
        "brokerage.deployment_agreed",
        "brokerage.deployment_given",
        "brokerage.session_logged",
        "brokerage.session_commented",
    } <= actions
    agreed = events.get(action="brokerage.deployment_agreed")
    assert agreed.actor == bw.officer and agreed.via == Via.WEB
    assert agreed.establishment == bw.ryde and agreed.changes["days_planned"] == [None, 10]
    given = events.get(action="brokerage.deployment_given")
    assert given.establishment == bw.schools["ashwell"]


def test_a_refusal_changes_nothing(bw, db_snapshot):
    request = bw.request()
    before = db_snapshot()
    with pytest.raises(Refused):
        bw.agree(request=request, ends_on=date(2026, 1, 1))
    with pytest.raises(Refused):
        bw.agree(request=request, leader="ben")
    with pytest.raises(Refused):
        requests.raise_request(
            actor=bw.officer,
            via=Via.WEB,
            establishment=bw.ryde,
            raised_from="case",
            case=None,
            areas=["inclusion"],
            days=2,
            needed_by=date(2030, 1, 1),
            funding="la",
        )
    assert db_snapshot() == before


def test_stale_versions_are_refused(bw):
    request = bw.request()
    with pytest.raises(StaleVersion):
        bw.agree(request=request, version=request.version + 1)
    session = bw.session(bw.agree(request=request, version=request.version))
    with pytest.raises(StaleVersion):
        deployments.comment_on_session(
            actor=bw["headteacher"],
            via=Via.WEB,
            session=session,
            comment="Late",
            version=session.version + 1,
        )


def test_who_may_act(bw):
    request = bw.request()
    with pytest.raises(NotAllowed):
        bw.agree(request=request, actor=bw["headteacher"])
    with pytest.raises(NotAllowed):
        bw.agree(request=request, actor=bw["essex.officer"])
    with pytest.raises(NotAllowed):
        register.add_organisation(
            actor=bw["adviser"], via=Via.WEB, la=bw.herts, kind="private", name="X"
        )
    deployment = bw.agree(request=request)
    with pytest.raises(NotAllowed):
        bw.session(deployment, actor=bw["headteacher"])
    with pytest.raises(NotAllowed):
        deployments.book_shaped_session(
            actor=bw["chair"],
            via=Via.WEB,
            establishment=bw.ryde,
            booked_for=date(2027, 1, 5),
            focus_area="inclusion",
            focus="x",
        )
    own = requests.raise_request(
        actor=bw["headteacher"],
        via=Via.WEB,
        establishment=bw.ryde,
        raised_from="officer",
        areas=["send"],
        days=2,
        needed_by=date(2030, 1, 1),
        funding="school",
    )
    assert own.raised_from == "school"
    with pytest.raises(NotAllowed):
        requests.raise_request(
            actor=bw["headteacher"],
            via=Via.WEB,
            establishment=bw.schools["ashwell"],
            raised_from="school",
            areas=["send"],
            days=2,
            needed_by=date(2030, 1, 1),
            funding="school",
        )


def test_the_register_checks_what_it_is_given(bw):
    arguments = dict(actor=bw.officer, via=Via.WEB, la=bw.herts, kind="school", name="")
    with pytest.raises(Refused, match="Enter the school's URN"):
        register.add_organisation(**arguments)
    with pytest.raises(Refused, match="no school with URN 5"):
        register.add_organisation(urn=5, **arguments)
    with pytest.raises(Refused, match="already has an organisation called Ashwell Primary"):
        register.add_organisation(urn=bw.schools["ashwell"].urn, **arguments)
    with pytest.raises(Refused, match="Unknown specialism: knitting"):
        register.add_leader(
            actor=bw.officer,
            via=Via.WEB,
            organisation=bw.orgs["ashwell"],
            name="X",
            phases=["primary"],
            specialisms=["knitting"],
            days_per_term=3,
        )
    with pytest.raises(Refused, match="local scheme's name"):
        register.designate(
            actor=bw.officer,
            via=Via.WEB,
            leader=bw.leaders["amy"],
            kind="local",
            designated_by="Wigan",
            starts_on=date(2025, 1, 1),
        )
