"""The demo's casework starting point: the LA's categorisation (Peterborough-style policy,
computed from the real data), agreed and published as two rounds, each reading the evidence
as it stood on its own date: summer 2024, before that year's results, then autumn 2026 (the
public data has nothing newer between them), so that the LA record shows how schools moved
between them, and the category 3b and 4 schools have concern cases, as the policy's rule
says; and the LA's default letter and note-of-visit templates. Idempotent: once the autumn
round is published nothing is proposed again."""

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

EARLIER_ROUND = "2024-summer"  # as at 1 April 2024: the 2023-24 results not yet out
DEMO_ROUND = "2026-autumn"
DEMO_POLICY = "Peterborough-style categorisation"
DEMO_PRESET = "peterborough_2013"
BOARD_DAYS = {EARLIER_ROUND: date(2024, 4, 24), DEMO_ROUND: date(2026, 10, 14)}
WHY = {
    EARLIER_ROUND: "Demo: the LA's summer categorisation, computed from the public data",
    DEMO_ROUND: "Demo: the LA's autumn categorisation, computed from the public data",
}


def seed_casework(*, la, officer_username: str = "la.officer") -> str:
    """Publish the demo rounds if the autumn one is not yet published; say what was done."""
    officer = get_user_model().objects.get(username=officer_username)
    change = {"actor": officer, "via": Via.CLI}
    ensure_default_letter_templates(la=la)
    ensure_default_note_template(la=la)
    seed_partnerships(la=la, officer=officer, group_name=PARTNERSHIP_NAME)
    if _is_published(la, DEMO_ROUND):
        return f"round {DEMO_ROUND} already published"
    version = _active_version(la, change)
    said = []
    if not _is_published(la, EARLIER_ROUND):  # published first: the autumn round is the latest
        _publish(la=la, code=EARLIER_ROUND, version=version, change=change)
        said.append(f"round {EARLIER_ROUND} proposed, agreed and published")
    round_ = _propose(la=la, code=DEMO_ROUND, version=version, change=change)
    agreed = agree_by_consortium(round_=round_, officer=officer)  # the autumn round only
    _decide_agree_publish(round_=round_, version=version, change=change)
    said.append(f"round {DEMO_ROUND} proposed, agreed ({agreed}) and published")
    return "; ".join(said)


def _is_published(la, code: str) -> bool:
    return Round.objects.filter(la=la, code=code, status=RoundStatus.PUBLISHED).exists()


def _propose(*, la, code: str, version, change) -> Round:
    propose_round(la=la, code=code, policy_version=version, reason=WHY[code], **change)
    return Round.objects.get(la=la, code=code)


def _publish(*, la, code: str, version, change) -> None:
    round_ = _propose(la=la, code=code, version=version, change=change)
    _decide_agree_publish(round_=round_, version=version, change=change)


def _decide_agree_publish(*, round_, version, change) -> None:
    """Accept every proposal, place the schools the policy cannot (a sample decision), record
    the board's agreement and publish: publishing opens the concern cases."""
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
        held_on=BOARD_DAYS[round_.code],
        members_present="Demo board: the LA's school improvement lead and two headteachers",
        minutes="The board reviewed the proposed categories and agreed them.",
        outcome="agreed",
        **change,
    )
    round_.refresh_from_db()
    publish_round(round=round_, version=round_.version, reason=WHY[round_.code], **change)


def _active_version(la, change):
    policy = Policy.objects.filter(la=la, name=DEMO_POLICY).first()
    why = WHY[DEMO_ROUND]
    if policy is not None:
        active = policy.versions.filter(status=VersionStatus.ACTIVE).first()
        if active is not None:
            return active
        draft = policy.versions.order_by("-number").first()
    else:
        draft = create_policy_from_preset(
            la=la, preset=DEMO_PRESET, name=DEMO_POLICY, reason=why, **change
        )
    return activate_version(version=draft, reason=why, **change)
