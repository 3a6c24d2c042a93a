"""The conditions under which a limit (never better than, never worse than) applies:
a fact about the latest inspection, or a criterion at one of some levels.

    {"fact": "ofsted_category_of_concern"}
    {"criterion": "leadership", "level_in": ["concern"]}
"""

from uplift.categorisation.conditions import Problem
from uplift.categorisation.evidence import EvidenceItem
from uplift.categorisation.rules.base import unknown_keys
from uplift.inspections.models import CategoryOfConcern, Safeguarding

UNSAFE = {Safeguarding.NOT_MET, Safeguarding.NOT_EFFECTIVE}


def _concern(inspection):
    if inspection is None or not inspection.category_of_concern:
        return None
    label = CategoryOfConcern(inspection.category_of_concern).label.lower()
    return EvidenceItem("Ofsted category of concern", label, inspection.source)


def _unsafe(inspection):
    if inspection is None or inspection.safeguarding not in UNSAFE:
        return None
    label = Safeguarding(inspection.safeguarding).label.lower()
    return EvidenceItem("Safeguarding", label, inspection.source)


FACTS = {
    "ofsted_category_of_concern": (
        "the latest inspection placed the school in an Ofsted category of concern",
        _concern,
    ),
    "safeguarding_not_met": (
        "the latest inspection found safeguarding not met or not effective",
        _unsafe,
    ),
}


def check(when, *, definition, path: str) -> list[Problem]:
    if not isinstance(when, dict):
        return [Problem(path, 'must be {"fact": ...} or {"criterion": ..., "level_in": [...]}')]
    if "fact" in when:
        problems = unknown_keys(when, {"fact"}, path)
        if when["fact"] not in FACTS:
            problems.append(Problem(f"{path}.fact", f"unknown fact; use {', '.join(FACTS)}"))
        return problems
    problems = unknown_keys(when, {"criterion", "level_in"}, path)
    criterion = (
        definition.criterion(when.get("criterion"))
        if isinstance(when.get("criterion"), str)
        else None
    )
    if criterion is None:
        return [
            *problems,
            Problem(f"{path}.criterion", f"unknown criterion {when.get('criterion')!r}"),
        ]
    levels = when.get("level_in")
    if not isinstance(levels, list) or not levels:
        return [*problems, Problem(f"{path}.level_in", "must be a non-empty list of levels")]
    for index, level in enumerate(levels):
        if level not in criterion.levels:
            problems.append(
                Problem(
                    f"{path}.level_in[{index}]",
                    f"{level!r} is not a level of {criterion.code} ({', '.join(criterion.levels)})",
                )
            )
    return problems


def holds(when, context) -> tuple[bool, tuple[EvidenceItem, ...]]:
    """Whether the condition holds for the school, and the evidence that shows it."""
    if "fact" in when:
        item = FACTS[when["fact"]][1](context.evidence.inspection)
        return (item is not None, (item,) if item else ())
    assessment = context.assessments.get(when["criterion"])
    if assessment is None or assessment.level not in when["level_in"]:
        return False, ()
    return True, assessment.evidence


def describe(when, *, definition) -> str:
    if "fact" in when:
        return FACTS[when["fact"]][0]
    criterion = definition.criterion(when["criterion"])
    return f"{criterion.label} is {' or '.join(when['level_in'])}"
