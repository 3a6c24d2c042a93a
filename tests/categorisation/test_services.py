"""Policies and versions: created, copied, edited as new drafts and activated, each in one
transaction with an audit event, and only by the LA's officers and administrators."""

import pytest
from django.utils import timezone

from tests.categorisation.builders import base_definition
from uplift.audit.models import AuditEvent, Via
from uplift.categorisation import services
from uplift.categorisation.definition import DefinitionInvalid
from uplift.categorisation.models import (
    ImmutableVersion,
    OfficerJudgement,
    Policy,
    PolicyVersion,
    VersionStatus,
)
from uplift.categorisation.presets import preset
from uplift.core.errors import NotAllowed, Refused


def create(users, herts, who="officer", **extra):
    arguments = dict(
        actor=users[who], via=Via.WEB, la=herts, preset="risk_a_to_d", name="Risk", reason="new"
    )
    return services.create_policy_from_preset(**{**arguments, **extra})


def test_a_policy_from_a_preset_starts_as_a_draft_with_an_event(users, herts):
    version = create(users, herts)
    assert (version.number, version.status, version.policy.preset) == (1, "draft", "risk_a_to_d")
    assert version.definition == preset("risk_a_to_d").definition
    assert version.created_by == users["officer"]
    event = AuditEvent.objects.get(action="categorisation.policy_created")
    assert (event.la, event.reason, event.actor) == (herts, "new", users["officer"])


@pytest.mark.parametrize("who", ["essex_officer", "data_officer", "adviser", "viewer", "nobody"])
def test_only_the_la_s_officers_and_administrators_may(users, herts, who):
    with pytest.raises(NotAllowed):
        create(users, herts, who=who)
    assert not Policy.objects.exists() and not AuditEvent.objects.exists()


def test_an_administrator_may_and_the_name_is_unique_per_la(users, herts):
    create(users, herts, who="admin")
    with pytest.raises(Refused, match="Hertfordshire already has a policy called"):
        create(users, herts, name="risk")
    with pytest.raises(Refused, match="Enter the reason"):
        create(users, herts, name="Other", reason=" ")


def test_a_saved_version_never_changes(users, herts):
    version = create(users, herts)
    version.definition = {}
    with pytest.raises(ImmutableVersion):
        version.save()
    version.change_note = "sneaky"
    with pytest.raises(ImmutableVersion):
        version.save(update_fields=["status", "change_note"])


def test_editing_saves_the_next_version_as_a_draft(users, herts):
    first = create(users, herts)
    edited = dict(first.definition)
    edited["rules"] = {
        **edited["rules"],
        "anchor": {**edited["rules"]["anchor"], "not_inspected": "C"},
    }
    second = services.save_draft(
        actor=users["officer"],
        via=Via.WEB,
        based_on=first,
        definition=edited,
        change_note="Uninspected schools need a visit",
    )
    assert (second.number, second.status, second.based_on) == (2, "draft", first)
    first.refresh_from_db()
    assert first.definition == preset("risk_a_to_d").definition
    event = AuditEvent.objects.get(action="categorisation.draft_saved")
    assert (event.changes, event.reason) == (
        {"version": [1, 2]},
        "Uninspected schools need a visit",
    )


def test_two_officers_editing_the_same_version_the_second_is_refused(users, herts):
    first = create(users, herts)
    one = base_definition()
    two = base_definition()
    two["rules"]["anchor"]["not_inspected"] = "C"
    services.save_draft(
        actor=users["officer"], via=Via.WEB, based_on=first, definition=one, change_note="first"
    )
    with pytest.raises(Refused, match="Version 2 of Risk was saved while you"):
        services.save_draft(
            actor=users["admin"], via=Via.WEB, based_on=first, definition=two, change_note="second"
        )
    assert PolicyVersion.objects.count() == 2


def test_an_invalid_or_unchanged_definition_is_refused(users, herts):
    first = create(users, herts)
    with pytest.raises(DefinitionInvalid):
        services.save_draft(
            actor=users["officer"],
            via=Via.WEB,
            based_on=first,
            definition={"categories": []},
            change_note="broken",
        )
    with pytest.raises(Refused, match="Nothing has changed since version 1"):
        services.save_draft(
            actor=users["officer"],
            via=Via.WEB,
            based_on=first,
            definition=first.definition,
            change_note="same",
        )
    assert PolicyVersion.objects.count() == 1


def test_activating_a_draft_retires_the_active_version(users, herts):
    first = create(users, herts)
    services.activate_version(actor=users["officer"], via=Via.WEB, version=first, reason="go")
    second = services.save_draft(
        actor=users["officer"],
        via=Via.WEB,
        based_on=first,
        definition=base_definition(),
        change_note="simpler",
    )
    services.activate_version(actor=users["officer"], via=Via.WEB, version=second, reason="go")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (VersionStatus.RETIRED, VersionStatus.ACTIVE)
    assert first.retired_at and second.activated_at
    with pytest.raises(Refused, match="Version 1 is retired; only a draft"):
        services.activate_version(actor=users["officer"], via=Via.WEB, version=first, reason="x")
    event = AuditEvent.objects.filter(action="categorisation.version_activated").first()
    assert event.changes == {"active_version": [1, 2]}


def test_copying_makes_a_new_policy_from_any_version(users, herts):
    first = create(users, herts)
    copy = services.copy_policy(
        actor=users["officer"],
        via=Via.WEB,
        version=first,
        name="Risk for trial",
        reason="try a variant",
    )
    assert copy.policy != first.policy
    assert (copy.number, copy.status, copy.policy.copied_from) == (1, "draft", first)
    assert copy.definition == first.definition
    with pytest.raises(NotAllowed):
        services.copy_policy(
            actor=users["essex_officer"],
            via=Via.WEB,
            version=first,
            name="Stolen",
            reason="mine now",
        )


def test_an_officer_records_a_judgement_with_its_evidence(users, herts, make_school, active_policy):
    school = make_school(117001, herts)
    judgement = services.record_officer_judgement(
        actor=users["officer"],
        via=Via.WEB,
        establishment=school,
        criterion="capacity_to_improve",
        value="Secure",
        evidence="New head since April; clear plan",
    )
    assert (judgement.recorded_by, judgement.value) == (users["officer"], "secure")
    assert judgement.judged_on == timezone.localdate()
    event = AuditEvent.objects.get(action="categorisation.judgement_recorded")
    assert event.establishment == school
    assert event.changes["capacity_to_improve"] == [None, "secure"]
    with pytest.raises(NotAllowed):
        services.record_officer_judgement(
            actor=users["essex_officer"],
            via=Via.WEB,
            establishment=school,
            criterion="capacity_to_improve",
            value="concern",
            evidence="hearsay",
        )
    with pytest.raises(Refused, match="Enter the evidence"):
        services.record_officer_judgement(
            actor=users["officer"],
            via=Via.WEB,
            establishment=school,
            criterion="capacity_to_improve",
            value="concern",
            evidence="",
        )
    assert OfficerJudgement.objects.count() == 1
