"""Changes to categorisation: policies and their versions, officers' judgements and a round's
proposals. Each service checks the actor's scope (the app's access module; the command line
acts as the system), then writes the change and its audit event in one transaction."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone

from uplift.audit.models import Via
from uplift.audit.services import record_event
from uplift.categorisation import access
from uplift.categorisation.definition import parse_definition
from uplift.categorisation.judgements.services import record_officer_judgement  # noqa: F401
from uplift.categorisation.models import (
    Decision,
    Policy,
    PolicyVersion,
    Round,
    RoundStatus,
    SchoolCategorisation,
    VersionStatus,
)
from uplift.categorisation.presets import preset as find_preset
from uplift.categorisation.rounds.codes import parse_round_code
from uplift.categorisation.selectors import categorise_la
from uplift.core.errors import Conflict, NotAllowed, Refused

NAME_MAX_LENGTH = Policy._meta.get_field("name").max_length
TRUSTED_CHANNELS = {Via.CLI, Via.SYSTEM}  # run by whoever operates the server


def _check_la(actor, via: str, la) -> None:
    if actor is None and via in TRUSTED_CHANNELS:
        return
    if not access.categorisation_las(actor).filter(pk=la.pk).exists():
        raise NotAllowed("You cannot change the categorisation of this local authority")


def _required(text: str, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise Refused(f"Enter {what}")
    return text


def _policy_name(la, name: str, *, exclude=None) -> str:
    name = _required(name, "the policy's name")
    if len(name) > NAME_MAX_LENGTH:
        raise Refused(f"The name must be {NAME_MAX_LENGTH} characters or fewer")
    clash = Policy.objects.filter(la=la, name__iexact=name)
    if exclude is not None:
        clash = clash.exclude(pk=exclude.pk)
    if clash.exists():
        raise Conflict(f"{la.name} already has a policy called {name}")
    return name


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _new_policy(*, actor, la, name, preset="", copied_from=None, definition, note) -> PolicyVersion:
    now = timezone.now()
    try:
        with transaction.atomic():
            policy = Policy.objects.create(
                la=la,
                name=name,
                preset=preset,
                copied_from=copied_from,
                created_by=_user(actor),
                created_at=now,
            )
    except IntegrityError:
        raise Conflict(f"{la.name} already has a policy called {name}") from None
    return PolicyVersion.objects.create(
        policy=policy,
        number=1,
        status=VersionStatus.DRAFT,
        definition=definition,
        change_note=note,
        created_by=_user(actor),
        created_at=now,
    )


def create_policy_from_preset(
    *, actor, via: str, la, preset: str, name: str, reason: str
) -> PolicyVersion:
    """A new policy of the LA whose first version (a draft) is the preset's definition."""
    _check_la(actor, via, la)
    reason = _required(reason, "the reason for the change")
    try:
        chosen = find_preset(preset)
    except KeyError as error:
        raise Refused(str(error.args[0])) from None
    name = _policy_name(la, name or chosen.name)
    parse_definition(chosen.definition)  # a shipped preset is valid; this keeps it so
    with transaction.atomic():
        version = _new_policy(
            actor=actor,
            la=la,
            name=name,
            preset=chosen.code,
            definition=chosen.definition,
            note=f"Created from the preset {chosen.name}",
        )
        record_event(
            actor=actor,
            via=via,
            action="categorisation.policy_created",
            obj=version.policy,
            la=la,
            changes={"name": [None, name], "preset": [None, chosen.code]},
            reason=reason,
        )
    return version


def copy_policy(*, actor, via: str, version: PolicyVersion, name: str, reason: str, la=None):
    """A new policy (of `la`, by default the same LA) starting from a copy of `version`."""
    source = version.policy
    la = la or source.la
    _check_la(actor, via, source.la)
    _check_la(actor, via, la)
    reason = _required(reason, "the reason for the change")
    name = _policy_name(la, name)
    with transaction.atomic():
        copy = _new_policy(
            actor=actor,
            la=la,
            name=name,
            preset=source.preset,
            copied_from=version,
            definition=version.definition,
            note=f"Copied from {source.name} version {version.number}",
        )
        record_event(
            actor=actor,
            via=via,
            action="categorisation.policy_copied",
            obj=copy.policy,
            la=la,
            changes={"name": [None, name], "copied_from": [None, str(version)]},
            reason=reason,
        )
    return copy


def save_draft(
    *, actor, via: str, based_on: PolicyVersion, definition: dict, change_note: str
) -> PolicyVersion:
    """Save an edited definition as the policy's next version, a draft. Refused when another
    version was saved since `based_on` (two people editing at once never lose an update) or
    when nothing changed. Raises DefinitionInvalid when the definition is not valid."""
    policy = based_on.policy
    _check_la(actor, via, policy.la)
    change_note = _required(change_note, "what changed and why")
    parse_definition(definition)
    with transaction.atomic():
        Policy.objects.select_for_update().get(pk=policy.pk)
        latest = policy.versions.aggregate(latest=Max("number"))["latest"]
        if latest != based_on.number:
            raise Refused(
                f"Version {latest} of {policy.name} was saved while you were editing version "
                f"{based_on.number}. Open version {latest} and make your change again."
            )
        if definition == based_on.definition:
            raise Refused(f"Nothing has changed since version {based_on.number}")
        version = PolicyVersion.objects.create(
            policy=policy,
            number=latest + 1,
            status=VersionStatus.DRAFT,
            definition=definition,
            change_note=change_note,
            based_on=based_on,
            created_by=_user(actor),
            created_at=timezone.now(),
        )
        record_event(
            actor=actor,
            via=via,
            action="categorisation.draft_saved",
            obj=policy,
            la=policy.la,
            changes={"version": [based_on.number, version.number]},
            reason=change_note,
        )
    return version


def activate_version(*, actor, via: str, version: PolicyVersion, reason: str) -> PolicyVersion:
    """Make a draft the policy's active version; the version active until now is retired."""
    policy = version.policy
    _check_la(actor, via, policy.la)
    reason = _required(reason, "the reason for the change")
    now = timezone.now()
    with transaction.atomic():
        Policy.objects.select_for_update().get(pk=policy.pk)
        current = PolicyVersion.objects.get(pk=version.pk)
        if current.status != VersionStatus.DRAFT:
            raise Refused(
                f"Version {current.number} is {current.get_status_display().lower()}; "
                "only a draft can be made active"
            )
        parse_definition(current.definition)
        retired = policy.versions.filter(status=VersionStatus.ACTIVE).first()
        if retired is not None:
            retired.status, retired.retired_at = VersionStatus.RETIRED, now
            retired.save(update_fields=["status", "retired_at"])
        current.status, current.activated_at = VersionStatus.ACTIVE, now
        current.save(update_fields=["status", "activated_at"])
        record_event(
            actor=actor,
            via=via,
            action="categorisation.version_activated",
            obj=policy,
            la=policy.la,
            changes={"active_version": [retired.number if retired else None, current.number]},
            reason=reason,
        )
    return current


@dataclass
class RoundRefresh:
    round: Round
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_decided: int = 0
    removed: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # category -> schools, policy order


def propose_round(
    *,
    actor,
    via: str,
    la,
    code: str,
    policy_version: PolicyVersion,
    reason: str,
    as_at: date | None = None,
) -> RoundRefresh:
    """Create the LA's round `code` (e.g. '2026-autumn') or refresh its proposals: every school
    open on the round's date gets the policy's proposed category and rationale. Decided
    schools are never touched, and a school decided while this runs is left as decided."""
    _check_la(actor, via, la)
    reason = _required(reason, "the reason for the change")
    parsed = parse_round_code(code)
    if policy_version.policy.la_id != la.pk:
        raise Refused(f"{policy_version.policy} is not a policy of {la.name}")
    if policy_version.status != VersionStatus.ACTIVE:
        raise Refused(
            f"{policy_version} is not active: make it active first (a draft can be tried with "
            "a what-if)"
        )
    now = timezone.now()
    with transaction.atomic():
        round_, created = Round.objects.select_for_update().get_or_create(
            la=la,
            code=parsed.code,
            defaults={
                "term": parsed.term,
                "as_at": as_at or parsed.as_at,
                "policy_version": policy_version,
                "created_by": _user(actor),
                "created_at": now,
                "updated_at": now,
            },
        )
        if round_.status in (RoundStatus.MODERATED, RoundStatus.PUBLISHED):
            raise Conflict(
                f"Round {round_.code} is {round_.get_status_display().lower()}: its proposals "
                "can no longer change"
            )
        before = {"policy_version": str(round_.policy_version), "as_at": str(round_.as_at)}
        round_.policy_version = policy_version
        round_.as_at = as_at or round_.as_at
        round_.updated_at = now
        round_.version = F("version") + 1
        round_.save()
        round_.refresh_from_db()
        refresh = _refresh_proposals(round_, policy_version, now)
        after = {"policy_version": str(policy_version), "as_at": str(round_.as_at)}
        record_event(
            actor=actor,
            via=via,
            action="categorisation.round_proposed",
            obj=round_,
            la=la,
            changes={
                **{
                    k: [None if created else before[k], after[k]]
                    for k in after
                    if created or before[k] != after[k]
                },
                "proposals": [
                    None,
                    f"{refresh.created} added, {refresh.updated} updated, "
                    f"{refresh.unchanged} unchanged, {refresh.kept_decided} decided kept, "
                    f"{refresh.removed} removed",
                ],
            },
            reason=reason,
        )
    return refresh


def _refresh_proposals(round_: Round, policy_version, now) -> RoundRefresh:
    refresh = RoundRefresh(round=round_)
    outcomes = categorise_la(la=round_.la, policy_version=policy_version, as_at=round_.as_at)
    existing = {row.establishment_id: row for row in round_.categorisations.all()}
    new_rows = []
    for school, outcome in outcomes:
        rationale = outcome.as_json()
        row = existing.pop(school.pk, None)
        if row is None:
            new_rows.append(
                SchoolCategorisation(
                    round=round_,
                    establishment=school,
                    proposed_category=outcome.category,
                    rationale=rationale,
                    proposed_at=now,
                )
            )
        elif row.decision != Decision.UNDECIDED:
            refresh.kept_decided += 1
        elif row.proposed_category == outcome.category and row.rationale == rationale:
            refresh.unchanged += 1
        else:
            changed = SchoolCategorisation.objects.filter(
                pk=row.pk, version=row.version, decision=Decision.UNDECIDED
            ).update(
                proposed_category=outcome.category,
                rationale=rationale,
                proposed_at=now,
                version=F("version") + 1,
            )
            if changed:
                refresh.updated += 1
            else:
                refresh.kept_decided += 1
    SchoolCategorisation.objects.bulk_create(new_rows)
    refresh.created = len(new_rows)
    gone = [row.pk for row in existing.values() if row.decision == Decision.UNDECIDED]
    refresh.removed, _ = SchoolCategorisation.objects.filter(
        pk__in=gone, decision=Decision.UNDECIDED
    ).delete()
    refresh.kept_decided += sum(1 for row in existing.values() if row.pk not in gone)
    standing = Counter(
        row.final_category or row.proposed_category
        for row in SchoolCategorisation.objects.filter(round=round_).only(
            "final_category", "proposed_category"
        )
    )
    definition = policy_version.parsed
    refresh.counts = {c.code: standing.pop(c.code, 0) for c in definition.categories}
    refresh.counts.update(standing)  # decided categories the policy no longer has
    return refresh
