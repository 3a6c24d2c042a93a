"""The demo's casework starting point: the LA's categorisation (Peterborough-style policy,
computed from the real data), agreed and published as the autumn round, so that its
category 3b and 4 schools have concern cases, as the policy's rule says; and the LA's
default letter and note-of-visit templates. Idempotent: a published round is left alone."""

from datetime import date

from django.contrib.auth import get_user_model

from uplift.audit.models import Via
from uplift.casework.letters.services import ensure_default_letter_templates
from uplift.categorisation.models import Decision, Policy, Round, RoundStatus, VersionStatus
from uplift.categorisation.rounds.services import decide_school, publish_round, record_board_meeting
from uplift.categorisation.services import (
    activate_version,
    create_policy_from_preset,
    propose_round,
)
from uplift.demo.partnerships import agree_by_consortium, seed_partnerships
from uplift.demo.personas_seed import PARTNERSHIP_NAME
from uplift.support.visits.services import ensure_default_note_template

DEMO_ROUND = "2026-autumn"
DEMO_POLICY = "Peterborough-style categorisation"
DEMO_PRESET = "peterborough_2013"
WHY = "Demo: the LA's autumn categorisation, computed from the public data"


def seed_casework(*, la, officer_username: str = "la.officer") -> str:
    """Publish the demo round if it is not yet published; say what was done."""
    officer = get_user_model().objects.get(username=officer_username)
    change = {"actor": officer, "via": Via.CLI}
    ensure_default_letter_templates(la=la)
    ensure_default_note_template(la=la)
    seed_partnerships(la=la, officer=officer, group_name=PARTNERSHIP_NAME)
    round_ = Round.objects.filter(la=la, code=DEMO_ROUND).first()
    if round_ is not None and round_.status == RoundStatus.PUBLISHED:
        return f"round {DEMO_ROUND} already published"
    version = _active_version(la, change)
    propose_round(la=la, code=DEMO_ROUND, policy_version=version, reason=WHY, **change)
    round_ = Round.objects.get(la=la, code=DEMO_ROUND)
    agreed = agree_by_consortium(round_=round_, officer=officer)
    fallback = version.parsed.anchor.get("not_inspected")
    for row in round_.categorisations.filter(decision=Decision.UNDECIDED):
        if row.proposed_category:
            decide_school(
                categorisation=row, version=row.version, decision=Decision.ACCEPTED, **change
            )
            continue
        decide_school(  # not enough evidence for the policy: the sample officer decides
            categorisation=row,
            version=row.version,
            decision=Decision.OVERRIDDEN,
            category=fallback,
            reason="Sample decision: no inspection, data or judgement yet; placed pending a visit",
            evidence="Sample record: none yet beyond the register",
            **change,
        )
    round_.refresh_from_db()
    record_board_meeting(
        round=round_,
        version=round_.version,
        held_on=date(2026, 10, 14),
        members_present="Demo board: the LA's school improvement lead and two headteachers",
        minutes="The board reviewed the proposed categories and agreed them.",
        outcome="agreed",
        **change,
    )
    round_.refresh_from_db()
    publish_round(round=round_, version=round_.version, reason=WHY, **change)
    return f"round {DEMO_ROUND} proposed, agreed ({agreed}) and published"


def _active_version(la, change):
    policy = Policy.objects.filter(la=la, name=DEMO_POLICY).first()
    if policy is not None:
        active = policy.versions.filter(status=VersionStatus.ACTIVE).first()
        if active is not None:
            return active
        draft = policy.versions.order_by("-number").first()
    else:
        draft = create_policy_from_preset(
            la=la, preset=DEMO_PRESET, name=DEMO_POLICY, reason=WHY, **change
        )
    return activate_version(version=draft, reason=WHY, **change)
