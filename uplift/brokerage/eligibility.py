"""Which schools may give support now, and since when one may not: the eligibility rules
(rules/eligibility.py) asked of facts read for many schools at once (five queries however
many schools)."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

from uplift.brokerage.models import BrokerageSettings
from uplift.brokerage.rules import ELIGIBILITY, registry
from uplift.casework.models import ConcernCase, Stage
from uplift.categorisation.rounds.selectors import current_categories
from uplift.inspections.selectors import latest_graded_inspections
from uplift.schools.models import Establishment


@dataclass
class EligibilityFacts:
    school: Establishment
    category: object  # the current CategoryEntry, or None
    category_rank: int | None  # 0 for the policy's best category
    best_categories: int
    inspection: object  # the latest graded inspection, or None
    case_opened_on: date | None


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    reasons: list[str] = field(default_factory=list)  # why not, in words
    codes: list[str] = field(default_factory=list)
    since: date | None = None  # when the school stopped being eligible, where known

    @property
    def summary(self) -> str:
        if self.eligible:
            return "Can give support"
        return " ".join(self.reasons)


def settings_for(*, la_ids) -> dict[int, BrokerageSettings]:
    """Each LA's settings (the defaults, unsaved, for an LA that has set none)."""
    found = {s.la_id: s for s in BrokerageSettings.objects.filter(la_id__in=set(la_ids))}
    return {la_id: found.get(la_id) or BrokerageSettings(la_id=la_id) for la_id in set(la_ids)}


def _day(value) -> date | None:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def eligibility_of(*, schools) -> dict[int, Eligibility]:
    """Each school's eligibility to give support now, by establishment id."""
    schools = list(schools)
    ids = [s.pk for s in schools]
    categories = current_categories(establishment_ids=ids)
    inspections = latest_graded_inspections(establishments=ids)
    cases = dict(
        ConcernCase.objects.filter(establishment_id__in=ids)
        .exclude(stage=Stage.CLOSED)
        .values_list("establishment_id", "opened_on")
    )
    policies = settings_for(la_ids=[s.la_id for s in schools])
    definitions = {}
    found = {}
    for school in schools:
        entry = categories.get(school.pk)
        rank = None
        if entry is not None and entry.policy_version is not None:
            version = entry.policy_version
            if version.pk not in definitions:
                definitions[version.pk] = version.parsed
            try:
                rank = definitions[version.pk].rank(entry.category)
            except StopIteration:
                rank = None
        setting = policies.get(school.la_id) or BrokerageSettings()
        facts = EligibilityFacts(
            school=school,
            category=entry,
            category_rank=rank,
            best_categories=setting.eligible_categories,
            inspection=inspections.get(school.pk),
            case_opened_on=cases.get(school.pk),
        )
        found[school.pk] = judge(facts)
    return found


def judge(facts: EligibilityFacts) -> Eligibility:
    broken = list(registry.broken(ELIGIBILITY, facts=facts))
    if not broken:
        return Eligibility(eligible=True)
    days = [_day(values.get("since")) for _, values in broken]
    days = [d for d in days if d is not None]
    return Eligibility(
        eligible=False,
        reasons=[rule.message(**values) for rule, values in broken],
        codes=[rule.code for rule, _ in broken],
        since=min(days) if days else None,
    )
