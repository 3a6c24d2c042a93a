"""Categorising one school: assess each criterion, anchor on Ofsted, then apply the policy's
adjustments in order of precedence. Pure: it reads the evidence given, never the database."""

from dataclasses import dataclass

from uplift.categorisation.definition import Definition
from uplift.categorisation.evidence import EvidenceItem, SchoolEvidence
from uplift.categorisation.rules import registry
from uplift.categorisation.rules.base import Assessment, Context, Fired
from uplift.categorisation.scope import CATEGORISE
from uplift.schools.models import PhaseGroup


@dataclass(frozen=True)
class Outcome:
    category: str  # "" when there is not enough evidence to propose one
    rationale: tuple[Fired, ...]  # the anchor first, then each adjustment that fired
    assessments: tuple[Assessment, ...] = ()
    footing: str = CATEGORISE  # or MONITOR: an academy the LA monitors only (scope.py)

    def as_json(self) -> dict:
        return {
            "category": self.category,
            "footing": self.footing,
            "rationale": [fired.as_json() for fired in self.rationale],
            "criteria": [assessment.as_json() for assessment in self.assessments],
        }


def definition_of(policy_version) -> Definition:
    """A PolicyVersion's checked definition (parsed once per instance), or a Definition."""
    return policy_version if isinstance(policy_version, Definition) else policy_version.parsed


NOT_ENOUGH_EVIDENCE = (
    "There is no graded inspection, no published results the policy reads and no officer's "
    "judgement for this school, so the policy cannot propose a category: an officer decides "
    "it, with the evidence they have."
)


def evaluate(*, policy_version, evidence: SchoolEvidence) -> Outcome:
    definition = definition_of(policy_version)
    assessments = assess(definition=definition, evidence=evidence)
    if evidence.inspection is None and not evidence.results and not evidence.judgements:
        why = Fired("not_enough_evidence", "not_enough_evidence", NOT_ENOUGH_EVIDENCE, None, "")
        return Outcome("", (why,), tuple(assessments))
    context = Context(definition, evidence, {a.criterion: a for a in assessments})
    fired = [anchor(context)]
    category = fired[0].after
    for adjustment in definition.adjustments:
        rule = registry.get(adjustment.rule)
        result = rule.apply(context, adjustment.params, name=adjustment.name, category=category)
        if result is not None:
            fired.append(result)
            category = result.after
    return Outcome(category, tuple(fired), tuple(assessments))


def anchor(context: Context) -> Fired:
    """The first anchor rule that applies: a category of concern, then the grade on the
    latest inspection's framework, else the category for schools without one."""
    for rule in registry.anchor_rules():
        params = context.definition.anchor.get(rule.section)
        if params is None:
            continue
        fired = rule.apply(context, params, name="anchor", category=None)
        if fired is not None:
            return fired
    raise AssertionError("anchor_not_inspected always applies")  # validation requires it


def assess(*, definition: Definition, evidence: SchoolEvidence) -> list[Assessment]:
    return [_assess(criterion, definition, evidence) for criterion in definition.criteria]


def _assess(criterion, definition: Definition, evidence: SchoolEvidence) -> Assessment:
    def result(level, reason, items=()):
        applies = criterion.applies_to(evidence.phase_group)
        return Assessment(criterion.code, criterion.label, applies, level, reason, tuple(items))

    if not criterion.applies_to(evidence.phase_group):
        phase = PhaseGroup(evidence.phase_group).label.lower()
        return result(None, f"does not apply to {phase} schools")
    if criterion.source == "judgement":
        return _judgement(criterion, evidence, result)
    if criterion.source == "early_warning":
        return _early_warning(criterion, evidence, result)
    threshold = definition.thresholds[criterion.code]
    seen: list[EvidenceItem] = []
    for level in threshold.levels:
        verdict = level.check(evidence)
        seen += verdict.evidence
        if verdict.result:
            return result(level.level, level.text, verdict.evidence)
    if not seen:
        return result(None, "no evidence")
    if threshold.otherwise:
        return result(threshold.otherwise, "no threshold met", seen)
    return result(None, "no threshold met", seen)


def _judgement(criterion, evidence, result) -> Assessment:
    judgement = evidence.judgements.get(criterion.code)
    if judgement is None:
        return result(None, "no officer judgement recorded")
    item = EvidenceItem(
        f"Officer judgement: {criterion.label}",
        f"{judgement.value}: {judgement.evidence}",
        judgement.source,
    )
    if judgement.value not in criterion.levels:
        return result(None, f"the value recorded ({judgement.value}) is not a level", [item])
    return result(judgement.value, "the officer's judgement", [item])


def _early_warning(criterion, evidence, result) -> Assessment:
    """Flagged (the last level) when the early warning flags the school and no officer has
    dismissed the flag; not flagged (the first level) otherwise."""
    found = evidence.early_warning
    if found is None:
        return result(None, "the early warning has not scored this school")
    if found.flagged and not found.dismissed:
        level, reason = criterion.levels[-1], "flagged by the early warning"
    elif found.flagged:
        level, reason = criterion.levels[0], "an officer dismissed the early-warning flag"
    else:
        level, reason = criterion.levels[0], "not flagged by the early warning"
    item = EvidenceItem(f"Early warning: {criterion.label}", found.reason, found.source)
    return result(level, reason, [item])
