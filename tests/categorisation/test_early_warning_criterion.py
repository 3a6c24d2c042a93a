"""An early-warning criterion: a flagged school moves down one category, unless an officer
dismissed the flag."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from tests.categorisation.builders import base_definition, inspection, parsed
from tests.earlywarning.factories import make_assessment, make_run
from uplift.accounts.models import Profile, Role
from uplift.audit.models import Via
from uplift.categorisation import services
from uplift.categorisation.definition import DefinitionInvalid, parse_definition
from uplift.categorisation.engine import evaluate
from uplift.categorisation.evidence import (
    EarlyWarningEvidence,
    SchoolEvidence,
    early_warning_source,
)
from uplift.categorisation.whatif import what_if
from uplift.earlywarning.reviews import review_flag

CRITERION = {
    "code": "early_warning",
    "label": "Early warning",
    "levels": ["not flagged", "flagged"],
    "phases": ["primary", "secondary"],
    "evidence": {"source": "early_warning"},
}
DOWN = {
    "name": "flagged",
    "rule": "move_down",
    "precedence": 10,
    "params": {"criteria": ["early_warning"], "level": "flagged", "at_least": 1},
}


def with_early_warning(definition):
    definition["criteria"].append(dict(CRITERION))
    return definition


def evidence(flagged=None, dismissed=False):
    found = None
    if flagged is not None:
        source = early_warning_source(scored_on=date(2026, 9, 1), reviewed_by="", reviewed_on=None)
        found = EarlyWarningEvidence(flagged, dismissed, 0.4, "Last graded Good long ago", source)
    return SchoolEvidence(
        1, 100001, "Oakfield", "primary", inspection=inspection(overall=2), early_warning=found
    )


@pytest.mark.parametrize(
    ("flagged", "dismissed", "category"),
    [(True, False, "C"), (True, True, "B"), (False, False, "B"), (None, False, "B")],
)
def test_a_flag_moves_the_school_down_unless_dismissed(flagged, dismissed, category):
    definition = parse_definition(with_early_warning(base_definition(DOWN)))
    outcome = evaluate(policy_version=definition, evidence=evidence(flagged, dismissed))
    assert outcome.category == category


def test_an_early_warning_criterion_has_two_levels_and_no_thresholds():
    definition = with_early_warning(base_definition())
    definition["criteria"][-1]["levels"] = ["calm", "worried", "flagged"]
    definition["thresholds"]["early_warning"] = {"levels": [], "otherwise": "calm"}
    with pytest.raises(DefinitionInvalid) as invalid:
        parse_definition(definition)
    paths = {problem.path for problem in invalid.value.problems}
    assert {"criteria[4].levels", "thresholds.early_warning"} <= paths
    assert parsed()  # the base policy is still valid without it


def test_what_if_moves_a_flagged_school_down_and_not_a_dismissed_one(herts, make_school, inspect):
    flagged = make_school(1, herts, name="Flagged")
    dismissed = make_school(2, herts, name="Dismissed")
    for school in (flagged, dismissed):
        inspect(school, date(2021, 1, 1), grade=2)
    run = make_run(la=herts)
    make_assessment(run, flagged, rank=1)
    flag = make_assessment(run, dismissed, rank=2)
    officer = get_user_model().objects.create_user(username="officer", password="pw")
    Profile.objects.create(user=officer, role=Role.LA_OFFICER, la=herts)
    review_flag(
        actor=officer,
        via=Via.WEB,
        assessment=flag,
        decision="dismiss",
        reason="New head since September",
        version=0,
    )
    start = services.create_policy_from_preset(
        actor=None, via=Via.CLI, la=herts, preset="risk_a_to_d", name="Current", reason="test"
    )
    current = services.save_draft(
        actor=None, via=Via.CLI, based_on=start, definition=base_definition(), change_note="t"
    )
    current = services.activate_version(actor=None, via=Via.CLI, version=current, reason="t")
    proposed = services.propose_round(
        actor=None, via=Via.CLI, la=herts, code="2026-autumn", policy_version=current, reason="t"
    )
    draft = services.save_draft(
        actor=None,
        via=Via.CLI,
        based_on=current,
        definition=with_early_warning(base_definition(DOWN)),
        change_note="Move flagged schools down",
    )
    changes = what_if(round=proposed.round, draft_version=draft)
    assert [(c.establishment.name, c.current.category, c.proposed.category) for c in changes] == [
        ("Flagged", "B", "C")
    ]
    assert changes[0].proposed.rationale[-1].rule == "move_down"
