"""The round page at size: 50 schools a page, filters in the address (category, phase,
decision, changed since the last round), and accepting the policy's proposals for many
schools in one step with one reason, audited per school."""

import re
from datetime import date

import pytest

from uplift.audit.models import AuditEvent, Via
from uplift.categorisation import services
from uplift.categorisation.models import Decision, Round, RoundStatus, SchoolCategorisation
from uplift.categorisation.rounds import services as rounds_services
from uplift.categorisation.rounds.selectors import RoundFilters
from uplift.core.errors import Conflict, Refused
from uplift.schools.models import PhaseGroup

ACCEPT_ALL = "Accept the proposals of every school"
GOOD_ON = date(2023, 5, 10)  # every school's last graded inspection: good


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def big_round(herts, make_school, inspect, active_policy):
    """60 primary and 15 secondary schools, each graded good, one round proposed."""
    for urn in range(1, 61):
        inspect(make_school(200000 + urn, herts, name=f"Primary {urn:03d}"), GOOD_ON, grade=2)
    for urn in range(1, 16):
        school = make_school(
            300000 + urn, herts, phase=PhaseGroup.SECONDARY, name=f"Secondary {urn:03d}"
        )
        inspect(school, GOOD_ON, grade=2)
    return services.propose_round(
        actor=None,
        via=Via.CLI,
        la=herts,
        code="2026-autumn",
        policy_version=active_policy,
        reason="autumn round",
    ).round


@pytest.fixture
def officer(client, users):
    client.force_login(users["officer"])
    return client


def url(round_, query=""):
    return f"/categorisation/rounds/{round_.pk}/{query}"


def test_the_round_page_shows_fifty_schools_a_page_with_govuk_pagination(officer, big_round):
    first = text(officer.get(url(big_round)))
    assert "75 schools, showing 1 to 50" in first
    assert first.count('name="rows"') == 50
    assert 'class="govuk-pagination"' in first and 'href="?page=2"' in first
    second = text(officer.get(url(big_round, "?page=2")))
    assert "75 schools, showing 51 to 75" in second
    assert "Secondary 015" in second and "Primary 001" not in second


def test_the_filters_work_from_the_address_without_javascript(officer, big_round):
    secondary = text(officer.get(url(big_round, "?phase=secondary")))
    assert "15 schools, showing 1 to 15" in secondary
    assert "Primary 001" not in secondary
    # the category filter reads the standing category: every school here has one proposal
    category = SchoolCategorisation.objects.filter(round=big_round).first().proposed_category
    same = SchoolCategorisation.objects.filter(round=big_round, proposed_category=category)
    assert f"{same.count()} school" in text(officer.get(url(big_round, f"?category={category}")))
    none_decided = text(officer.get(url(big_round, "?decision=accepted")))
    assert "0 schools" in none_decided and "No schools match the filters." in none_decided
    # unknown values are ignored rather than refused
    assert "75 schools" in text(officer.get(url(big_round, "?phase=nonsense&decision=x")))


def test_fifty_proposals_are_accepted_in_one_step_with_one_reason_audited_per_school(
    officer, big_round, users
):
    ids = list(
        SchoolCategorisation.objects.filter(round=big_round)
        .order_by("establishment__name")
        .values_list("pk", flat=True)[:50]
    )
    response = officer.post(
        url(big_round, "accept/"),
        {"scope": "ticked", "rows": ids, "reason": "Agreed at the team meeting"},
    )
    assert response.status_code == 302
    accepted = SchoolCategorisation.objects.filter(round=big_round, decision=Decision.ACCEPTED)
    assert accepted.count() == 50
    assert all(row.final_category == row.proposed_category for row in accepted)
    assert {row.decided_by_id for row in accepted} == {users["officer"].pk}
    events = AuditEvent.objects.filter(action="categorisation.school_decided")
    assert events.count() == 50
    assert {event.reason for event in events} == {"Agreed at the team meeting"}
    assert {event.establishment_id for event in events} == {
        row.establishment_id for row in accepted
    }
    assert "Proposals accepted for 50 schools" in text(officer.get(response["Location"]))


def test_accepting_the_filtered_set_keeps_the_filters_and_other_decisions(officer, big_round):
    first = SchoolCategorisation.objects.filter(
        round=big_round, establishment__phase_group=PhaseGroup.SECONDARY
    ).first()
    other = next(
        c.code
        for c in big_round.policy_version.parsed.categories
        if c.code != first.proposed_category
    )
    rounds_services.decide_school(
        actor=None,
        via=Via.CLI,
        categorisation=first,
        version=first.version,
        decision=Decision.OVERRIDDEN,
        category=other,
        reason="Known to the LA",
        evidence="Visit notes",
    )
    response = officer.post(
        url(big_round, "accept/?phase=secondary"),
        {"scope": "filtered", "reason": "Secondaries agreed"},
    )
    assert response["Location"] == url(big_round, "?phase=secondary")
    secondaries = SchoolCategorisation.objects.filter(
        round=big_round, establishment__phase_group=PhaseGroup.SECONDARY
    )
    assert secondaries.filter(decision=Decision.ACCEPTED).count() == 14
    first.refresh_from_db()
    assert first.decision == Decision.OVERRIDDEN and first.final_category == other
    assert not SchoolCategorisation.objects.filter(
        round=big_round, establishment__phase_group=PhaseGroup.PRIMARY
    ).exclude(decision=Decision.UNDECIDED)


def test_accepting_every_school_reviews_the_round(officer, big_round):
    officer.post(url(big_round, "accept/"), {"scope": "filtered", "reason": "All agreed"})
    big_round.refresh_from_db()
    assert big_round.status == RoundStatus.REVIEWED


def test_bulk_accept_refuses_without_a_reason_or_ticks_and_changes_nothing(officer, big_round):
    no_reason = officer.post(url(big_round, "accept/"), {"scope": "filtered", "reason": ""})
    assert no_reason.status_code == 422
    assert "Enter the reason for accepting these proposals" in text(no_reason)
    no_ticks = officer.post(url(big_round, "accept/"), {"scope": "ticked", "reason": "x"})
    assert "Tick the schools whose proposals you accept" in text(no_ticks)
    assert not SchoolCategorisation.objects.exclude(decision=Decision.UNDECIDED).exists()
    assert not AuditEvent.objects.filter(action="categorisation.school_decided").exists()


def test_bulk_accept_is_for_the_round_s_la_officers_only(client, users, big_round):
    for who in ("essex_officer", "adviser", "data_officer"):
        client.force_login(users[who])
        answer = client.post(url(big_round, "accept/"), {"scope": "filtered", "reason": "x"})
        assert answer.status_code in (403, 404)
    assert not SchoolCategorisation.objects.exclude(decision=Decision.UNDECIDED).exists()


def test_the_service_refuses_a_closed_round_and_a_set_with_nothing_to_decide(big_round, users):
    officer = users["officer"]
    rounds_services.accept_proposals(
        actor=officer, via=Via.CLI, round=big_round, reason="all", filters=RoundFilters()
    )
    with pytest.raises(Refused, match="waiting for a decision"):
        rounds_services.accept_proposals(
            actor=officer, via=Via.CLI, round=big_round, reason="again", filters=RoundFilters()
        )
    Round.objects.filter(pk=big_round.pk).update(status=RoundStatus.PUBLISHED)
    big_round.refresh_from_db()
    with pytest.raises(Conflict):
        rounds_services.accept_proposals(
            actor=officer, via=Via.CLI, round=big_round, reason="late", categorisation_ids=[1]
        )


def test_changed_since_the_last_round_compares_with_the_previous_published_round(
    officer, big_round, active_policy, herts
):
    rounds_services.accept_proposals(
        actor=None, via=Via.CLI, round=big_round, reason="all", filters=RoundFilters()
    )
    Round.objects.filter(pk=big_round.pk).update(status=RoundStatus.PUBLISHED)
    moved = SchoolCategorisation.objects.filter(round=big_round).order_by("pk")[:3]
    other = next(
        c.code for c in active_policy.parsed.categories if c.code != moved[0].proposed_category
    )
    SchoolCategorisation.objects.filter(pk__in=[row.pk for row in moved]).update(
        final_category=other
    )
    spring = services.propose_round(
        actor=None,
        via=Via.CLI,
        la=herts,
        code="2027-spring",
        policy_version=active_policy,
        reason="spring round",
    ).round
    changed = text(officer.get(url(spring, "?changed=yes")))
    assert "3 schools, showing 1 to 3" in changed
    assert "Round 2026-autumn" in changed


def test_the_round_page_reads_in_the_same_queries_whatever_the_round_size(
    officer, big_round, make_school, herts, active_policy, django_assert_max_num_queries
):
    officer.get(url(big_round))  # warm the session
    with django_assert_max_num_queries(18):  # with the roles, judgements, boards
        assert officer.get(url(big_round, "?changed=yes&phase=primary")).status_code == 200
    for urn in range(61, 200):
        make_school(200000 + urn, herts, name=f"Primary {urn:03d}")  # not enough evidence
    services.propose_round(
        actor=None,
        via=Via.CLI,
        la=herts,
        code="2026-autumn",
        policy_version=active_policy,
        reason="refresh",
    )
    with django_assert_max_num_queries(18):  # with the roles, judgements, boards
        response = officer.get(url(big_round, "?page=3"))
    assert "214 schools, showing 101 to 150" in text(response)


def test_bulk_accept_leaves_schools_without_a_proposal_for_an_officer(big_round, users):
    """Where the policy had not enough evidence, there is nothing to accept: those schools
    stay undecided, for an officer to override with the category they decide."""
    unproposed = big_round.categorisations.order_by("pk")[:3]
    SchoolCategorisation.objects.filter(pk__in=[row.pk for row in unproposed]).update(
        proposed_category=""
    )
    accepted = rounds_services.accept_proposals(
        actor=users["officer"], via=Via.CLI, round=big_round, reason="all", filters=RoundFilters()
    )
    assert accepted == big_round.categorisations.count() - 3
    left = big_round.categorisations.filter(decision=Decision.UNDECIDED)
    assert {row.proposed_category for row in left} == {""} and left.count() == 3
