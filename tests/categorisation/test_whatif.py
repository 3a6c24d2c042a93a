"""What-if: an edited threshold lists exactly the schools whose category changes, and
nothing is saved."""

from datetime import date

import pytest

from tests.categorisation.builders import base_definition
from uplift.audit.models import Via
from uplift.categorisation import services
from uplift.categorisation.models import Decision, SchoolCategorisation
from uplift.categorisation.whatif import WrongLocalAuthority, what_if
from uplift.schools.models import PhaseGroup

DOWN = {
    "name": "reading_concern",
    "rule": "move_down",
    "precedence": 10,
    "params": {"criteria": ["reading"], "level": "concern", "at_least": 1},
}


def policy_with(definition, la, name):
    start = services.create_policy_from_preset(
        actor=None, via=Via.CLI, la=la, preset="risk_a_to_d", name=name, reason="test"
    )
    return services.save_draft(
        actor=None, via=Via.CLI, based_on=start, definition=definition, change_note="test policy"
    )


@pytest.fixture
def round_and_draft(herts, make_school, inspect, add_result):
    reading = {
        "below both": 60,
        "67": 67,
        "69.9": 69.9,
        "exactly 70": 70,
        "strong": 85,
        "no data": None,
    }
    for urn, (name, value) in enumerate(reading.items(), start=1):
        school = make_school(urn, herts, name=name)
        inspect(school, date(2021, 1, 1), grade=2)
        if value is not None:
            add_result(school, "ks2.PTRWM_EXP", "2023-24", value)
    secondary = make_school(99, herts, name="secondary 68", phase=PhaseGroup.SECONDARY)
    inspect(secondary, date(2021, 1, 1), grade=2)
    add_result(secondary, "ks2.PTRWM_EXP", "2023-24", 68)

    current = policy_with(base_definition(DOWN), herts, "Current")
    current = services.activate_version(actor=None, via=Via.CLI, version=current, reason="test")
    refresh = services.propose_round(
        actor=None, via=Via.CLI, la=herts, code="2026-autumn", policy_version=current, reason="test"
    )
    edited = base_definition(DOWN)
    edited["thresholds"]["reading"]["levels"][0]["when"]["value"] = 70  # was 65
    draft = services.save_draft(
        actor=None,
        via=Via.CLI,
        based_on=current,
        definition=edited,
        change_note="Concern below 70%",
    )
    return refresh.round, draft


def test_an_edited_threshold_lists_exactly_the_schools_whose_category_changes(
    round_and_draft, db_snapshot
):
    round_, draft = round_and_draft
    before = db_snapshot()
    changes = what_if(round=round_, draft_version=draft)
    assert db_snapshot() == before
    assert [(c.establishment.name, c.current.category, c.proposed.category) for c in changes] == [
        ("67", "B", "C"),
        ("69.9", "B", "C"),
    ]
    why = changes[0].proposed.rationale[-1]
    assert why.rule == "move_down"
    assert [(item.label, item.value) for item in why.evidence] == [("ks2.PTRWM_EXP 2023-24", "67")]
    assert changes[0].decided_category == ""


def test_a_decided_school_shows_its_decision(round_and_draft):
    round_, draft = round_and_draft
    SchoolCategorisation.objects.filter(establishment__name="67").update(
        decision=Decision.ACCEPTED, final_category="B"
    )
    changes = what_if(round=round_, draft_version=draft)
    assert changes[0].decided_category == "B"


def test_a_policy_of_another_la_is_refused(round_and_draft, essex):
    round_, _ = round_and_draft
    other = policy_with(base_definition(), essex, "Essex")
    with pytest.raises(WrongLocalAuthority):
        what_if(round=round_, draft_version=other)
