"""Officers' judgements: recorded on the scale of the LA's policy with evidence and a date,
kept as history, refused when stale, and read by the next round and what-if."""

import copy
from datetime import date, timedelta

import pytest
from django.utils import timezone

from uplift.audit.models import AuditEvent, Via
from uplift.categorisation import services
from uplift.categorisation.judgements.selectors import (
    missing_counts,
    missing_judgements,
    standing,
)
from uplift.categorisation.judgements.services import record_officer_judgement
from uplift.categorisation.models import OfficerJudgement
from uplift.categorisation.whatif import what_if
from uplift.core.errors import Refused, StaleVersion
from uplift.schools.models import Establishment, PhaseGroup

JULY = date(2026, 7, 1)


@pytest.fixture
def named_officer(users):
    officer = users["officer"]
    officer.first_name, officer.last_name = "Olivia", "Hart"
    officer.save()
    return officer


@pytest.fixture
def good_school(herts, make_school, inspect, add_result):
    """Good at its last inspection, one concern already judged: one more concern and the
    policy moves it down (local_concerns needs two)."""
    school = make_school(117001, herts, name="Abbots Langley Primary")
    inspect(school, date(2022, 5, 10), grade=2)
    add_result(school, "ks2.PTRWM_EXP", "2023-24", 70)
    OfficerJudgement.objects.create(
        establishment=school,
        criterion="capacity_to_improve",
        value="concern",
        evidence="Head leaving at Easter",
        judged_on=JULY,
        recorded_at=timezone.now(),
    )
    return school


def record(officer, school, **values):
    values = {
        "criterion": "self_evaluation",
        "value": "concern",
        "evidence": "The school's SEF overstates progress",
        **values,
    }
    return record_officer_judgement(actor=officer, via=Via.WEB, establishment=school, **values)


def test_a_judgement_is_on_the_criterion_scale_with_evidence_and_a_date(
    active_policy, good_school, named_officer
):
    saved = record(named_officer, good_school, criterion="Quality of school self-evaluation")
    assert (saved.criterion, saved.value, saved.judged_on) == (
        "self_evaluation",
        "concern",
        timezone.localdate(),
    )
    with pytest.raises(Refused, match="Choose one of strength, secure, concern"):
        record(named_officer, good_school, value="B")
    with pytest.raises(Refused, match="do not ask for a judgement of reading"):
        record(named_officer, good_school, criterion="reading")
    with pytest.raises(Refused, match="today or in the past"):
        record(named_officer, good_school, judged_on=timezone.localdate() + timedelta(days=1))
    assert OfficerJudgement.objects.filter(criterion="self_evaluation").count() == 1


def test_a_stale_judgement_is_refused_and_history_is_kept(
    active_policy, good_school, named_officer
):
    record(named_officer, good_school, version=0, value="secure", judged_on=date(2026, 3, 1))
    record(named_officer, good_school, version=1, value="concern", judged_on=date(2026, 6, 1))
    with pytest.raises(StaleVersion):
        record(named_officer, good_school, version=1, value="strength")
    [item] = [
        s
        for s in standing(
            establishment=good_school,
            criteria={
                c.code: c for c in active_policy.parsed.criteria if c.code == "self_evaluation"
            },
        )
    ]
    assert (item.latest.value, item.count) == ("concern", 2)
    events = AuditEvent.objects.filter(action="categorisation.judgement_recorded")
    assert [e.changes["self_evaluation"] for e in events.order_by("pk")] == [
        [None, "secure"],
        ["secure", "concern"],
    ]


def test_a_judgement_recorded_shows_in_the_next_what_if(
    herts, active_policy, good_school, named_officer, client
):
    """Done when: an officer records "quality of self-evaluation" for a school and the next
    what-if shows its effect."""
    refresh = services.propose_round(
        actor=None,
        via=Via.CLI,
        la=herts,
        code="2026-autumn",
        policy_version=active_policy,
        reason="test",
    )
    round_ = refresh.round
    reworded = copy.deepcopy(active_policy.definition)
    reworded["categories"][0]["description"] = "Reworded only: the same categories"
    draft = services.save_draft(
        actor=None,
        via=Via.CLI,
        based_on=active_policy,
        definition=reworded,
        change_note="Reworded, to try",
    )
    assert what_if(round=round_, draft_version=draft) == []
    client.force_login(named_officer)
    page = client.get(f"/categorisation/schools/{good_school.urn}/judgements/self_evaluation/")
    assert page.status_code == 200
    today = timezone.localdate()
    assert f'value="{today.day}"' in page.content.decode()  # the date defaults to today
    response = client.post(
        f"/categorisation/schools/{good_school.urn}/judgements/self_evaluation/",
        {
            "version": "0",
            "value": "concern",
            "evidence": "Self-evaluation does not match what we saw",
            "judged_on_day": "20",
            "judged_on_month": "8",
            "judged_on_year": "2026",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    history = client.get(response["Location"]).content.decode()
    assert "Olivia Hart" in history and "20 August 2026" in history
    assert "herts.officer" not in history
    [change] = what_if(round=round_, draft_version=draft)
    assert change.establishment == good_school
    assert (change.in_round, change.current.category, change.proposed.category) == (
        "2",
        "3a",
        "3a",
    )
    assert change.evidence_changed
    shown = client.get(
        f"/categorisation/policies/{draft.policy_id}/versions/{draft.number}/what-if/",
        {"round": round_.code},
    ).content.decode()
    assert "Abbots Langley Primary" in shown
    assert "Officer judgement by Olivia Hart, 20 August 2026" in shown


def test_the_round_lists_schools_without_a_judgement_the_policy_needs(
    herts, active_policy, good_school, named_officer, make_school, client
):
    make_school(117002, herts, name="Bushey Nursery", phase=PhaseGroup.NURSERY)
    record(named_officer, good_school, judged_on=date(2026, 8, 1))
    missing = {
        m.criterion.code: [s.name for s in m.schools]
        for m in missing_judgements(
            establishments=Establishment.objects.all(),
            policy_version=active_policy,
            as_at=date(2026, 9, 1),
        )
    }
    assert missing["self_evaluation"] == ["Bushey Nursery"]
    assert missing["capacity_to_improve"] == ["Bushey Nursery"]
    assert missing["ks1_standards"] == ["Abbots Langley Primary"]  # not for nurseries
    counted = missing_counts(  # the round page's summary: counts by aggregate, the same
        establishments=Establishment.objects.all(),
        policy_version=active_policy,
        as_at=date(2026, 9, 1),
    )
    assert {m.criterion.code: m.count for m in counted} == {
        code: len(names) for code, names in missing.items()
    }
    refresh = services.propose_round(
        actor=None,
        via=Via.CLI,
        la=herts,
        code="2026-autumn",
        policy_version=active_policy,
        reason="test",
    )
    client.force_login(named_officer)
    page = client.get(f"/categorisation/rounds/{refresh.round.pk}/").content.decode()
    assert "Judgements the policy needs" in page and "1 school without one" in page
    listed = client.get(
        f"/categorisation/rounds/{refresh.round.pk}/missing-judgements/"
    ).content.decode()
    assert "Bushey Nursery (URN 117002)" in listed


def test_only_those_who_may_change_the_school_record_its_judgements(
    active_policy, good_school, users, client
):
    for name, status in [("essex_officer", 404), ("viewer", 404), ("officer", 200)]:
        client.force_login(users[name])
        url = f"/categorisation/schools/{good_school.urn}/judgements/self_evaluation/"
        assert client.get(url).status_code == status, name
    assert client.get("/categorisation/schools/117001/judgements/reading/").status_code == 404
