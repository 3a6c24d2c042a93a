"""Recording officers' judgements: one at a time (the judgement page, the API) or many from
a file (the judgements importer). A judgement is checked against the criterion's scale in
the LA's policies, audited, and never changed afterwards: a new one is recorded instead."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from uplift.audit.models import Via
from uplift.audit.services import record_event
from uplift.categorisation.definition import Criterion
from uplift.categorisation.judgements.selectors import judged_criteria, version_of
from uplift.categorisation.models import OfficerJudgement
from uplift.core.errors import NotAllowed, Refused, StaleVersion
from uplift.schools import access as schools_access

VALUE_MAX_LENGTH = OfficerJudgement._meta.get_field("value").max_length
TRUSTED_CHANNELS = {Via.CLI, Via.SYSTEM}  # run by whoever operates the server
EARLIEST = date(2000, 1, 1)


@dataclass(frozen=True)
class Checked:
    criterion: Criterion
    value: str
    evidence: str
    judged_on: date


def check_judgement(
    *, criteria: dict[str, Criterion], criterion: str, value: str, evidence: str, judged_on
) -> Checked:
    """The judgement as it will be saved, or a refusal saying what is wrong with it."""
    code = (criterion or "").strip()
    found = criteria.get(code) or next(
        (c for c in criteria.values() if c.label.casefold() == code.casefold()), None
    )
    if found is None:
        known = ", ".join(c.label for c in criteria.values()) or "none"
        raise Refused(
            f"The LA's policies do not ask for a judgement of {code or 'that'}; "
            f"they ask for: {known}",
            code="unknown_criterion",
        )
    value = (value or "").strip()
    level = next((lv for lv in found.levels if lv.casefold() == value.casefold()), None)
    if level is None:
        raise Refused(
            f"Choose one of {', '.join(found.levels)} for {found.label.lower()}"
            if value
            else f"Choose the judgement of {found.label.lower()}",
            code="not_on_scale",
        )
    evidence = (evidence or "").strip()
    if not evidence:
        raise Refused("Enter the evidence for the judgement", code="no_evidence")
    today = timezone.localdate()
    judged_on = judged_on or today
    if judged_on > today:
        raise Refused("The date of the judgement must be today or in the past", code="bad_date")
    if judged_on < EARLIEST:
        raise Refused(
            f"The date of the judgement must be after {EARLIEST:%-d %B %Y}", code="bad_date"
        )
    return Checked(found, level, evidence, judged_on)


def record_officer_judgement(
    *,
    actor,
    via: str,
    establishment,
    criterion: str,
    value: str,
    evidence: str,
    judged_on: date | None = None,
    version: int | None = None,
) -> OfficerJudgement:
    """An officer's judgement of a criterion for a school, with its evidence and the date it
    was made (today unless given). LA officers for their LA's schools and advisers for their
    assigned schools. `version` is the number of judgements of the criterion the officer
    was shown: if another was recorded since, nothing is saved."""
    allowed = schools_access.editable_establishments(actor).filter(pk=establishment.pk).exists()
    if not allowed and not (actor is None and via in TRUSTED_CHANNELS):
        raise NotAllowed("You cannot record judgements for this school")
    checked = check_judgement(
        criteria=judged_criteria(la=establishment.la),
        criterion=criterion,
        value=value,
        evidence=evidence,
        judged_on=judged_on,
    )
    code = checked.criterion.code
    with transaction.atomic():
        # Lock the school's row so that two judgements of it are recorded one after the other.
        type(establishment).objects.select_for_update().filter(pk=establishment.pk).first()
        if version is not None and version != version_of(
            establishment=establishment, criterion=code
        ):
            raise StaleVersion(
                f"Someone recorded a judgement of {checked.criterion.label.lower()} for this "
                "school while you were looking at it. It is shown below: check it and record "
                "yours again if it still stands."
            )
        before = (
            OfficerJudgement.objects.filter(establishment=establishment, criterion=code)
            .order_by("-judged_on", "-recorded_at", "-id")
            .values_list("value", flat=True)
            .first()
        )
        judgement = OfficerJudgement.objects.create(
            establishment=establishment,
            criterion=code,
            value=checked.value,
            evidence=checked.evidence,
            judged_on=checked.judged_on,
            recorded_by=actor if actor is not None and actor.is_authenticated else None,
            recorded_at=timezone.now(),
        )
        record_event(
            actor=actor,
            via=via,
            action="categorisation.judgement_recorded",
            obj=judgement,
            establishment=establishment,
            changes={code: [before, checked.value], "judged_on": [None, str(checked.judged_on)]},
            reason=checked.evidence,
        )
    return judgement
