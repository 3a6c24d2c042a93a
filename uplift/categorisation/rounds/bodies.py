"""A body's decision on schools' categories in a round: a consortium or partnership board
given that role agrees the proposed categories of its schools (which accepts them) or refers
them back to the officers. The round keeps the body's decision, with its date and where it
was taken, not an officer's note."""

from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from uplift.audit.services import record_event
from uplift.categorisation.models import BodyDecision, BodyOutcome, Decision, Round
from uplift.categorisation.rounds.services import OPEN_FOR_REVIEW, _locked_round, _review_status
from uplift.categorisation.services import _check_la, _required, _user
from uplift.core.errors import Conflict, Refused


def record_body_decisions(
    *,
    actor,
    via: str,
    round: Round,
    body: str,
    held_on: date,
    source: str,
    agreed=(),
    referred=(),
) -> list[BodyDecision]:
    """Record `body`'s decision of `held_on` on schools of the round (SchoolCategorisation
    rows): the agreed ones are accepted at their proposed category, the referred ones return
    to review, undecided."""
    _check_la(actor, via, round.la)
    body = _required(body, "the body that decided")
    agreed, referred = list(agreed), list(referred)
    if not agreed and not referred:
        raise Refused("Choose the schools the body agreed or referred back")
    if {row.pk for row in agreed} & {row.pk for row in referred}:
        raise Refused("A school is either agreed or referred back, not both")
    now = timezone.now()
    with transaction.atomic():
        round_ = _locked_round(round)
        if round_.status not in OPEN_FOR_REVIEW:
            raise Conflict(
                f"Round {round_.code} is {round_.get_status_display().lower()}: its categories "
                "can no longer change"
            )
        if any(row.round_id != round_.pk for row in agreed + referred):
            raise Refused("Only schools of this round can be agreed or referred back")
        user = _user(actor)
        round_.categorisations.filter(pk__in=[row.pk for row in agreed]).update(
            decision=Decision.ACCEPTED,
            final_category=F("proposed_category"),
            override_reason="",
            override_evidence="",
            decided_by=user,
            decided_at=now,
            version=F("version") + 1,
        )
        round_.categorisations.filter(pk__in=[row.pk for row in referred]).update(
            decision=Decision.UNDECIDED,
            final_category="",
            override_reason="",
            override_evidence="",
            decided_by=None,
            decided_at=None,
            version=F("version") + 1,
        )
        decisions = BodyDecision.objects.bulk_create(
            BodyDecision(
                categorisation=row,
                body=body,
                held_on=held_on,
                outcome=outcome,
                source=source,
                recorded_by=user,
                recorded_at=now,
            )
            for outcome, rows in ((BodyOutcome.AGREED, agreed), (BodyOutcome.REFERRED, referred))
            for row in rows
        )
        _review_status(round_, now)
        record_event(
            actor=actor,
            via=via,
            action="categorisation.body_decided",
            obj=round_,
            la=round_.la,
            changes={
                "body": [None, body],
                "held_on": [None, held_on.isoformat()],
                "agreed": [None, sorted(row.establishment.urn for row in agreed)],
                "referred": [None, sorted(row.establishment.urn for row in referred)],
            },
            reason=source,
        )
    return decisions
