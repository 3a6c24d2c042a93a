"""A round's proposals: created for every open school, refreshed without touching decided
schools, with an audit event."""

from datetime import date

import pytest
from django.utils import timezone

from uplift.audit.models import AuditEvent, Via
from uplift.categorisation import services
from uplift.categorisation.models import (
    Decision,
    OfficerJudgement,
    Round,
    RoundStatus,
    SchoolCategorisation,
)
from uplift.core.errors import NotAllowed, Refused


@pytest.fixture
def schools(herts, make_school, inspect, add_result):
    good = make_school(1, herts, name="Good")
    inspect(good, date(2021, 1, 1), grade=2)
    weak = make_school(2, herts, name="Weak")
    inspect(weak, date(2023, 1, 1), grade=4, concern="special_measures")
    fresh = make_school(3, herts, name="Never inspected")
    add_result(fresh, "ks2.PTRWM_EXP", "2023-24", 64)  # data, so the policy can place it
    return {"good": good, "weak": weak, "fresh": fresh}


def propose(la, version, actor=None, via=Via.CLI, **extra):
    return services.propose_round(
        actor=actor,
        via=via,
        la=la,
        code="2026-autumn",
        policy_version=version,
        reason="autumn round",
        **extra,
    )


def test_the_first_run_proposes_every_open_school(herts, schools, active_policy):
    refresh = propose(herts, active_policy)
    round_ = refresh.round
    assert (round_.term, round_.as_at, round_.status) == ("autumn", date(2026, 9, 1), "proposed")
    assert refresh.counts == {"1": 0, "2": 1, "3a": 1, "3b": 0, "4": 1}
    assert (refresh.created, refresh.updated, refresh.unchanged) == (3, 0, 0)
    row = SchoolCategorisation.objects.get(establishment=schools["weak"])
    assert row.proposed_category == "4"
    assert row.rationale["rationale"][0]["rule"] == "anchor_category_of_concern"
    assert (row.decision, row.version) == ("", 1)
    event = AuditEvent.objects.get(action="categorisation.round_proposed")
    assert event.reason == "autumn round"
    assert event.changes["proposals"][1].startswith("3 added, 0 updated")


def test_a_refresh_updates_undecided_proposals_and_never_touches_decided_ones(
    herts, schools, active_policy, users
):
    propose(herts, active_policy)
    decided = SchoolCategorisation.objects.get(establishment=schools["fresh"])
    SchoolCategorisation.objects.filter(pk=decided.pk).update(
        decision=Decision.OVERRIDDEN,
        final_category="2",
        override_reason="Strong new head",
        decided_by=users["officer"],
        decided_at=timezone.now(),
    )
    for school in (schools["good"], schools["fresh"]):
        for criterion in ("self_evaluation", "capacity_to_improve"):
            OfficerJudgement.objects.create(
                establishment=school,
                criterion=criterion,
                value="concern",
                evidence="visit",
                recorded_by=users["officer"],
                recorded_at=timezone.now(),
                judged_on=timezone.localdate(),
            )
    refresh = propose(herts, active_policy, as_at=timezone.localdate())
    assert (refresh.created, refresh.updated, refresh.unchanged, refresh.kept_decided) == (
        0,
        1,
        1,
        1,
    )
    good = SchoolCategorisation.objects.get(establishment=schools["good"])
    assert (good.proposed_category, good.version) == ("3a", 2)
    fresh = SchoolCategorisation.objects.get(establishment=schools["fresh"])
    assert (fresh.proposed_category, fresh.final_category, fresh.version) == ("3a", "2", 1)
    assert refresh.counts == {"1": 0, "2": 1, "3a": 1, "3b": 0, "4": 1}


def test_a_closed_school_s_undecided_proposal_is_removed(herts, schools, active_policy):
    propose(herts, active_policy)
    schools["good"].status = "Closed"
    schools["good"].save()
    refresh = propose(herts, active_policy)
    assert refresh.removed == 1
    assert not SchoolCategorisation.objects.filter(establishment=schools["good"]).exists()


def test_a_moderated_round_and_a_draft_policy_are_refused(herts, schools, active_policy, users):
    propose(herts, active_policy)
    draft = services.copy_policy(
        actor=None, via=Via.CLI, version=active_policy, name="Copy", reason="trial"
    )
    with pytest.raises(Refused, match="is not active: make it active first"):
        propose(herts, draft)
    Round.objects.update(status=RoundStatus.MODERATED)
    with pytest.raises(Refused, match="is moderated: its proposals can no"):
        propose(herts, active_policy)
    with pytest.raises(NotAllowed):
        propose(herts, active_policy, actor=users["essex_officer"], via=Via.WEB)


def test_a_round_code_must_name_a_term(herts, active_policy):
    with pytest.raises(ValueError, match="'2026-winter' is not a round code"):
        services.propose_round(
            actor=None,
            via=Via.CLI,
            la=herts,
            code="2026-winter",
            policy_version=active_policy,
            reason="x",
        )
