"""The directory of good practice: practice worth seeing, by area and phase, from schools whose
evidence supports it (the area graded good or better at the latest inspection, or the school
in one of the LA's best categories)."""

from django.db import transaction

from uplift.brokerage import access
from uplift.brokerage.eligibility import eligibility_of
from uplift.brokerage.models import GoodPractice
from uplift.brokerage.rules import PRACTICE, registry
from uplift.brokerage.services.common import audit, now, require, required, user_of
from uplift.brokerage.specialisms import specialism_label, unknown_specialisms
from uplift.core.errors import Refused
from uplift.inspections.selectors import latest_graded_inspections
from uplift.schools.models import PhaseGroup


def evidence_supports(*, establishment, area) -> bool:
    inspection = latest_graded_inspections(establishments=[establishment]).get(establishment.pk)
    if inspection is not None:
        framework = inspection.framework_info
        for judgement in inspection.judgements.all():
            if judgement.area == area and judgement.grade_rank < framework.below_good_rank:
                return True
    verdict = eligibility_of(schools=[establishment])[establishment.pk]
    return verdict.eligible


def add_good_practice(
    *,
    actor,
    via,
    establishment,
    area,
    phase,
    title,
    summary,
    evidence,
    contact_name,
    contact_email,
) -> GoodPractice:
    require(
        actor,
        via,
        access.can_raise_request(actor, establishment),
        "add good practice for this school",
    )
    if unknown_specialisms([area]):
        raise Refused("Choose the area of the practice")
    if phase not in PhaseGroup.values:
        raise Refused("Choose the phase of the practice")
    with transaction.atomic():
        registry.check(
            PRACTICE,
            school=establishment,
            area_label=specialism_label(area).lower(),
            supported=evidence_supports(establishment=establishment, area=area),
        )
        practice = GoodPractice.objects.create(
            establishment=establishment,
            area=area,
            phase=phase,
            title=required(title, "a title", 200),
            summary=required(summary, "what the practice is"),
            evidence=required(evidence, "the evidence that it works"),
            contact_name=required(contact_name, "who to contact", 120),
            contact_email=required(contact_email, "their email address", 254),
            recorded_by=user_of(actor),
            recorded_at=now(),
        )
        audit(actor, via, "brokerage.practice_added", practice, establishment=establishment)
    return practice
