"""The round workflow's services: officers' decisions with optimistic locking, the board's
moderation, publication, re-categorising between rounds and the category history."""

from datetime import date

import pytest

from uplift.audit.models import AuditEvent, Via
from uplift.categorisation import services
from uplift.categorisation.models import (
    BoardOutcome,
    Decision,
    RoundStatus,
    SchoolCategorisation,
)
from uplift.categorisation.rounds import services as rounds_services
from uplift.categorisation.rounds.selectors import (
    category_history,
    current_categories,
    current_category,
)
from uplift.core.errors import NotAllowed, Refused, StaleVersion

WEB = Via.WEB


@pytest.fixture
def schools(herts, make_school, inspect):
    good = make_school(1, herts, name="Good")
    inspect(good, date(2021, 1, 1), grade=2)
    weak = make_school(2, herts, name="Weak")
    inspect(weak, date(2023, 1, 1), grade=4, concern="special_measures")
    return {"good": good, "weak": weak}


@pytest.fixture
def round_(herts, schools, active_policy):
    return services.propose_round(
        actor=None,
        via=Via.CLI,
        la=herts,
        code="2026-autumn",
        policy_version=active_policy,
        reason="autumn round",
    ).round


def row(school) -> SchoolCategorisation:
    return SchoolCategorisation.objects.select_related("round__la").get(establishment=school)


def accept(officer, school, version=None):
    current = row(school)
    return rounds_services.decide_school(
        actor=officer,
        via=WEB,
        categorisation=current,
        version=current.version if version is None else version,
        decision=Decision.ACCEPTED,
    )


def override(officer, school, category="3a", version=None, reason="New head", evidence="Visit"):
    current = row(school)
    return rounds_services.decide_school(
        actor=officer,
        via=WEB,
        categorisation=current,
        version=current.version if version is None else version,
        decision=Decision.OVERRIDDEN,
        category=category,
        reason=reason,
        evidence=evidence,
    )


def board(round_, officer, outcome=BoardOutcome.AGREED, **extra):
    round_.refresh_from_db()
    return rounds_services.record_board_meeting(
        actor=officer,
        via=WEB,
        round=round_,
        version=round_.version,
        held_on=date(2026, 10, 1),
        members_present="Chair, two officers",
        minutes="Moderated",
        outcome=outcome,
        **extra,
    )


def publish(round_, officer):
    round_.refresh_from_db()
    return rounds_services.publish_round(
        actor=officer, via=WEB, round=round_, version=round_.version, reason="board agreed"
    )


def decide_all(officer, schools):
    accept(officer, schools["weak"])
    override(officer, schools["good"], "3a")


def test_an_override_is_saved_with_its_reason_evidence_and_audit_event(round_, schools, users):
    decided = override(users["officer"], schools["good"], "3a", reason="Falling standards")
    assert (decided.decision, decided.final_category, decided.category) == (
        "overridden",
        "3a",
        "3a",
    )
    assert (decided.override_reason, decided.override_evidence) == ("Falling standards", "Visit")
    assert (decided.decided_by, decided.version) == (users["officer"], 2)
    event = AuditEvent.objects.get(action="categorisation.school_decided")
    assert event.reason == "Falling standards" and event.changes["category"] == ["2", "3a"]
    assert event.establishment == schools["good"]


def test_an_override_needs_a_reason_evidence_and_another_category(round_, schools, users):
    with pytest.raises(Refused, match="Enter the reason for overriding"):
        override(users["officer"], schools["good"], reason=" ")
    with pytest.raises(Refused, match="Enter the evidence for the override"):
        override(users["officer"], schools["good"], evidence="")
    with pytest.raises(Refused, match="other than the proposed one"):
        override(users["officer"], schools["good"], "2")
    with pytest.raises(Refused, match="Choose a category of the round"):
        override(users["officer"], schools["good"], "9")
    assert row(schools["good"]).decision == Decision.UNDECIDED


def test_a_stale_version_is_refused_and_the_first_update_is_kept(round_, schools, users):
    seen = row(schools["good"]).version
    override(users["officer"], schools["good"], "3a", version=seen, reason="First officer")
    with pytest.raises(StaleVersion, match="Another officer changed"):
        override(users["admin"], schools["good"], "4", version=seen, reason="Second officer")
    kept = row(schools["good"])
    assert (kept.final_category, kept.override_reason, kept.version) == ("3a", "First officer", 2)
    assert AuditEvent.objects.filter(action="categorisation.school_decided").count() == 1


def test_another_la_s_officer_may_not_decide(round_, schools, users):
    with pytest.raises(NotAllowed):
        accept(users["essex_officer"], schools["good"])


def test_the_round_is_reviewed_once_every_school_is_decided(round_, schools, users):
    accept(users["officer"], schools["weak"])
    round_.refresh_from_db()
    assert round_.status == RoundStatus.PROPOSED
    override(users["officer"], schools["good"])
    round_.refresh_from_db()
    assert round_.status == RoundStatus.REVIEWED


def test_the_board_cannot_moderate_while_a_school_is_undecided(round_, schools, users):
    accept(users["officer"], schools["weak"])
    with pytest.raises(Refused, match="only once every school is decided: 1 school"):
        board(round_, users["officer"])


def test_referring_back_returns_the_named_schools_to_review(round_, schools, users):
    decide_all(users["officer"], schools)
    meeting = board(
        round_,
        users["officer"],
        BoardOutcome.REFERRED_BACK,
        comment="Look again at Good",
        referred=[row(schools["good"])],
    )
    assert list(meeting.referred.all()) == [row(schools["good"])]
    round_.refresh_from_db()
    assert round_.status == RoundStatus.PROPOSED
    assert (row(schools["good"]).decision, row(schools["good"]).final_category) == ("", "")
    assert row(schools["weak"]).decision == Decision.ACCEPTED
    override(users["officer"], schools["good"])
    with pytest.raises(Refused, match="Choose the schools the board refers"):
        board(round_, users["officer"], BoardOutcome.REFERRED_BACK, comment="again")


def test_publish_needs_the_board_s_agreement_and_happens_once(round_, schools, users):
    decide_all(users["officer"], schools)
    with pytest.raises(Refused, match="published only after the board has agreed"):
        publish(round_, users["officer"])
    board(round_, users["officer"])
    with pytest.raises(Refused, match="the board moderates a round once"):
        board(round_, users["officer"])
    with pytest.raises(Refused, match="its decisions can no longer change"):
        accept(users["officer"], schools["good"])
    publish(round_, users["officer"])
    with pytest.raises(Refused, match="already published"):
        publish(round_, users["officer"])
    assert AuditEvent.objects.filter(action="categorisation.round_published").count() == 1


def test_a_stale_round_version_is_refused(round_, schools, users):
    decide_all(users["officer"], schools)
    round_.refresh_from_db()
    with pytest.raises(StaleVersion, match="changed while you were looking"):
        rounds_services.publish_round(
            actor=users["officer"], via=WEB, round=round_, version=round_.version - 1, reason="x"
        )


def test_published_categories_become_current_and_a_mid_year_change_stands(round_, schools, users):
    with pytest.raises(Refused, match="has no published round yet"):
        rounds_services.recategorise(
            actor=users["officer"],
            via=WEB,
            establishment=schools["good"],
            category="4",
            reason="x",
            evidence="y",
        )
    assert current_category(establishment=schools["good"]) is None
    decide_all(users["officer"], schools)
    board(round_, users["officer"])
    publish(round_, users["officer"])
    now = current_category(establishment=schools["good"])
    assert (now.category, now.source, now.reason, now.evidence) == (
        "3a",
        "Round 2026-autumn",
        "New head",
        "Visit",
    )
    weak = current_category(establishment=schools["weak"])
    assert weak.category == "4" and "special measures" in weak.reason.lower()
    change = rounds_services.recategorise(
        actor=users["officer"],
        via=WEB,
        establishment=schools["good"],
        category="4",
        reason="Safeguarding failure",
        evidence="Section 8 letter of 3 February",
    )
    assert change.previous_category == "3a"
    history = category_history(establishment=schools["good"])
    assert [(e.category, e.source) for e in history] == [
        ("4", "Re-categorised between rounds"),
        ("3a", "Round 2026-autumn"),
    ]
    assert history[0].evidence == "Section 8 letter of 3 February"
    assert AuditEvent.objects.get(action="categorisation.school_recategorised").reason == (
        "Safeguarding failure"
    )
    with pytest.raises(Refused, match="already in that category"):
        rounds_services.recategorise(
            actor=users["officer"],
            via=WEB,
            establishment=schools["good"],
            category="4",
            reason="x",
            evidence="y",
        )


def test_current_categories_read_in_the_same_queries_for_more_schools(
    herts, make_school, inspect, active_policy, users, django_assert_max_num_queries
):
    def published_round(code, count, first_urn):
        for urn in range(first_urn, first_urn + count):
            inspect(make_school(urn, herts), date(2021, 1, 1), grade=2)
        round_ = services.propose_round(
            actor=None,
            via=Via.CLI,
            la=herts,
            code=code,
            policy_version=active_policy,
            reason="x",
        ).round
        for current in round_.categorisations.select_related("round__la"):
            rounds_services.decide_school(
                actor=users["officer"],
                via=WEB,
                categorisation=current,
                version=current.version,
                decision=Decision.ACCEPTED,
            )
        board(round_, users["officer"])
        publish(round_, users["officer"])
        return list(herts.establishments.values_list("pk", flat=True))

    few = published_round("2026-autumn", 2, 100)
    with django_assert_max_num_queries(3):
        assert len(current_categories(establishment_ids=few)) == 2
    many = published_round("2027-spring", 12, 200)
    with django_assert_max_num_queries(3):
        assert len(current_categories(establishment_ids=many)) == 14
