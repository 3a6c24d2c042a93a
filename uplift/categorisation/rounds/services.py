"""Changes in a round after its proposals: an officer's decision on each school, the board's
moderation, publication, and re-categorising a school between rounds. Each runs in one
transaction with its audit event. Saves carry the version the user saw, and a save from a
stale page is refused (two officers editing at once never lose an update)."""

from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from uplift.audit.services import record_event, record_events
from uplift.categorisation.models import (
    BoardMeeting,
    BoardOutcome,
    CategoryChange,
    Decision,
    Publication,
    Round,
    RoundStatus,
    SchoolCategorisation,
)
from uplift.categorisation.rounds.selectors import (
    RoundFilters,
    category_version,
    current_category,
    filtered_rows,
    previous_round,
)
from uplift.categorisation.services import _check_la, _required, _user
from uplift.categorisation.signals import round_published, school_recategorised
from uplift.core.errors import Conflict, Refused, StaleVersion
from uplift.schools.models import Establishment

OPEN_FOR_REVIEW = (RoundStatus.PROPOSED, RoundStatus.REVIEWED)


def _category_codes(round_: Round) -> list[str]:
    return [category.code for category in round_.policy_version.parsed.categories]


def _locked_round(round_: Round, version: int | None = None) -> Round:
    current = (
        Round.objects.select_for_update().select_related("la", "policy_version").get(pk=round_.pk)
    )
    if version is not None and current.version != version:
        raise StaleVersion(
            f"Round {current.code} changed while you were looking at it (it is now "
            f"{current.get_status_display().lower()}). Check its current state and try again."
        )
    return current


def _set_status(round_: Round, status: str, now) -> None:
    round_.status, round_.updated_at = status, now
    round_.version = F("version") + 1
    round_.save(update_fields=["status", "updated_at", "version"])
    round_.refresh_from_db(fields=["version"])


def _review_status(round_: Round, now) -> None:
    """Reviewed once every school is decided, back to proposed while any is not."""
    undecided = round_.categorisations.filter(decision=Decision.UNDECIDED).exists()
    status = RoundStatus.PROPOSED if undecided else RoundStatus.REVIEWED
    if round_.status != status:
        _set_status(round_, status, now)


def decide_school(
    *,
    actor,
    via: str,
    categorisation: SchoolCategorisation,
    version: int,
    decision: str,
    category: str = "",
    reason: str = "",
    evidence: str = "",
) -> SchoolCategorisation:
    """Accept the school's proposed category, or override it with another category, a reason
    and evidence. `version` is the version of the school's row the officer saw."""
    round_ = categorisation.round
    _check_la(actor, via, round_.la)
    if decision == Decision.ACCEPTED:
        category = categorisation.proposed_category
        if not category:
            raise Refused(
                "The policy had not enough evidence to propose a category for this school: "
                "override it with the category you decide, with your reason and evidence"
            )
        reason, evidence = (reason or "").strip(), ""
    elif decision == Decision.OVERRIDDEN:
        reason = _required(reason, "the reason for overriding the proposed category")
        evidence = _required(evidence, "the evidence for the override")
    else:
        raise Refused("Choose whether to accept the proposal or override it")
    now = timezone.now()
    with transaction.atomic():
        round_ = _locked_round(round_)
        if round_.status not in OPEN_FOR_REVIEW:
            raise Conflict(
                f"Round {round_.code} is {round_.get_status_display().lower()}: its decisions "
                "can no longer change (change a school between rounds instead)"
            )
        if decision == Decision.OVERRIDDEN:
            if category not in _category_codes(round_):
                raise Refused("Choose a category of the round's policy")
            if category == categorisation.proposed_category:
                raise Refused(
                    "An override needs a category other than the proposed one "
                    "(accept the proposal instead)"
                )
        before = SchoolCategorisation.objects.get(pk=categorisation.pk)
        saved = SchoolCategorisation.objects.filter(pk=categorisation.pk, version=version).update(
            decision=decision,
            final_category=category,
            override_reason=reason if decision == Decision.OVERRIDDEN else "",
            override_evidence=evidence,
            decided_by=_user(actor),
            decided_at=now,
            version=F("version") + 1,
        )
        if not saved:
            raise StaleVersion(
                "Another officer changed this school's decision while you were looking at it. "
                "Its current state is shown below: check it and make your change again."
            )
        _review_status(round_, now)
        after = SchoolCategorisation.objects.select_related("round", "establishment").get(
            pk=categorisation.pk
        )
        record_event(
            actor=actor,
            via=via,
            action="categorisation.school_decided",
            obj=after,
            establishment=after.establishment,
            changes={
                "decision": [before.decision or None, decision],
                "category": [before.category, category],
            },
            reason=reason or "Proposed category accepted",
        )
    return after


def accept_proposals(
    *,
    actor,
    via: str,
    round: Round,
    reason: str,
    categorisation_ids=None,
    filters: RoundFilters | None = None,
) -> int:
    """Accept the policy's proposed category for many of the round's schools in one step,
    with one reason: the ticked rows (`categorisation_ids`), else every row the filters
    select. Schools already decided keep their decision, and a school for which the policy
    had not enough evidence to propose a category is left for an officer to decide. One
    transaction, one audit event per school; returns how many schools were accepted."""
    _check_la(actor, via, round.la)
    reason = _required(reason, "the reason for accepting these proposals")
    now = timezone.now()
    with transaction.atomic():
        round_ = _locked_round(round)
        if round_.status not in OPEN_FOR_REVIEW:
            raise Conflict(
                f"Round {round_.code} is {round_.get_status_display().lower()}: its decisions "
                "can no longer change"
            )
        if categorisation_ids is not None:
            rows = round_.categorisations.filter(pk__in=list(categorisation_ids))
        else:
            rows = filtered_rows(
                round=round_,
                filters=filters or RoundFilters(),
                previous=previous_round(round=round_),
            )
        ids = list(
            rows.filter(decision=Decision.UNDECIDED)
            .exclude(proposed_category="")
            .values_list("pk", flat=True)
        )
        if not ids:
            raise Refused(
                "None of the chosen schools has a proposed category waiting for a decision"
            )
        SchoolCategorisation.objects.filter(pk__in=ids, decision=Decision.UNDECIDED).update(
            decision=Decision.ACCEPTED,
            final_category=F("proposed_category"),
            override_reason="",
            override_evidence="",
            decided_by=_user(actor),
            decided_at=now,
            version=F("version") + 1,
        )
        accepted = list(
            SchoolCategorisation.objects.filter(pk__in=ids).select_related("round", "establishment")
        )
        record_events(
            actor=actor,
            via=via,
            action="categorisation.school_decided",
            items=[
                (
                    row,
                    row.establishment,
                    {"decision": [None, Decision.ACCEPTED.value], "category": [None, row.category]},
                )
                for row in accepted
            ],
            reason=reason,
        )
        _review_status(round_, now)
    return len(accepted)


def record_board_meeting(
    *,
    actor,
    via: str,
    round: Round,
    version: int,
    held_on: date,
    members_present: str,
    minutes: str,
    outcome: str,
    comment: str = "",
    referred=(),
) -> BoardMeeting:
    """The board's meeting on a round and its decision: agree the round, or refer named
    schools (SchoolCategorisation rows of the round) back to review with a comment."""
    _check_la(actor, via, round.la)
    members_present = _required(members_present, "the members present")
    minutes = _required(minutes, "the minutes of the meeting")
    referred = list(referred)
    if outcome == BoardOutcome.REFERRED_BACK:
        comment = _required(comment, "the board's comment on the schools referred back")
        if not referred:
            raise Refused("Choose the schools the board refers back")
    elif outcome == BoardOutcome.AGREED:
        if referred:
            raise Refused("Schools are referred back only when the board refers back")
    else:
        raise Refused("Choose the board's decision: agree or refer back")
    if held_on is None:
        raise Refused("Enter the date of the meeting")
    now = timezone.now()
    with transaction.atomic():
        round_ = _locked_round(round, version)
        if round_.status in (RoundStatus.MODERATED, RoundStatus.PUBLISHED):
            raise Conflict(
                f"Round {round_.code} is already {round_.get_status_display().lower()}: "
                "the board moderates a round once"
            )
        undecided = round_.categorisations.filter(decision=Decision.UNDECIDED).count()
        if undecided or round_.status != RoundStatus.REVIEWED:
            raise Refused(
                "The board moderates a round only once every school is decided: "
                f"{undecided} school{'s are' if undecided != 1 else ' is'} not yet decided"
            )
        if any(row.round_id != round_.pk for row in referred):
            raise Refused("Only schools of this round can be referred back")
        meeting = BoardMeeting.objects.create(
            round=round_,
            held_on=held_on,
            members_present=members_present,
            minutes=minutes,
            outcome=outcome,
            comment=(comment or "").strip(),
            recorded_by=_user(actor),
            recorded_at=now,
        )
        if outcome == BoardOutcome.AGREED:
            _set_status(round_, RoundStatus.MODERATED, now)
        else:
            meeting.referred.set(referred)
            SchoolCategorisation.objects.filter(pk__in=[row.pk for row in referred]).update(
                decision=Decision.UNDECIDED,
                final_category="",
                override_reason="",
                override_evidence="",
                decided_by=None,
                decided_at=None,
                version=F("version") + 1,
            )
            _set_status(round_, RoundStatus.PROPOSED, now)
        record_event(
            actor=actor,
            via=via,
            action="categorisation.round_moderated",
            obj=round_,
            la=round_.la,
            changes={
                "outcome": [None, outcome],
                "held_on": [None, held_on.isoformat()],
                "referred": [None, sorted(row.establishment.urn for row in referred)],
            },
            reason=comment or minutes,
        )
    return meeting


def publish_round(*, actor, via: str, round: Round, version: int, reason: str) -> Publication:
    """Publish a round the board has agreed: its categories become each school's current one."""
    _check_la(actor, via, round.la)
    reason = _required(reason, "the reason for the change")
    now = timezone.now()
    with transaction.atomic():
        round_ = _locked_round(round, version)
        if round_.status == RoundStatus.PUBLISHED:
            raise Conflict(f"Round {round_.code} is already published")
        if round_.status != RoundStatus.MODERATED:
            raise Refused(
                f"Round {round_.code} is {round_.get_status_display().lower()}: a round is "
                "published only after the board has agreed it"
            )
        publication = Publication.objects.create(
            round=round_, published_by=_user(actor), published_at=now
        )
        _set_status(round_, RoundStatus.PUBLISHED, now)
        # Casework opens a case for each school in a category marked as causing concern.
        round_published.send(sender=Round, round=round_, actor=actor, via=via)
        record_event(
            actor=actor,
            via=via,
            action="categorisation.round_published",
            obj=round_,
            la=round_.la,
            changes={"status": [RoundStatus.MODERATED.value, RoundStatus.PUBLISHED.value]},
            reason=reason,
        )
    return publication


def latest_published_round(la) -> Round | None:
    return (
        Round.objects.filter(la=la, status=RoundStatus.PUBLISHED)
        .select_related("policy_version", "la")
        .order_by("-publication__published_at")
        .first()
    )


def recategorise(
    *,
    actor,
    via: str,
    establishment,
    category: str,
    reason: str,
    evidence: str,
    version: int | None = None,
) -> CategoryChange:
    """Change a school's category between rounds on new evidence, under the policy of the
    LA's latest published round. The LA's judgement stands with its evidence. `version` is
    the school's category version the officer saw (selectors.category_version): a change made
    since refuses this one."""
    la = establishment.la
    if la is None:
        raise Refused("The school has no local authority")
    _check_la(actor, via, la)
    reason = _required(reason, "the reason for the change")
    evidence = _required(evidence, "the new evidence")
    with transaction.atomic():
        # the school's row is the lock: two officers at once queue here, the second sees
        # the first's change and is refused by the version
        Establishment.objects.select_for_update().filter(pk=establishment.pk).first()
        if version is not None and category_version(establishment=establishment) != version:
            raise StaleVersion(
                f"Someone changed the category of {establishment.name} since you opened the "
                "page. Nothing was saved: check its category now, then make your change again."
            )
        round_ = latest_published_round(la)
        if round_ is None:
            raise Refused(
                f"{la.name} has no published round yet: a school is re-categorised between "
                "published rounds"
            )
        if category not in _category_codes(round_):
            raise Refused("Choose a category of the policy of the latest round")
        current = current_category(establishment=establishment)
        previous = current.category if current else ""
        if category == previous:
            raise Conflict("The school is already in that category")
        change = CategoryChange.objects.create(
            establishment=establishment,
            policy_version=round_.policy_version,
            previous_category=previous,
            category=category,
            reason=reason,
            evidence=evidence,
            changed_by=_user(actor),
            changed_at=timezone.now(),
        )
        record_event(
            actor=actor,
            via=via,
            action="categorisation.school_recategorised",
            obj=change,
            establishment=establishment,
            changes={"category": [previous or None, category]},
            reason=reason,
        )
        school_recategorised.send(sender=Round, change=change, actor=actor, via=via)
    return change
